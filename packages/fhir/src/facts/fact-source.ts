/**
 * How the FHIR adapter computes each catalogue fact (`FactDefinition.source`). These are data: an
 * informaticist adds a lab, condition or medication fact by writing one of these in a `*.facts.json`
 * file, without TypeScript. Only `derived` facts name a TypeScript mechanism (e.g. Wells scoring).
 */
import type { ConditionUse } from '../fhir/resource-status';

/** How several qualifying resources reduce to one value. */
export type Aggregate =
  | 'exists' // boolean: any qualifying resource (false when none: "not documented")
  | 'count' // number of qualifying resources
  | 'ids' // string[] of `Type/id`
  | 'latest' // value of the most recent (by effective time / onset)
  | 'min'
  | 'max'
  | 'earliestAt' // date: earliest effective/onset instant
  | 'latestAt'; // date: most recent effective/onset instant

/** A lab or vital: Observation with a quantity, boolean or coded value. */
export interface ObservationSource {
  readonly kind: 'observation';
  /** Value set (url or id) of the Observation.code. */
  readonly valueSet: string;
  /** Analyte of packages/core/data/analytes.json for unit conversion (quantity values). */
  readonly analyte?: string;
  /**
   * What the value is: quantity (converted to the fact unit), boolean, presence of the observation, or
   * the first result of `expression`.
   */
  readonly value: 'quantity' | 'boolean' | 'presence' | 'expression';
  /** FHIRPath over the Observation giving the value when `value` is `expression` (compiled once). */
  readonly expression?: string;
  /** FHIRPath filter over each candidate Observation (compiled once), e.g. `bodySite.exists()`. */
  readonly where?: string;
  /** ISO 8601 look-back from `now`; older results are ignored as stale (and reported). */
  readonly window?: string;
  readonly aggregate: Aggregate;
  /** Also count `preliminary` results (never used for exclusion rules). Default false. */
  readonly includePreliminary?: boolean;
}

/** A problem, diagnosis or finding: Condition resources. */
export interface ConditionSource {
  readonly kind: 'condition';
  readonly valueSet: string;
  /**
   * What the condition is used for (certainty by use, docs/reference/status-rules.md): `current` and
   * `confirmed` need an active/recurrence/relapse clinical status, `risk` and `history` accept any;
   * an uncertain verification (provisional, differential, unconfirmed) counts for `current` and `risk`
   * (it may raise caution) and is unknown for `history` and `confirmed` (it may not confirm or score).
   */
  readonly state: ConditionUse;
  /** FHIRPath filter over each candidate Condition (compiled once). */
  readonly where?: string;
  /** ISO 8601 look-back on onset from `now` (conditions with unknown onset do not qualify). */
  readonly window?: string;
  readonly aggregate: Aggregate;
}

/** A completed procedure (surgery, cast, chemotherapy). */
export interface ProcedureSource {
  readonly kind: 'procedure';
  readonly valueSet: string;
  /** FHIRPath filter over each candidate Procedure (compiled once). */
  readonly where?: string;
  readonly window?: string;
  readonly aggregate: Aggregate;
}

/** Medications by ingredient value set, from active requests/statements and the hook's draft orders. */
export interface MedicationSource {
  readonly kind: 'medication';
  /** Value set of RxNorm ingredients (products are mapped to ingredients via the RxNorm subset). */
  readonly valueSet: string;
  /**
   * Which orders count: `active` (record), `draft` (all draft orders of the hook; for order-select only
   * the `selections`), or both; `recent`: active, or ordered/taken within `window` whatever its status
   * except cancelled, entered-in-error, draft or not-taken (therapy "within the last 6 months").
   */
  readonly scope: 'active' | 'draft' | 'active-or-draft' | 'recent';
  /** ISO 8601 look-back of the `recent` scope. */
  readonly window?: string;
  /** exists / count / ids, or `dailyDose`: total mg/day of the value set's ingredients (sum). */
  readonly aggregate: 'exists' | 'count' | 'ids' | 'dailyDose';
  /** Leave out topical products (topical diclofenac is exempt from systemic NSAID rules). */
  readonly excludeTopical?: boolean;
}

/** Demographics. */
export interface PatientSource {
  readonly kind: 'patient';
  readonly field: 'ageYears' | 'sex';
}

/** Data-quality issues raised while computing the other facts. */
export interface IssuesSource {
  readonly kind: 'issues';
  readonly aggregate: 'count' | 'messages';
}

/** The hook being evaluated. */
export interface HookSource {
  readonly kind: 'hook';
}

/** A fact computed by a named TypeScript derivation (see derivations.ts), with parameters as data. */
export interface DerivedSource {
  readonly kind: 'derived';
  readonly derivation: string;
  readonly params?: Readonly<Record<string, unknown>>;
}

/** Every source kind. */
export type FactSource =
  | ObservationSource
  | ConditionSource
  | ProcedureSource
  | MedicationSource
  | PatientSource
  | IssuesSource
  | HookSource
  | DerivedSource;
