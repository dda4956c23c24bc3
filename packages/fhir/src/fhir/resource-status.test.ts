import type {
  Condition,
  MedicationRequest,
  MedicationStatement,
  Observation,
  Procedure,
} from 'fhir/r4';
import {
  conditionCounts,
  medicationRecentCounts,
  medicationRequestCounts,
  medicationStatementCounts,
  observationCounts,
  procedureCounts,
  type ConditionUse,
  type StatusVerdict,
} from './resource-status';

const CLINICAL = 'http://terminology.hl7.org/CodeSystem/condition-clinical';
const VERIFICATION = 'http://terminology.hl7.org/CodeSystem/condition-ver-status';

function condition(
  clinical?: string | string[],
  verification?: string,
  extra: Partial<Condition> = {},
): Condition {
  const clinicalCodes =
    clinical === undefined ? [] : Array.isArray(clinical) ? clinical : [clinical];
  return {
    resourceType: 'Condition',
    id: 'c1',
    subject: { reference: 'Patient/p1' },
    ...(clinicalCodes.length > 0
      ? { clinicalStatus: { coding: clinicalCodes.map((code) => ({ system: CLINICAL, code })) } }
      : {}),
    ...(verification === undefined
      ? {}
      : { verificationStatus: { coding: [{ system: VERIFICATION, code: verification }] } }),
    ...extra,
  };
}

/** Verdict shorthand: 'yes' counts; 'no' skipped; 'issue' skipped as a data-quality issue; 'prelim'. */
type Expect = 'yes' | 'no' | 'issue' | 'prelim';

function shorthand(verdict: StatusVerdict): Expect {
  if (verdict.counts) {
    return 'yes';
  }
  if (verdict.preliminary === true) {
    return 'prelim';
  }
  return verdict.issue === true ? 'issue' : 'no';
}

describe('conditionCounts', () => {
  it.each<[string, Condition, ConditionUse, Expect, string]>([
    ['active, confirmed', condition('active', 'confirmed'), 'current', 'yes', ''],
    ['recurrence, no verification', condition('recurrence'), 'current', 'yes', ''],
    ['relapse, provisional', condition('relapse', 'provisional'), 'current', 'yes', ''],
    [
      'resolved is not current',
      condition('resolved', 'confirmed'),
      'current',
      'no',
      'clinicalStatus resolved',
    ],
    ['inactive is not current', condition('inactive'), 'current', 'no', 'clinicalStatus inactive'],
    [
      'remission is not current',
      condition('remission'),
      'current',
      'no',
      'clinicalStatus remission',
    ],
    ['refuted', condition('active', 'refuted'), 'current', 'no', 'verificationStatus refuted'],
    [
      'entered-in-error, no clinical status',
      condition(undefined, 'entered-in-error'),
      'current',
      'no',
      'entered-in-error',
    ],
    [
      'active + entered-in-error (con-5)',
      condition('active', 'entered-in-error'),
      'current',
      'issue',
      'con-5',
    ],
    [
      'active + abatement (con-4)',
      condition('active', 'confirmed', { abatementDateTime: '2025-01-01' }),
      'current',
      'issue',
      'con-4',
    ],
    [
      'clinical status missing',
      condition(undefined, 'confirmed'),
      'current',
      'issue',
      'clinicalStatus missing',
    ],
    ['conflicting codings', condition(['active', 'resolved']), 'current', 'issue', 'disagree'],
    ['history: resolved, confirmed', condition('resolved', 'confirmed'), 'history', 'yes', ''],
    ['history: inactive, no verification', condition('inactive'), 'history', 'yes', ''],
    ['history: no status at all', condition(), 'history', 'yes', ''],
    [
      'history: resolved with abatement',
      condition('resolved', undefined, { abatementDateTime: '2020-01-01' }),
      'history',
      'yes',
      '',
    ],
    [
      'history: unconfirmed',
      condition('resolved', 'unconfirmed'),
      'history',
      'no',
      'possible, not documented',
    ],
    ['history: provisional', condition('active', 'provisional'), 'history', 'no', 'possible'],
    ['history: differential', condition('active', 'differential'), 'history', 'no', 'possible'],
    ['history: refuted', condition('resolved', 'refuted'), 'history', 'no', 'refuted'],
    [
      'history: entered-in-error + clinical (con-5)',
      condition('resolved', 'entered-in-error'),
      'history',
      'issue',
      'con-5',
    ],
  ])('%s (%s)', (_name, resource, use, expected, reason) => {
    const verdict = conditionCounts(resource, use);
    expect(shorthand(verdict)).toBe(expected);
    expect(verdict.counts ? '' : verdict.reason).toContain(reason);
  });

  it('accepts status codings without a system and ignores codings of other systems', () => {
    const c: Condition = {
      ...condition(),
      clinicalStatus: { coding: [{ code: 'active' }, { system: 'urn:local', code: 'resolved' }] },
    };
    expect(conditionCounts(c, 'current')).toEqual({ counts: true });
  });
});

