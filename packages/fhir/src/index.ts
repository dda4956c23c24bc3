/** @packageDocumentation fhir */
export const PACKAGE_NAME = '@soleus/fhir';
export {
  lookupRxcui,
  lookupIngredient,
  matchIngredientNames,
  type RxnormEntry,
} from './medications/rxnorm-index';
export type {
  MedicationRoute,
  RxnormIngredient,
  RxnormProduct,
  RxnormProductIngredient,
  RxnormStrength,
} from './medications/rxnorm-subset';
export { resolveMedication } from './medications/resolve-medication';
export type {
  MedicationOrder,
  MedicationResolution,
  ReferenceResolver,
  ResolvedIngredient,
  ResolvedProduct,
} from './medications/resolved-product';
export {
  computeDailyDose,
  type DailyDose,
  type IngredientDailyDose,
} from './medications/daily-dose';
