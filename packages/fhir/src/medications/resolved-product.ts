/**
 * What {@link resolveMedication} returns: a medication order reduced to RxNorm ingredients with the
 * value sets that list them, their strengths and route; or "out of scope" (identified, and nothing in
 * it is of interest to a rule); or "unidentified", with the issue that says so.
 */
import type { Issue } from '@soleus/core';
import type { FhirResource, MedicationRequest, MedicationStatement } from 'fhir/r4';
import type { ConceptProduct } from './concept-product';
import type { RxnormStrength } from './rxnorm/rxnorm-strength';

/** A medication order or statement, the two resources that carry `medication[x]` and dosage. */
export type MedicationOrder = MedicationRequest | MedicationStatement;

/** Resolves a `Reference.reference` (bundle `fullUrl`, `Type/id`) to a resource, or undefined. */
export type ReferenceResolver = (ref: string) => FhirResource | undefined;

/** One active ingredient of a resolved product. */
export interface ResolvedIngredient {
  /** RxCUI of the ingredient (IN) when a value set lists it; absent for ingredients outside the rules. */
  readonly rxcui?: string;
  /** The ingredient's name (value-set display), or the substance as the product names it. */
  readonly name: string;
  /** Ids of the value sets that list the ingredient (empty outside the rules). */
  readonly valueSets: readonly string[];
  /** Per unit of dose form (`mg`), per volume (`mg/mL`) or per actuation; absent when not stated. */
  readonly strength?: RxnormStrength;
  /** The substance the strength refers to, as the product names it, e.g. `Naproxen sodium`. */
  readonly substance?: string;
  /** Set when the ingredient belongs to a class the rules read but has no verified code. */
  readonly unverified?: string;
}

/**
 * A medication reduced to what the rules need: the product as its code or name identifies it
 * ({@link ConceptProduct}: RxCUI, normalized name, ingredients, dose form, quantity, identified by code
 * or name), with the route the order gives it when the product has none, and whether it is topical.
 */
export interface ResolvedProduct extends ConceptProduct {
  /** True for topical or transdermal products, which systemic NSAID rules exempt (clinical-spec §C.2). */
  readonly topical: boolean;
}

/** The outcome of resolving one order. */
export type MedicationResolution =
  | {
      readonly status: 'identified';
      readonly product: ResolvedProduct;
      readonly issues: readonly Issue[];
    }
  | { readonly status: 'out-of-scope'; readonly issues: readonly Issue[] }
  | {
      readonly status: 'unidentified';
      readonly issue: Issue;
      /** Ingredients of interest the product's name suggests (empty when none). */
      readonly suggests: readonly string[];
    };