function observation(fields: Partial<Observation>): Observation {
  return { resourceType: 'Observation', id: 'o1', status: 'final', code: {}, ...fields };
}

describe('certainty by use (CONDITION_USES, docs/reference/status-rules.md)', () => {
  /** 'yes' counts; 'unknown' = uncertain (possible, neither present nor absent); 'no' skipped. */
  const verdict = (c: Condition, use: ConditionUse): string => {
    const v = conditionCounts(c, use);
    return v.counts ? 'yes' : v.uncertain === true ? 'unknown' : v.issue === true ? 'issue' : 'no';
  };
  const statuses = [
    'confirmed',
    undefined,
    'provisional',
    'differential',
    'unconfirmed',
    'refuted',
  ];
  it.each<[ConditionUse, string, string[]]>([
    // verification:  confirmed  absent  provisional  differential  unconfirmed  refuted
    ['current', 'active', ['yes', 'yes', 'yes', 'yes', 'yes', 'no']],
    ['current', 'resolved', ['no', 'no', 'no', 'no', 'no', 'no']],
    ['risk', 'active', ['yes', 'yes', 'yes', 'yes', 'yes', 'no']],
    ['risk', 'resolved', ['yes', 'yes', 'yes', 'yes', 'yes', 'no']],
    ['history', 'active', ['yes', 'yes', 'unknown', 'unknown', 'unknown', 'no']],
    ['history', 'resolved', ['yes', 'yes', 'unknown', 'unknown', 'unknown', 'no']],
    ['confirmed', 'active', ['yes', 'yes', 'unknown', 'unknown', 'unknown', 'no']],
    ['confirmed', 'resolved', ['no', 'no', 'no', 'no', 'no', 'no']],
  ])('%s use, clinicalStatus %s', (use, clinical, want) => {
    expect(statuses.map((ver) => verdict(condition(clinical, ver), use))).toEqual(want);
  });

  it('an uncertain verdict says why in the words facts and cards use', () => {
    expect(conditionCounts(condition('active', 'provisional'), 'confirmed')).toEqual({
      counts: false,
      reason: 'verificationStatus provisional: possible, not documented',
      plain: 'is only provisional, not confirmed',
      uncertain: true,
    });
  });

  it('entered-in-error never counts for any use', () => {
    for (const use of ['current', 'risk', 'history', 'confirmed'] as const) {
      expect(conditionCounts(condition(undefined, 'entered-in-error'), use).counts).toBe(false);
    }
  });
});

describe('observationCounts', () => {
  const quantity = { valueQuantity: { value: 3.5, code: 'mmol/L' } };
  it.each<[string, Observation, Expect, string]>([
    ['final with value', observation(quantity), 'yes', ''],
    ['amended with value', observation({ ...quantity, status: 'amended' }), 'yes', ''],
    ['corrected with value', observation({ ...quantity, status: 'corrected' }), 'yes', ''],
    ['final with boolean value', observation({ valueBoolean: false }), 'yes', ''],
    [
      'final with component value',
      observation({ component: [{ code: {}, valueQuantity: { value: 1 } }] }),
      'yes',
      '',
    ],
    [
      'final with interpretation only',
      observation({ interpretation: [{ coding: [{ code: 'POS' }] }] }),
      'yes',
      '',
    ],
    [
      'preliminary with value',
      observation({ ...quantity, status: 'preliminary' }),
      'prelim',
      'preliminary',
    ],
    ['preliminary without value', observation({ status: 'preliminary' }), 'issue', 'no value'],
    ['registered', observation({ status: 'registered' }), 'no', 'status registered'],
    ['cancelled', observation({ status: 'cancelled' }), 'no', 'status cancelled'],
    [
      'entered-in-error',
      observation({ ...quantity, status: 'entered-in-error' }),
      'no',
      'status entered-in-error',
    ],
    ['unknown', observation({ ...quantity, status: 'unknown' }), 'no', 'status unknown'],
    ['final without value', observation({}), 'issue', 'no value'],
    [
      'dataAbsentReason',
      observation({ dataAbsentReason: { text: 'x' } }),
      'no',
      'dataAbsentReason',
    ],
    [
      'value + dataAbsentReason (obs-6)',
      observation({ ...quantity, dataAbsentReason: { text: 'x' } }),
      'issue',
      'obs-6',
    ],
    [
      'status missing',
      { ...observation(quantity), status: undefined } as unknown as Observation,
      'issue',
      'status missing',
    ],
  ])('%s', (_name, resource, expected, reason) => {
    const verdict = observationCounts(resource);
    expect(shorthand(verdict)).toBe(expected);
    expect(verdict.counts ? '' : verdict.reason).toContain(reason);
  });
});

