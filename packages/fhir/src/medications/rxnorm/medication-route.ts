/**
 * Route of administration as Soleus names it, from a product's dose form (`rxnorm-grammar.json`) or an
 * order's SNOMED CT route code (`route-codes.json`).
 */
export type MedicationRoute =
  | 'oral'
  | 'sublingual'
  | 'buccal'
  | 'topical'
  | 'transdermal'
  | 'injection'
  | 'subcutaneous'
  | 'intravenous'
  | 'intramuscular'
  | 'inhalation'
  | 'mucosal'
  | 'implant'
  | 'intrauterine'
  | 'vaginal';

/** Routes that do not act systemically enough for the systemic NSAID rules (clinical-spec §C.2). */
const TOPICAL_ROUTES: ReadonlySet<MedicationRoute> = new Set(['topical', 'transdermal']);

/**
 * Whether a route exempts a product from the systemic NSAID rules (topical diclofenac, §C.2).
 * @param route - the product's or the order's route
 * @returns true for topical and transdermal routes
 */
export function isTopicalRoute(route: MedicationRoute | undefined): boolean {
  return route !== undefined && TOPICAL_ROUTES.has(route);
}
