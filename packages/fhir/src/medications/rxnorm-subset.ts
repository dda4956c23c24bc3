/**
 * Shape of the shipped RxNorm subset (`packages/fhir/data/rxnorm-subset.json`), mirroring
 * `data/rxnorm-subset.schema.json`. The JSON is the single source of codes; this file only types it.
 */

/** Route of administration as Soleus names it. */
export type MedicationRoute =
  | 'oral'
  | 'topical'
  | 'transdermal'
  | 'subcutaneous'
  | 'intravenous'
  | 'intramuscular'
  | 'inhalation';

/** Strength of one ingredient per unit of dose form (`mg`) or per volume (`mg/mL`), in UCUM. */
export interface RxnormStrength {
  readonly value: number;
  readonly unit: 'mg' | 'mg/mL' | 'mg/{actuat}';
}

/** An RxNorm ingredient (tty IN) with its Soleus drug classes. */
export interface RxnormIngredient {
  readonly rxcui: string;
  readonly tty: 'IN';
  readonly name: string;
  readonly classes: readonly string[];
  readonly provenance: string;
}

/** One ingredient of a product with its strength. */
export interface RxnormProductIngredient {
  readonly rxcui: string;
  readonly name: string;
  /** Precise ingredient (salt) the strength refers to, e.g. `naproxen sodium`. */
  readonly basisOfStrength?: string;
  readonly strength: RxnormStrength;
}

/** An RxNorm clinical (SCD) or branded (SBD) drug. */
export interface RxnormProduct {
  readonly rxcui: string;
  readonly tty: 'SCD' | 'SBD';
  readonly name: string;
  readonly ingredients: readonly RxnormProductIngredient[];
  readonly doseForm: string;
  readonly route: MedicationRoute;
  readonly provenance: string;
}

/** A SNOMED CT route code mapped to a Soleus route. */
export interface RouteCode {
  readonly code: string;
  readonly route: MedicationRoute;
  readonly provenance: string;
}

/** The whole subset file. */
export interface RxnormSubset {
  readonly provenance: Readonly<Record<string, unknown>>;
  readonly routeCodesSnomed: readonly RouteCode[];
  readonly ingredients: readonly RxnormIngredient[];
  readonly products: readonly RxnormProduct[];
}
