/** @packageDocumentation core */
export const PACKAGE_NAME = '@soleus/core';
export {
  convertQuantity,
  type ConversionFailure,
  type ConversionResult,
  type ConvertedQuantity,
} from './units/convert-quantity';
export {
  normaliseQuantity,
  type NormalisationFailure,
  type NormalisedQuantity,
  type QuantityComparator,
  type QuantityInput,
} from './units/normalise-quantity';
export { parseUnit, type ParsedUnit } from './units/parse-unit';
export { isUcumUnit } from './units/is-ucum-unit';
export { findAnalyte, type AnalyteDefinition } from './units/analyte-table';
export {
  LOINC,
  SNOMED,
  RXNORM,
  ICD10CM,
  UCUM,
  CONDITION_CLINICAL,
  CONDITION_VER_STATUS,
  OBSERVATION_CATEGORY,
  SOLEUS_CANONICAL_BASE,
  CARD_SYSTEM,
  CALF_FINDINGS_SYSTEM,
  OVERRIDE_REASON_SYSTEM,
  WELLS_QUESTIONNAIRE,
  VALUESET_BASE,
} from './terminology/systems';
export type { Coding, TerminologyProvider } from './terminology/terminology-provider';
export type {
  ValueSetConcept,
  ValueSetExpansionContains,
  ValueSetInclude,
  ValueSetResource,
} from './terminology/value-set-resource';
export { buildValueSetIndex, type BuildValueSetIndexOptions } from './terminology/value-set-index';
export { loadValueSets, type LoadedValueSets } from './terminology/load-value-sets';
export type { LoadedRule, RuleSet } from './catalog/rule-set';
export { DEFAULT_CONTENT, type ContentDirs } from './catalog/default-content';
export {
  DEFAULT_CANONICAL_DIRS,
  loadCanonicalResources,
  type CanonicalDirs,
  type CanonicalResource,
} from './catalog/load-canonical-resources';
export {
  loadRuleSet,
  loadRuleSetSync,
  validateRuleSet,
  type LoadRuleSetOptions,
  type RuleSetValidation,
} from './catalog/load-rule-set';
export { validateRulePack, type RulePackTarget } from './catalog/validate-rule-pack';
export { resolvePackDirs } from './catalog/resolve-pack-dirs';
export type {
  Mechanism,
  MechanismContext,
  MechanismIssueSink,
  MechanismRegistry,
  MechanismRequirement,
  PackParameters,
} from './mechanisms/mechanism';
export { SHIPPED_MECHANISMS } from './mechanisms/shipped-mechanisms';
export type {
  PatientReading,
  ReadingKind,
  ReadingSide,
  ReadingQuantity,
  ReadingStatus,
  ReadingTime,
  ReadingUse,
  ReadingValue,
  RecordQuery,
  RecordReader,
  RecordReading,
} from './mechanisms/records/record-reading';
export { namedSubject, readingSubject } from './mechanisms/records/reading-subject';
export { windowStartMs } from './mechanisms/records/window-start-ms';
export type { AnswersQuery, AnswersReading } from './mechanisms/records/answers-reading';
export type { EntryDescription } from './mechanisms/records/entry-description';
export { displayReported, displayUnit } from './text/display-unit';
export { unitProblem, valueProblem } from './text/unit-problem';
export { calendarDate, humanDate, humanDateText, timeAgo } from './text/human-date';
export { durationWords } from './text/duration-words';
export { POSSIBLE_NOT_DOCUMENTED } from './mechanisms/records/possible-not-documented';
export { DVT_PACK, dvtParam } from './mechanisms/dvt/dvt-param';
export { checkDvtParameters, DVT_PARAMETERS } from './mechanisms/dvt/check-dvt-parameters';
export { dvtObservationNeeds, dvtTriggerEncounterNeeds } from './mechanisms/dvt/dvt-data-needs';
export { placeInEpisode, type Placement } from './mechanisms/dvt/place-in-episode';
export { dvtEpisode, type DvtEpisode } from './mechanisms/dvt/dvt-episode';
export {
  collectParameterIssues,
  numberFact,
  packNumber,
  packValue,
  reportParameter,
  stringParam,
  type NumberInput,
  type ParameterReader,
} from './mechanisms/mechanism-inputs';
export { checkRuleSet, type RuleSetCandidate } from './catalog/check-rule-set';
export { checkRule } from './catalog/check-rule';
export { suggestName } from './catalog/suggest-name';
export type { ConvertQuantity, RuleCheckContext } from './catalog/rule-check-context';
export type { RuleFile } from './catalog/read-rule-packs';
export { evaluate, evaluateReference, evaluateSync, rulesThatHold } from './engine/evaluate';
export type { EvaluateOptions, EvaluationResult, Hook } from './engine/evaluation-result';
export type { ConditionTrace, Indicator, RuleResult } from './engine/rule-result';
export {
  OPERATORS,
  type FactType,
  type OperatorContext,
  type OperatorSpec,
} from './engine/operators';
export { parseIsoDuration, type IsoDuration } from './engine/iso-duration';
export { subtractDuration } from './engine/subtract-duration';
export { parseInstant } from './engine/parse-instant';
export {
  ERROR_CODES,
  SoleusError,
  formatLocation,
  isSoleusError,
  type ErrorCode,
  type Issue,
  type IssueConcerns,
  type IssueLocation,
  type SoleusErrorOptions,
} from './errors';
export {
  factSetOf,
  type Fact,
  type FactEvidence,
  type FactObject,
  type FactSet,
  type FactValue,
} from './facts/fact';
export { collectLeaves, type LocatedLeaf } from './catalog/walk-conditions';
export type {
  Action,
  AllCondition,
  AnyCondition,
  CardTemplate,
  Coding as RuleCoding,
  Condition,
  Evidence,
  LeafCondition,
  Link,
  NotCondition,
  RuleDefinition,
  Suggestion,
  TextVariant,
} from './generated/rule-definition';
export type { FactCatalogueFile, FactDefinition } from './generated/fact-catalogue-file';
export type { PackManifest } from './generated/pack-manifest';
export type { LoadedTable } from './tables/loaded-table';
export type { TableColumn, TableValue } from './tables/table-columns';
export { evaluateDecisionTable, type TableHit } from './tables/evaluate-decision-table';
export { verifyDecisionTable } from './tables/verify-decision-table';
export { tableConditions } from './tables/table-conditions';
