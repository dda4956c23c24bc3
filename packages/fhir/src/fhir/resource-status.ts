/**
 * Which resources count (clinical-spec §0.1). Each check says whether a resource counts and, when it
 * does not, why — with `issue: true` when the resource breaks a FHIR invariant or cannot be read, so
 * the caller reports a data-quality issue instead of skipping silently. Status codes here are FHIR
 * structural vocabulary, not clinical codes.
 */
import type {
  Condition,
  MedicationRequest,
  MedicationStatement,
  Observation,
  Procedure,
} from 'fhir/r4';
import { CONDITION_CLINICAL, CONDITION_VER_STATUS } from '@soleus/core';
import { statusCode } from './status-code';

/** Whether a resource counts; when not, the reason (no PHI) and whether it is a data-quality issue. */
export type StatusVerdict =
  | { readonly counts: true }
  | {
      readonly counts: false;
      readonly reason: string;
      /** The same for a clinician, as a predicate: "is preliminary, not final" (no codes, no paths). */
      readonly plain: string;
      /** True when the resource breaks a FHIR invariant or is uninterpretable (report it). */
      readonly issue?: boolean;
      /** True for a preliminary Observation with a value: callers may surface it, never exclude with it. */
      readonly preliminary?: boolean;
    };

/** Which question a Condition answers: the current problem, or a documented history item. */
export type ConditionUse = 'current' | 'history';

const COUNTS: StatusVerdict = { counts: true };
const CURRENT_CLINICAL = ['active', 'recurrence', 'relapse'];
const NEVER_VERIFICATION = ['refuted', 'entered-in-error'];
const FINAL_OBSERVATION = ['final', 'amended', 'corrected'];
const ORDER_INTENTS = ['order', 'plan', 'original-order', 'instance-order'];

/**
 * Decides whether a Condition counts as a current problem or as a documented history item.
 * @param condition - the Condition
 * @param use - `current` (active/recurrence/relapse, not refuted/entered-in-error) or `history`
 *   (any clinical status, verification confirmed or absent)
 * @returns the verdict; broken invariants (con-3, con-4, con-5) and conflicting codings set `issue`
 */
export function conditionCounts(condition: Condition, use: ConditionUse): StatusVerdict {
  const clinical = statusCode(condition.clinicalStatus, CONDITION_CLINICAL);
  const verification = statusCode(condition.verificationStatus, CONDITION_VER_STATUS);
  if (clinical.kind === 'conflict' || verification.kind === 'conflict') {
    return issue(
      'clinicalStatus or verificationStatus has codings that disagree',
      'has status codes that contradict each other',
    );
  }
  const ver = verification.kind === 'code' ? verification.code : undefined;
  const clin = clinical.kind === 'code' ? clinical.code : undefined;
  if (ver === 'entered-in-error') {
    return clin === undefined
      ? skip('verificationStatus entered-in-error', 'was entered in error')
      : issue(
          `clinicalStatus ${clin} with verificationStatus entered-in-error breaks con-5`,
          `is marked both ${words(clin)} and entered in error`,
        );
  }
  if (clin !== undefined && CURRENT_CLINICAL.includes(clin) && hasAbatement(condition)) {
    return issue(
      `clinicalStatus ${clin} with an abatement breaks con-4 (abated implies inactive/remission/resolved)`,
      `is marked ${words(clin)} but also has an end date`,
    );
  }
  if (ver !== undefined && NEVER_VERIFICATION.includes(ver)) {
    return skip(`verificationStatus ${ver}`, `is marked ${words(ver)}`);
  }
  return use === 'current' ? currentVerdict(clin) : historyVerdict(ver);
}

function currentVerdict(clin: string | undefined): StatusVerdict {
  if (clin === undefined) {
    return issue(
      'clinicalStatus missing: expected active, recurrence or relapse for a current problem',
      'has no clinical status',
    );
  }
  return CURRENT_CLINICAL.includes(clin)
    ? COUNTS
    : skip(`clinicalStatus ${clin} is not a current problem`, `is ${words(clin)}`);
}

function historyVerdict(ver: string | undefined): StatusVerdict {
  if (ver === undefined || ver === 'confirmed') {
    return COUNTS;
  }
  return skip(
    `verificationStatus ${ver}: possible, not documented`,
    `is only ${words(ver)}, not confirmed`,
  );
}

function hasAbatement(c: Condition): boolean {
  const abatements = [
    c.abatementDateTime,
    c.abatementAge,
    c.abatementPeriod,
    c.abatementRange,
    c.abatementString,
  ];
  return abatements.some((v) => v !== undefined);
}

