/**
 * Shape of a medication index file (`packages/fhir/data/rxnorm-index.json`, or one a site builds with
 * `soleus rxnorm import`), mirroring `data/rxnorm-index.schema.json`. Generated, never edited by hand.
 */
import type { MedicationRoute } from './medication-route';
import type { RxnormStrength } from './rxnorm-strength';

/** The term types an index entry can carry (RxNorm TTY). */
export type IndexTty =
  'SCD' | 'SBD' | 'SCDC' | 'SBDC' | 'SCDG' | 'SBDG' | 'SCDF' | 'SBDF' | 'GPCK' | 'BPCK';

/** An ingredient (RxNorm IN) some loaded value set lists: the rules' interest. */
export interface IndexIngredient {
  readonly code: string;
  readonly display: string;
  /** Ids of the value sets that list it, e.g. `["apap"]`. */
  readonly valueSets: readonly string[];
}

/**
 * An ingredient that belongs to a class the rules read but has no verified RxNorm code in any value
 * set (e.g. fenoprofen, an NSAID): its products are never called out of scope; they come back as
 * "could not be checked" so that a clinician sees them.
 */
export interface IndexWatchIngredient {
  readonly name: string;
  readonly valueSets: readonly string[];
}

/** One ingredient of a product with its strength. */
export interface IndexProductIngredient {
  /** As the product's name writes it, e.g. `Oxycodone Hydrochloride` (the basis of strength). */
  readonly substance: string;
  /** The ingredient's RxCUI when some value set lists it; absent for ingredients outside the rules. */
  readonly rxcui?: string;
  /** Name of the watch ingredient, or of the listed ingredient the substance contains, when it is unverified. */
  readonly unverified?: string;
  readonly strength?: RxnormStrength;
}

/** A product (or component, group or pack) with at least one ingredient of interest. */
export interface IndexProduct {
  readonly rxcui: string;
  readonly tty: IndexTty;
  /** The RxNorm normalized name, exactly as the source spells it. */
  readonly name: string;
  readonly ingredients: readonly IndexProductIngredient[];
  readonly doseForm?: string;
  readonly route?: MedicationRoute;
  /** Quantity factor, e.g. 10 mL for `10 ML Furosemide 10 MG/ML Injection`. */
  readonly quantity?: RxnormStrength;
  readonly brand?: string;
  /**
   * Ids of the value sets that list this product by its own RxCUI (product-level membership, for a drug
   * whose products are verified but whose ingredient code is not, e.g. amiloride).
   */
  readonly valueSets?: readonly string[];
}

/** A product code a value set lists directly (its display is a product name, not an ingredient). */
export interface IndexProductMember {
  readonly code: string;
  readonly valueSets: readonly string[];
}

/** A brand name whose products contain ingredients of interest. */
export interface IndexBrand {
  readonly name: string;
  /** RxCUIs of the listed ingredients its products contain. */
  readonly ingredients: readonly string[];
}

/** Where the index came from. */
export interface IndexProvenance {
  readonly source: string;
  readonly sourceFiles: readonly { readonly file: string; readonly sha256: string }[];
  readonly ingredients: string;
  readonly generator: string;
  readonly licence: string;
}

/** A whole index file. */
export interface RxnormIndexFile {
  readonly formatVersion: 1;
  readonly provenance: IndexProvenance;
  readonly ingredients: readonly IndexIngredient[];
  readonly watch: readonly IndexWatchIngredient[];
  /** Base names of the source's ingredients that no value set lists (to recognise them by name). */
  readonly knownNames: readonly string[];
  readonly brands: readonly IndexBrand[];
  readonly products: readonly IndexProduct[];
  /** RxCUIs of the source's products whose every ingredient is outside the rules' interest. */
  readonly outOfScope: readonly string[];
}