function request(status: string | undefined, intent: string | undefined): MedicationRequest {
  return {
    resourceType: 'MedicationRequest',
    id: 'm1',
    subject: {},
    status,
    intent,
  } as MedicationRequest;
}

describe('medicationRequestCounts', () => {
  it.each<[string | undefined, string | undefined, Expect, string]>([
    ['active', 'order', 'yes', ''],
    ['active', 'plan', 'yes', ''],
    ['active', 'original-order', 'yes', ''],
    ['active', 'instance-order', 'yes', ''],
    ['active', 'proposal', 'no', 'intent proposal'],
    ['active', 'option', 'no', 'intent option'],
    ['draft', 'order', 'no', 'status draft'],
    ['cancelled', 'order', 'no', 'status cancelled'],
    ['entered-in-error', 'order', 'no', 'status entered-in-error'],
    ['stopped', 'order', 'no', 'status stopped'],
    ['completed', 'order', 'no', 'status completed'],
    ['on-hold', 'order', 'no', 'status on-hold'],
    [undefined, 'order', 'issue', 'missing'],
    ['active', undefined, 'issue', 'missing'],
  ])('status %p intent %p → %s', (status, intent, expected, reason) => {
    const verdict = medicationRequestCounts(request(status, intent));
    expect(shorthand(verdict)).toBe(expected);
    expect(verdict.counts ? '' : verdict.reason).toContain(reason);
  });

  it.each([true, false, undefined])(
    'an active order with doNotPerform %p counts only when it is not an order not to give it',
    (doNotPerform) => {
      const order = {
        ...request('active', 'order'),
        ...(doNotPerform === undefined ? {} : { doNotPerform }),
      };
      const verdict = medicationRequestCounts(order);
      expect(shorthand(verdict)).toBe(doNotPerform === true ? 'no' : 'yes');
      expect(verdict.counts ? '' : verdict.reason).toContain(
        doNotPerform === true ? 'doNotPerform' : '',
      );
      // nor is it recent therapy in a look-back
      const recent = medicationRecentCounts(order, 0, Date.parse('2026-11-22T09:00:00Z'));
      expect(recent.counts).toBe(doNotPerform !== true);
    },
  );
});

describe('medicationStatementCounts', () => {
  const statement = (status: string | undefined): MedicationStatement =>
    ({ resourceType: 'MedicationStatement', id: 's1', subject: {}, status }) as MedicationStatement;
  it.each<[string | undefined, boolean, Expect]>([
    ['active', false, 'yes'],
    ['intended', false, 'no'],
    ['intended', true, 'yes'],
    ['completed', false, 'no'],
    ['stopped', true, 'no'],
    ['not-taken', true, 'no'],
    ['entered-in-error', true, 'no'],
    ['on-hold', false, 'no'],
    [undefined, false, 'issue'],
  ])('status %p (intended counts: %p) → %s', (status, includeIntended, expected) => {
    expect(shorthand(medicationStatementCounts(statement(status), { includeIntended }))).toBe(
      expected,
    );
  });
});

describe('procedureCounts', () => {
  const procedure = (status: string | undefined): Procedure =>
    ({ resourceType: 'Procedure', id: 'p1', subject: {}, status }) as Procedure;
  it.each<[string | undefined, boolean, Expect]>([
    ['completed', false, 'yes'],
    ['in-progress', false, 'no'],
    ['in-progress', true, 'yes'],
    ['not-done', true, 'no'],
    ['entered-in-error', true, 'no'],
    ['preparation', true, 'no'],
    [undefined, false, 'issue'],
  ])('status %p (in-progress counts: %p) → %s', (status, includeInProgress, expected) => {
    expect(shorthand(procedureCounts(procedure(status), { includeInProgress }))).toBe(expected);
  });
});
