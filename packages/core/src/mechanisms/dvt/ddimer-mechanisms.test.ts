/**
 * The episode's D-dimer over plain readings: no FHIR, no bundle (the bundle-level cases live in
 * packages/fhir/test/ddimer-interpretation.test.ts, through the adapter's record reader).
 */
import { DEFAULT_CONTENT } from '../../catalog/default-content';
import { loadRuleSetSync } from '../../catalog/load-rule-set';
import type { Fact } from '../../facts/fact';
import type { PatientReading, RecordReading, ReadingValue } from '../records/record-reading';
import { fakeMechanismContext } from '../../../test/support/fake-mechanism-context';
import { fakeRecordReader, reading } from '../../../test/support/fake-record-reader';
import { ddimerExplanation, ddimerVerdict } from './ddimer-mechanisms';

const ruleSet = loadRuleSetSync(DEFAULT_CONTENT);
const dvt = ruleSet.packs.get('dvt')?.parameters as Record<string, Record<string, string>>;
const ddimer = dvt['ddimer'] as Record<string, string>;
const NOW = '2026-11-22T08:00:00Z';
const START = '2026-11-20T08:00:00.000Z';
const PARAMS = { triggeredFact: 'dvt.triggered', episodeStartFact: 'dvt.episodeStart' };

const aged = (age: number): PatientReading => ({ ref: 'Patient/p1', ageAt: () => age });

function run(
  readings: readonly RecordReading[],
  patient: PatientReading | null = aged(40),
  triggered = true,
): { verdict: Fact; lines: Fact; issues: string[] } {
  const base = fakeMechanismContext(
    { 'dvt.triggered': triggered, 'dvt.episodeStart': triggered ? START : null },
    { dvt },
    NOW,
  );
  const ctx = {
    ...base,
    records: fakeRecordReader({ [ddimer['allValueSet'] ?? '']: readings }, patient),
  };
  return {
    verdict: ddimerVerdict.compute(PARAMS, ctx),
    lines: ddimerExplanation.compute(PARAMS, ctx),
    issues: base.issues.list().map((i) => i.code),
  };
}

const feu = (value: number, comparator?: string): ReadingValue => ({
  kind: 'quantity',
  value,
  unit: 'ng/mL{FEU}',
  code: 'ng/mL{FEU}',
  system: 'http://unitsofmeasure.org',
  ...(comparator ? { comparator } : {}),
  fromText: false,
});
const result = (value: ReadingValue, at = '2026-11-21T08:00:00Z', extra = {}) =>
  reading('Observation/dd', at, { value, ...extra });

describe('D-dimer over readings (clinical-spec §A.4)', () => {
  it('no episode: unknown, whatever the record holds', () => {
    expect(run([result(feu(100))], aged(40), false).verdict.value).toBeNull();
  });

  it('strictly below the conventional FEU cutoff is negative; at it, positive', () => {
    expect(run([result(feu(499))]).verdict).toMatchObject({
      value: 'negative',
      evidence: [{ resource: 'Observation/dd' }],
    });
    expect(run([result(feu(500))]).verdict.value).toBe('positive');
  });

  it('above the age threshold the FEU cutoff is age-adjusted', () => {
    expect(run([result(feu(600))], aged(70)).verdict.value).toBe('negative');
    expect(run([result(feu(600))], aged(40)).verdict.value).toBe('positive');
  });

  it('age unknown: conventional cutoff, and a positive says so (missing demographics)', () => {
    const { verdict, issues } = run([result(feu(600))], null);
    expect(verdict.value).toBe('positive');
    expect(issues).toEqual(['SOLEUS_FHIR_NO_PATIENT']);
  });

  it('nothing in the episode: unknown, explained as none', () => {
    const { verdict, lines } = run([]);
    expect(verdict.value).toBeNull();
    expect(lines.value).toEqual(['None in this episode']);
  });

  it('a result from before the episode is unknown, never negative', () => {
    expect(run([result(feu(100), '2026-11-19T08:00:00Z')]).verdict.value).toBeNull();
  });

  it('a result that does not count (entered in error) is unknown, with its reason', () => {
    const { verdict, lines } = run([
      result(feu(100), undefined, {
        status: {
          counts: false,
          reason: 'status entered-in-error',
          plain: 'was entered in error',
          path: 'status',
        },
      }),
    ]);
    expect(verdict.value).toBeNull();
    expect(lines.value).toEqual([expect.stringContaining('was entered in error; not used')]);
  });

  it('a preliminary negative never excludes; a preliminary positive counts', () => {
    const preliminary = {
      counts: false,
      preliminary: true,
      reason: 'preliminary',
      plain: 'is preliminary',
      path: 'status',
    };
    expect(run([result(feu(100), undefined, { status: preliminary })]).verdict.value).toBeNull();
    expect(run([result(feu(900), undefined, { status: preliminary })]).verdict.value).toBe(
      'positive',
    );
  });

  it('results that disagree: the positive governs', () => {
    const { verdict, lines } = run([
      result(feu(100)),
      result(feu(900), '2026-11-21T09:00:00Z', { ref: 'Observation/dd2' }),
    ]);
    expect(verdict.value).toBe('positive');
    expect(lines.value).toContain('The results disagree: the positive result governs');
  });

  it('a qualitative negative never excludes; an unreadable result is a data-quality issue', () => {
    expect(run([result({ kind: 'negative', reported: 'Negative' })]).verdict.value).toBeNull();
    const unreadable = run([
      result({
        kind: 'uninterpretable',
        reason: 'text',
        path: 'valueString',
        plain: 'cannot be read',
      }),
    ]);
    expect(unreadable.verdict.value).toBeNull();
    expect(unreadable.issues).toEqual(['SOLEUS_FHIR_UNINTERPRETABLE']);
  });

  it('the basis comes from the code when the unit does not say it', () => {
    const plain: ReadingValue = {
      kind: 'quantity',
      value: 300,
      unit: 'ng/mL',
      code: 'ng/mL',
      system: 'http://unitsofmeasure.org',
      fromText: false,
    };
    expect(run([result(plain)]).verdict.value).toBeNull();
    // 300 ng/mL DDU is at or above the 250 µg/L DDU cutoff of the pack.
    expect(
      run([result(plain, undefined, { alsoIn: [ddimer['dduValueSet'] ?? ''] })]).verdict.value,
    ).toBe('positive');
  });
});
