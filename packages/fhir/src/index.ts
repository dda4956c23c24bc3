/** @packageDocumentation fhir */
export const PACKAGE_NAME = '@soleus/fhir';
export { RxnormIndex, type IndexedCode } from './medications/rxnorm/rxnorm-index';
export {
  loadRxnormIndex,
  shippedRxnormIndex,
  RXNORM_INDEX_PATH,
  RXNORM_INDEX_INPUTS_PATH,
} from './medications/rxnorm/load-rxnorm-index';
export type {
  IndexBrand,
  IndexIngredient,
  IndexProduct,
  IndexProductIngredient,
  IndexProvenance,
  IndexTty,
  IndexWatchIngredient,
  RxnormIndexFile,
} from './medications/rxnorm/rxnorm-index-file';
export type { MedicationRoute } from './medications/rxnorm/medication-route';
export type { RxnormStrength } from './medications/rxnorm/rxnorm-strength';
export {
  parseRxnormName,
  type ParsedComponent,
  type ParsedNameKind,
  type ParsedRxnormName,
} from './medications/rxnorm/parse-rxnorm-name';
export { identifyByName, type NameIdentification } from './medications/rxnorm/identify-by-name';
export {
  buildRxnormIndex,
  type BuildRxnormIndexInput,
  type BuildRxnormIndexReport,
} from './medications/rxnorm/build/build-rxnorm-index';
export {
  buildIndexFromSandboxList,
  type SandboxIndexSources,
} from './medications/rxnorm/build/build-index-from-sandbox-list';
export { serializeRxnormIndex } from './medications/rxnorm/build/serialize-rxnorm-index';
export {
  buildIndexFromRrf,
  type RrfIndexSources,
} from './medications/rxnorm/build/rrf/build-index-from-rrf';
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
export type {
  CdsAction,
  CdsCard,
  CdsCoding,
  CdsContext,
  CdsDiscoveryResponse,
  CdsExtension,
  CdsFeedback,
  CdsFeedbackItem,
  CdsHookName,
  CdsLink,
  CdsOverrideReason,
  CdsRequest,
  CdsResponse,
  CdsService,
  CdsSource,
  CdsSuggestion,
  DraftOrder,
  FhirAuthorization,
  OrderSelectContext,
  OrderSignContext,
  PatientViewContext,
  PrefetchValue,
} from './cds-hooks/types';
export {
  CDS_HOOKS,
  validateCdsRequest,
  type CdsRequestValidation,
} from './cds-hooks/validate-cds-request';
export { validateFeedback, type CdsFeedbackValidation } from './cds-hooks/validate-feedback';
export { validateCdsResponse } from './cds-hooks/validate-cds-response';
export { keepValidResponse, type CheckedResponse } from './cds-hooks/keep-valid-response';
export {
  describeInternalError,
  type InternalErrorDescription,
} from './cds-hooks/describe-internal-error';
export { sanitiseResource, type SanitisedResource } from './sanitise/sanitise-resource';
export { prepareReadElementRules, READ_ELEMENTS_SCHEMA_PATH } from './sanitise/read-element-rules';
export { bundleResources, nextLinkOf, type BundleContents } from './fhir/bundle-resources';
export { CDS_SCHEMA_DIR, prepareCdsSchemas, type CdsSchemaName } from './cds-hooks/cds-schemas';
export {
  buildOperationOutcome,
  pointerToPath,
  type CdsErrorStatus,
} from './cds-hooks/operation-outcome';
export {
  resolvePrefetch,
  type ResolvePrefetchOptions,
  type ResolvedPrefetch,
} from './cds-hooks/resolve-prefetch';
export type { PrefetchKeyState } from './cds-hooks/resolve-prefetch-key';
export { prefetchRecord } from './cds-hooks/prefetch-record';
export {
  createFhirFetcher,
  DEFAULT_PREFETCH_MAX_BYTES,
  type FetchBudget,
  type FhirFetcher,
  type FhirFetcherOptions,
} from './cds-hooks/fhir-fetcher';
export {
  checkTemplateTokens,
  fillPrefetchTemplate,
  type FilledTemplate,
} from './cds-hooks/fill-prefetch-template';
export { HOOKS, isHook, type Hook } from './evaluate/hooks';
export {
  evaluateRecord,
  type EvaluateRecordOptions,
  type EvaluateRecordOutcome,
} from './evaluate/evaluate-record';
export {
  explainEvaluation,
  type ExplainedIssue,
  type Explanation,
} from './evaluate/explain-evaluation';
export { recordFromBundle, type PatientRecord } from './record/record-from-bundle';
export { bundleToFacts, type BundleToFactsOptions } from './facts/bundle-to-facts';
export { indexRecord, primaryCode, type IndexEntry, type RecordIndex } from './facts/record-index';
export type { FactContext } from './facts/fact-context';
export type { FactSource } from './facts/fact-source';
export { DERIVATIONS, type Derivation } from './facts/derivations';
export type { DataRequirement } from './facts/data-requirement';
export { resultsToCards, type CardOptions } from './cards/results-to-cards';
export {
  CARD_TEXT_PATTERNS,
  lintCardText,
  type CardTextFinding,
  type LintableCard,
} from './cards/lint-card-text';
export { CARD_EXTENSION } from './cards/card-extension';
export { buildDiscovery, prefetchTemplates, serviceIdFor } from './cds-hooks/discovery';
export {
  handleCdsRequest,
  servicesOf,
  type CdsDeps,
  type CdsResult,
} from './cds-hooks/handle-cds-request';
export { parseFhirDate, type FhirDate, type FhirDatePrecision } from './fhir/parse-fhir-date';
export {
  observationEffectiveTime,
  observationTimeSource,
  type ObservationTime,
} from './fhir/observation-effective-time';
export {
  conditionOnset,
  conditionOnsetSource,
  type ConditionOnsetSource,
} from './fhir/condition-onset';
export {
  conditionCounts,
  medicationRequestCounts,
  medicationStatementCounts,
  observationCounts,
  procedureCounts,
  type ConditionUse,
  type StatusVerdict,
} from './fhir/resource-status';
export { statusCode, type StatusCode } from './fhir/status-code';
export {
  laterality,
  LATERALITY_TABLE,
  type Laterality,
  type LateralityInput,
  type LateralityTable,
} from './fhir/laterality';
export { ageAt } from './fhir/age-at';
export { referenceKey, type ReferenceScope } from './fhir/reference-key';
