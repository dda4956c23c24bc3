/**
 * The minimal shape of a FHIR R4 ValueSet that Soleus reads. Core does not depend on `@types/fhir`:
 * only the elements the index uses are typed, and everything else in the JSON is ignored.
 */

/** One code of an expansion, possibly with nested codes (FHIR `ValueSet.expansion.contains`). */
export interface ValueSetExpansionContains {
  readonly system?: string;
  readonly code?: string;
  readonly display?: string;
  readonly contains?: readonly ValueSetExpansionContains[];
}

/** One enumerated concept of a compose include (FHIR `ValueSet.compose.include.concept`). */
export interface ValueSetConcept {
  /** The code; a trailing `*` makes it a prefix (e.g. `I82.4*` matches `I82.40`, `I82.411`, …). */
  readonly code: string;
  readonly display?: string;
}

/** One include of a compose: concepts of one system, and/or other value sets to union. */
export interface ValueSetInclude {
  readonly system?: string;
  readonly concept?: readonly ValueSetConcept[];
  /** Canonical urls of other loaded value sets whose members are included. */
  readonly valueSet?: readonly string[];
}

/** A FHIR R4 ValueSet as Soleus reads it: by `url` and `id`, from its expansion and/or compose. */
export interface ValueSetResource {
  readonly resourceType: 'ValueSet';
  readonly id?: string;
  /** Canonical url rules refer to. */
  readonly url: string;
  readonly version?: string;
  readonly name?: string;
  readonly title?: string;
  readonly status?: string;
  readonly compose?: { readonly include?: readonly ValueSetInclude[] };
  readonly expansion?: { readonly contains?: readonly ValueSetExpansionContains[] };
}
