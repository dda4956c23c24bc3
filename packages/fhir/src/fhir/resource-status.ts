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
import { CONDITION_CLINICAL, CONDITION_VER_STATUS, POSSIBLE_NOT_DOCUMENTED } from '@soleus/core';
import { parseFhirDate } from './parse-fhir-date';
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
      /** True for an uncertain Condition in a use that may not rely on it: unknown, never absent. */
      readonly uncertain?: boolean;
    };

/**
 * What a Condition is used for (certainty by use, clinical-spec §0.1 and §0.3 revision 2; the table is
 * docs/reference/status-rules.md):
 * - `current` — a current problem that raises a work-up, a caution or a contraindication;
 * - `risk` — a recent or past problem that raises a risk or a contraindication (GI bleed ≤ 90 days);
 * - `history` — a documented history item a pathway scores (Wells item 9, previous DVT);
 * - `confirmed` — a current problem that confirms a diagnosis, closes a pathway or withholds a
 *   treatment (`dvt-confirmed`, "already anticoagulated").
 */
export type ConditionUse = 'current' | 'risk' | 'history' | 'confirmed';

/** How one use reads clinicalStatus and an uncertain verificationStatus. */
interface UseRule {
  /** `current`: active/recurrence/relapse only; `any`: any clinical status (resolved included). */
  readonly clinical: 'current' | 'any';
  /** `counts`: provisional/differential/unconfirmed counts; `unknown`: possible, so neither yes nor no. */
  readonly uncertain: 'counts' | 'unknown';
}

/** The one place certainty by use is decided. Uncertain may raise, never confirm, close or treat. */
export const CONDITION_USES: Readonly<Record<ConditionUse, UseRule>> = {
  current: { clinical: 'current', uncertain: 'counts' },
  risk: { clinical: 'any', uncertain: 'counts' },
  history: { clinical: 'any', uncertain: 'unknown' },
  confirmed: { clinical: 'current', uncertain: 'unknown' },
};

const COUNTS: StatusVerdict = { counts: true };
const CURRENT_CLINICAL = ['active', 'recurrence', 'relapse'];
const NEVER_VERIFICATION = ['refuted', 'entered-in-error'];
const UNCERTAIN_VERIFICATION = ['provisional', 'differential', 'unconfirmed'];
const FINAL_OBSERVATION = ['final', 'amended', 'corrected'];
const ORDER_INTENTS = ['order', 'plan', 'original-order', 'instance-order'];
// MedicationRequest.doNotPerform (a modifier): an order NOT to give the medication, never therapy.
const DO_NOT_PERFORM: StatusVerdict = {
  counts: false,
  reason: 'doNotPerform: an instruction not to give the medication',
  plain: 'is an order not to give it',
};

/**
 * Decides whether a Condition counts for a use (see {@link CONDITION_USES}): refuted and
 * entered-in-error never count; a current use needs an active/recurrence/relapse clinical status; an
 * uncertain verification (provisional, differential, unconfirmed) counts where the use only raises
 * caution and is `uncertain` (unknown: neither present nor absent) where the use would confirm or
 * score it; a confirmed or absent verification counts ("recorded", §0.1).
 * @param condition - the Condition
 * @param use - what the condition is used for
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
  const rule = CONDITION_USES[use];
  if (rule.clinical === 'current') {
    const problem = currentProblem(clin);
    if (problem) {
      return problem;
    }
  }
  if (ver !== undefined && UNCERTAIN_VERIFICATION.includes(ver) && rule.uncertain === 'unknown') {
    return {
      counts: false,
      reason: `verificationStatus ${ver}: ${POSSIBLE_NOT_DOCUMENTED}`,
      plain: `is only ${words(ver)}, not confirmed`,
      uncertain: true,
    };
  }
  return COUNTS;
}

/** Why a clinical status is not a current problem, or null when it is one. */
function currentProblem(clin: string | undefined): StatusVerdict | null {
  if (clin === undefined) {
    return issue(
      'clinicalStatus missing: expected active, recurrence or relapse for a current problem',
      'has no clinical status',
    );
  }
  return CURRENT_CLINICAL.includes(clin)
    ? null
    : skip(`clinicalStatus ${clin} is not a current problem`, `is ${words(clin)}`);
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
 * Decides whether an existing MedicationRequest counts: status active, an order-like intent and not
 * `doNotPerform` (an order not to give the medication is never active therapy).
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
  if (request.doNotPerform === true) {
    return DO_NOT_PERFORM;
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

// Statuses that mean the medication was never given (or the record is void), whatever its date.
const NEVER_GIVEN = ['cancelled', 'entered-in-error', 'draft', 'not-taken', 'unknown'];

/**
 * Decides whether a MedicationRequest or MedicationStatement counts as therapy within a look-back
 * (e.g. antineoplastic therapy within 6 months, clinical-spec §A.3 item 1): an active one always does;
 * a completed, stopped or on-hold one does when it was ordered or taken at or after `fromMs`
 * (MedicationRequest.authoredOn; MedicationStatement effective[x] end, else start, else dateAsserted).
 * @param order - the request or statement
 * @param fromMs - start of the look-back, epoch ms
 * @param nowMs - the evaluation instant, epoch ms
 * @returns the verdict; a missing status or an undatable past order is skipped with its reason
 */
export function medicationRecentCounts(
  order: MedicationRequest | MedicationStatement,
  fromMs: number,
  nowMs: number,
): StatusVerdict {
  const status = order.status as string | undefined;
  if (status === undefined) {
    return issue('status missing', 'has no status');
  }
  if (NEVER_GIVEN.includes(status)) {
    return skip(`status ${status}`, `is ${words(status)}`);
  }
  if (order.resourceType === 'MedicationRequest' && order.doNotPerform === true) {
    return DO_NOT_PERFORM;
  }
  if (status === 'active') {
    return COUNTS;
  }
  const when = parseFhirDate(
    order.resourceType === 'MedicationRequest'
      ? order.authoredOn
      : (order.effectivePeriod?.end ??
          order.effectiveDateTime ??
          order.effectivePeriod?.start ??
          order.dateAsserted),
  );
  if (when === null || when.precision === 'year' || when.precision === 'month') {
    return skip(
      `status ${status} and no day-precise date: cannot place it in the look-back`,
      `is ${words(status)} and has no exact date`,
    );
  }
  return when.epochMs >= fromMs && when.epochMs <= nowMs
    ? COUNTS
    : skip(
        `status ${status}, dated outside the look-back`,
        `is ${words(status)} and too long ago to count`,
      );
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
