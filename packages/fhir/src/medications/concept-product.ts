import type { MedicationRoute } from './rxnorm/medication-route';
import type { RxnormStrength } from './rxnorm/rxnorm-strength';
import type { ResolvedIngredient } from './resolved-product';

/** A product as a concept or a name identifies it, before the order's own route is known. */
export interface ConceptProduct {
  readonly rxcui?: string;
  readonly name?: string;
  readonly ingredients: readonly ResolvedIngredient[];
  readonly doseForm?: string;
  readonly route?: MedicationRoute;
  readonly quantity?: RxnormStrength;
  readonly identifiedBy: 'code' | 'name';
  /** Ids of the value sets that list the product itself by its RxCUI (product-level membership). */
  readonly valueSets?: readonly string[];
}
