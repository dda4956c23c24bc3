/** A code as FHIR and CDS Hooks carry it. */
export interface Coding {
  readonly system?: string;
  readonly code?: string;
  readonly display?: string;
}

/**
 * Answers value-set membership. The default is the in-memory index built from `valuesets/`; a hospital
 * can plug in its own (e.g. backed by its terminology server, pre-expanded at start-up: membership is
 * asked on the hot path and must be synchronous and O(1)).
 */
export interface TerminologyProvider {
  /**
   * @param valueSet - canonical url (or short id) of the value set
   * @param coding - the coding to test
   * @returns true when the coding's system and code are in the value set
   * @throws {SOLEUS_VALUESET_NOT_FOUND} when the value set is not loaded
   */
  contains(valueSet: string, coding: Coding): boolean;
  /** @returns true when a value set with that url or id is loaded */
  has(valueSet: string): boolean;
  /** @returns canonical urls of every loaded value set */
  valueSets(): readonly string[];
  /**
   * Lists a value set's codes, so discovery can narrow prefetch queries by code. Optional: a provider
   * backed by a terminology server may not enumerate.
   * @param valueSet - canonical url (or short id)
   * @returns the codings, or undefined when the set cannot be listed (e.g. it uses code prefixes)
   */
  expand?(valueSet: string): readonly Coding[] | undefined;
}