/**
 * Decides whether an Observation counts: status final/amended/corrected, a result present and no
 * dataAbsentReason. A preliminary result with a value does not count but is flagged `preliminary`.
 * A result is `value[x]`, a component `value[x]` or an `interpretation` (imaging, clinical-spec §9.5).
 * @param observation - the Observation
 * @returns the verdict; value together with dataAbsentReason (obs-6) or a missing status set `issue`
 */
export function observationCounts(observation: Observation): StatusVerdict {
  const hasValue = hasResult(observation);
  if (observation.dataAbsentReason !== undefined) {
    return hasValue
      ? issue(
          'value and dataAbsentReason both present breaks obs-6',
          'has both a value and a reason the value is missing',
        )
      : skip('dataAbsentReason present: no value', 'has no value');
  }
  const status = observation.status as string | undefined;
  if (status === undefined) {
    return issue('status missing: expected final, amended or corrected', 'has no result status');
  }
  if (!FINAL_OBSERVATION.includes(status) && status !== 'preliminary') {
    return skip(`status ${status}`, observationStatusWords(status));
  }
  if (!hasValue) {
    return issue(
      `status ${status} with no value[x], component value or interpretation`,
      'has no value',
    );
  }
  if (status === 'preliminary') {
    return {
      counts: false,
      reason: 'status preliminary: may be surfaced as unconfirmed, never used to exclude',
      plain: 'is preliminary, not final',
      preliminary: true,
    };
  }
  return COUNTS;
}

function hasResult(o: Observation): boolean {
  const withValue = (r: object): boolean => Object.keys(r).some((k) => k.startsWith('value'));
  return withValue(o) || (o.component ?? []).some(withValue) || (o.interpretation?.length ?? 0) > 0;
}

/**
 * Decides whether an existing MedicationRequest counts: status active and an order-like intent.
 * Drafts belong to the hook (`context.draftOrders`) and do not count here.
 * @param request - the MedicationRequest
 * @returns the verdict; a missing status or intent sets `issue`
 */
export function medicationRequestCounts(request: MedicationRequest): StatusVerdict {
  const status = request.status as string | undefined;
  const intent = request.intent as string | undefined;
  if (status === undefined || intent === undefined) {
    return issue(
      'status or intent missing: expected status active with intent order, plan, original-order or instance-order',
      'has no status or intent',
    );
  }
  if (status !== 'active') {
    return skip(`status ${status}`, `is ${words(status)}`);
  }
  return ORDER_INTENTS.includes(intent)
    ? COUNTS
    : skip(`intent ${intent} is not an order`, `is a ${words(intent)}, not an order`);
}

/**
 * Decides whether a MedicationStatement counts: status active (or intended, when asked for).
 * @param statement - the MedicationStatement
 * @param options - `includeIntended` also counts planned use (status intended)
 * @returns the verdict; a missing status sets `issue`
 */
export function medicationStatementCounts(
  statement: MedicationStatement,
  options: { readonly includeIntended?: boolean } = {},
): StatusVerdict {
  const status = statement.status as string | undefined;
  if (status === undefined) {
    return issue('status missing: expected active', 'has no status');
  }
  if (status === 'active' || (status === 'intended' && options.includeIntended === true)) {
    return COUNTS;
  }
  return skip(`status ${status}`, `is ${words(status)}`);
}

/**
 * Decides whether a Procedure counts: status completed (or in-progress, when asked for, e.g. a cast
 * that is still in place).
 * @param procedure - the Procedure
 * @param options - `includeInProgress` also counts status in-progress
 * @returns the verdict; a missing status sets `issue`
 */
export function procedureCounts(
  procedure: Procedure,
  options: { readonly includeInProgress?: boolean } = {},
): StatusVerdict {
  const status = procedure.status as string | undefined;
  if (status === undefined) {
    return issue('status missing: expected completed', 'has no status');
  }
  if (status === 'completed' || (status === 'in-progress' && options.includeInProgress === true)) {
    return COUNTS;
  }
  return skip(`status ${status}`, `is ${words(status)}`);
}

function skip(reason: string, plain: string): StatusVerdict {
  return { counts: false, reason, plain };
}

function issue(reason: string, plain: string): StatusVerdict {
  return { counts: false, reason, plain, issue: true };
}

/** A FHIR status code in words: `entered-in-error` → "entered in error". */
function words(code: string | undefined): string {
  return (code ?? 'unknown').replace(/-/g, ' ');
}

/** An Observation status a result does not count under, as a predicate a clinician reads. */
function observationStatusWords(status: string): string {
  switch (status) {
    case 'unknown':
      return 'has an unknown status';
    case 'registered':
      return 'is registered, with no result yet';
    default:
      return `is ${words(status)}`;
  }
}
