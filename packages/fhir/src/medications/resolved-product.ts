/**
 * What {@link resolveMedication} returns: a medication order reduced to RxNorm ingredients with their
 * Soleus classes, strengths and route, or the issue saying why that was not possible.
 */
import type { Issue } from '@soleus/core';
import type { FhirResource, MedicationRequest, MedicationStatement } from 'fhir/r4';
import type { MedicationRoute, RxnormStrength } from './rxnorm-subset';

/** A medication order or statement, the two resources that carry `medication[x]` and dosage. */
export type MedicationOrder = MedicationRequest | MedicationStatement;

/** Resolves a `Reference.reference` (bundle `fullUrl`, `Type/id`) to a resource, or undefined. */
export type ReferenceResolver = (ref: string) => FhirResource | undefined;

/** One active ingredient of a resolved product. */
export interface ResolvedIngredient {
  /** RxCUI of the ingredient (tty IN). */
  readonly rxcui: string;
  readonly name: string;
  /** Soleus drug classes from the subset, e.g. `nsaid`, `apap`. */
  readonly classes: readonly string[];
  /** Strength per unit of dose form (`mg`) or per volume (`mg/mL`); absent when only the IN is known. */
  readonly strength?: RxnormStrength;
  /** Salt the strength refers to, e.g. `naproxen sodium`. */
  readonly basisOfStrength?: string;
}

/** A medication reduced to what the rules need. */
export interface ResolvedProduct {
  /** RxCUI of the product (SCD/SBD) or the ingredient when coded at IN level; absent for text matches. */
  readonly rxcui?: string;
  readonly ingredients: readonly ResolvedIngredient[];
  readonly doseForm?: string;
  readonly route?: MedicationRoute;
  /** True for topical or transdermal products, which systemic NSAID rules exempt (clinical-spec §C.2). */
  readonly topical: boolean;
  /** `code` when an RxNorm code matched; `text` for the lower-confidence ingredient-name fallback. */
  readonly matchedBy: 'code' | 'text';
  /** Provenance of the subset entry that matched, e.g. `[U] domain knowledge`. */
  readonly provenance?: string;
}

/** The outcome of resolving one order: a product (with any warnings) or the reason it is unknown. */
export type MedicationResolution =
  | { readonly ok: true; readonly product: ResolvedProduct; readonly issues: readonly Issue[] }
  | { readonly ok: false; readonly issue: Issue };
