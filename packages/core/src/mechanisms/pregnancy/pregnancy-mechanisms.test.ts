/**
 * The pregnancy assessment over plain readings: no FHIR, no bundle (the bundle-level cases live in
 * packages/fhir/test/pregnancy-assessment.test.ts, through the adapter's record reader).
 */
import { DEFAULT_CONTENT } from '../../catalog/default-content';
import { loadRuleSetSync } from '../../catalog/load-rule-set';
import type { Fact } from '../../facts/fact';
import type { RecordReading } from '../records/record-reading';
import { fakeMechanismContext } from '../../../test/support/fake-mechanism-context';
import { fakeRecordReader, reading } from '../../../test/support/fake-record-reader';
import { pregnancyCurrent, pregnancyGestationalWeeks } from './pregnancy-mechanisms';

const ruleSet = loadRuleSetSync(DEFAULT_CONTENT);
const params = (
  ruleSet.facts.get('pregnancy.current')?.source as unknown as { params: Record<string, string> }
).params;
const NOW = '2026-11-22T08:00:00Z';

/** Runs pregnancy.current over readings by value-set parameter name, with a per-evaluation memo. */
function assess(
  readings: Partial<Record<string, readonly RecordReading[]>>,
  memo = new Map<string, unknown>(),
): { current: Fact; weeks: Fact; issues: string[] } {
  const byValueSet = Object.fromEntries(
    Object.entries(readings).map(([key, list]) => [params[key] ?? key, list ?? []]),
  );
  const base = fakeMechanismContext({}, {}, NOW);
  const ctx = {
    ...base,
    records: fakeRecordReader(byValueSet),
    memo: <T>(key: string, compute: () => T): T => {
      if (!memo.has(key)) {
        memo.set(key, compute());
      }
      return memo.get(key) as T;
    },
    fact: (name: string): Fact =>
      name === 'pregnancy.current' ? pregnancyCurrent.compute(params, ctx) : { value: null },
  };
  const current = pregnancyCurrent.compute(params, ctx);
  const weeks = pregnancyGestationalWeeks.compute({ assessmentFact: 'pregnancy.current' }, ctx);
  return { current, weeks, issues: base.issues.list().map((i) => i.code) };
}

const hcg = (value: RecordReading['value'], extra: Partial<RecordReading> = {}) =>
  reading('Observation/hcg', '2026-11-21T08:00:00Z', { value, ...extra });
const iu = (value: number, comparator?: string): RecordReading['value'] => ({
  kind: 'quantity',
  value,
  unit: 'IU/L',
  code: 'IU/L',
  ...(comparator ? { comparator } : {}),
  fromText: false,
});

describe('pregnancy assessment over readings', () => {
  it('nothing documented is false ("not documented"), with no gestational age', () => {
    const { current, weeks } = assess({});
    expect(current.value).toBe(false);
    expect(weeks.value).toBeNull();
  });

  it('without a record reader the assessment is unknown, never "not pregnant"', () => {
    expect(pregnancyCurrent.compute(params, fakeMechanismContext({}, {}, NOW)).value).toBeNull();
  });

  it('a current pregnancy condition documents it; one entered in error does not', () => {
    const counted = reading('Condition/c1', '2026-10-01', { kindWord: 'A diagnosis' });
    expect(assess({ conditionValueSet: [counted] }).current).toMatchObject({
      value: true,
      evidence: [{ resource: 'Condition/c1', note: 'pregnancy condition' }],
    });
    const error = reading('Condition/c2', '2026-10-01', {
      status: { counts: false, reason: 'verificationStatus entered-in-error', path: 'x' },
    });
    expect(assess({ conditionValueSet: [error] }).current).toMatchObject({
      value: false,
      ignored: [{ resource: 'Condition/c2', note: 'verificationStatus entered-in-error' }],
    });
  });

  it('a condition that breaks its format is reported as a data-quality issue', () => {
    const broken = reading('Condition/c3', '2026-10-01', {
      status: {
        counts: false,
        reason: 'con-5',
        plain: 'is odd',
        issue: true,
        path: 'clinicalStatus',
      },
    });
    expect(assess({ conditionValueSet: [broken] }).issues).toEqual([
      'SOLEUS_FHIR_INVALID_RESOURCE',
    ]);
  });

  it('hCG: positive at the threshold, equivocal between the limits is unknown, negative below', () => {
    expect(assess({ hcgValueSet: [hcg(iu(25))] }).current.value).toBe(true);
    expect(assess({ hcgValueSet: [hcg(iu(10))] }).current.value).toBeNull();
    expect(assess({ hcgValueSet: [hcg(iu(4))] }).current.value).toBe(false);
    expect(assess({ hcgValueSet: [hcg(iu(5, '<'))] }).current.value).toBe(false);
    expect(assess({ hcgValueSet: [hcg(iu(2, '>'))] }).current.value).toBeNull();
  });

  it('an unreadable hCG leaves pregnancy unknown and is reported', () => {
    const unreadable = hcg({
      kind: 'uninterpretable',
      reason: 'text',
      path: 'valueString',
      plain: 'x',
    });
    const { current, issues } = assess({ hcgValueSet: [unreadable] });
    expect(current.value).toBeNull();
    expect(issues).toEqual(['SOLEUS_FHIR_UNINTERPRETABLE']);
  });

  it('a preliminary positive hCG newer than a final negative makes pregnancy possible (unknown)', () => {
    const negative = hcg(iu(1), {
      ref: 'Observation/final',
      time: { epochMs: Date.parse('2026-11-20'), precision: 'day' },
    });
    const preliminary = hcg(iu(100), {
      ref: 'Observation/prelim',
      status: { counts: false, preliminary: true, reason: 'preliminary', path: 'status' },
    });
    expect(assess({ hcgValueSet: [negative, preliminary] }).current.value).toBeNull();
    expect(assess({ hcgValueSet: [negative] }).current.value).toBe(false);
  });

  it('an hCG outside its window does not count', () => {
    const old = reading('Observation/old', '2026-10-01T08:00:00Z', { value: iu(100) });
    expect(assess({ hcgValueSet: [old] }).current.value).toBe(false);
  });

  it('a weeks-of-gestation code is carried forward, read at the end of its week', () => {
    const z3a = reading('Condition/z', '2026-11-15', {
      codes: ['Z3A.20'],
      time: { epochMs: Date.parse('2026-11-15'), precision: 'day' },
    });
    const { current, weeks } = assess({ weeksValueSet: [z3a] });
    expect(current.value).toBe(true);
    // 20 weeks + 6 days at 15 Nov, + 7 days 8 h to now.
    expect(weeks).toMatchObject({ value: 21.9, unit: 'wk' });
  });

  it('a gestational age beyond maxWeeks now means that pregnancy is over', () => {
    const old = reading('Observation/ga', '2025-11-01T08:00:00Z', {
      value: {
        kind: 'quantity',
        value: 30,
        unit: 'wk',
        code: 'wk',
        system: 'http://unitsofmeasure.org',
        fromText: false,
      },
    });
    expect(assess({ gestationalAgeValueSet: [old] }).current.value).toBe(false);
  });

  it('a month-precise date never dates a pregnancy', () => {
    const z3a = reading('Condition/z', null, {
      codes: ['Z3A.20'],
      time: { epochMs: Date.parse('2026-11-01'), precision: 'month' },
    });
    expect(assess({ weeksValueSet: [z3a] }).current.value).toBe(false);
  });
});
