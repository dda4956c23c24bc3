/**
 * The episode's leg-vein ultrasound over plain readings: no FHIR, no bundle (the bundle-level cases
 * live in packages/fhir/test/ultrasound-result.test.ts and the vignettes).
 */
import { DEFAULT_CONTENT } from '../../catalog/default-content';
import { loadRuleSetSync } from '../../catalog/load-rule-set';
import type { Fact } from '../../facts/fact';
import type { ReadingStatus, RecordReading } from '../records/record-reading';
import { fakeMechanismContext } from '../../../test/support/fake-mechanism-context';
import { fakeRecordReader, reading } from '../../../test/support/fake-record-reader';
import {
  ultrasoundExplanation,
  ultrasoundPending,
  ultrasoundRepeatNegative,
  ultrasoundVerdict,
} from './ultrasound-mechanisms';

const ruleSet = loadRuleSetSync(DEFAULT_CONTENT);
const dvt = ruleSet.packs.get('dvt')?.parameters as Record<string, unknown>;
const us = dvt['ultrasound'] as {
  valueSet: string;
  positiveValueSets: string[];
  negativeValueSets: string[];
};
const POSITIVE = us.positiveValueSets[0] ?? '';
const NEGATIVE = us.negativeValueSets[0] ?? '';
const NOW = '2026-11-22T08:00:00Z';
const PARAMS = { triggeredFact: 'dvt.triggered', episodeStartFact: 'dvt.episodeStart' };

function run(
  scans: readonly RecordReading[],
  start = '2026-11-10T08:00:00.000Z',
): Record<'result' | 'pending' | 'repeat' | 'lines', Fact> & { issues: string[] } {
  const base = fakeMechanismContext(
    { 'dvt.triggered': true, 'dvt.episodeStart': start },
    { dvt },
    NOW,
  );
  // Reports and observations share the value set: the fake answers reports, none as observations.
  const records = fakeRecordReader({ [us.valueSet]: scans });
  const ctx = {
    ...base,
    records: {
      ...records,
      read: (q: Parameters<typeof records.read>[0]) =>
        q.kind === 'DiagnosticReport' ? records.read(q) : [],
    },
  };
  return {
    result: ultrasoundVerdict.compute(PARAMS, ctx),
    pending: ultrasoundPending.compute(PARAMS, ctx),
    repeat: ultrasoundRepeatNegative.compute(PARAMS, ctx),
    lines: ultrasoundExplanation.compute(PARAMS, ctx),
    issues: base.issues.list().map((i) => i.code),
  };
}

const scan = (id: string, at: string, resultIn: string[], status?: ReadingStatus) =>
  reading(`DiagnosticReport/${id}`, at, {
    resultIn,
    kindWord: 'A report',
    ...(status ? { status } : {}),
  });
const PRELIMINARY: ReadingStatus = {
  counts: false,
  preliminary: true,
  reason: 'status "preliminary" is not a released result',
  plain: 'is preliminary, not a released result',
  path: 'status',
};

describe('leg-vein ultrasound over readings (§9.5)', () => {
  it('a fresh positive or negative scan gives its verdict', () => {
    expect(run([scan('p', '2026-11-21T08:00:00Z', [POSITIVE])]).result.value).toBe('positive');
    expect(run([scan('n', '2026-11-21T08:00:00Z', [NEGATIVE])]).result.value).toBe('negative');
  });

  it('a scan older than the evidence window is not used alone: unknown', () => {
    const { result, lines } = run([scan('old', '2026-11-12T08:00:00Z', [NEGATIVE])]);
    expect(result.value).toBeNull();
    expect(lines.value).toEqual([expect.stringContaining('so not used alone')]);
  });

  it('a scan coded both positive and negative (or neither) is unclear: a data-quality issue', () => {
    const { result, issues } = run([scan('x', '2026-11-21T08:00:00Z', [POSITIVE, NEGATIVE])]);
    expect(result.value).toBeNull();
    expect(issues).toEqual(['SOLEUS_FHIR_UNINTERPRETABLE']);
  });

  it('a preliminary positive blocks a final negative: pending, never negative', () => {
    const { result, pending } = run([
      scan('n', '2026-11-21T08:00:00Z', [NEGATIVE]),
      scan('p', '2026-11-21T10:00:00Z', [POSITIVE], PRELIMINARY),
    ]);
    expect(result.value).toBeNull();
    expect(pending.value).toBe(true);
  });

  it('a repeat negative: a fresh negative at least repeatAfter after an earlier negative', () => {
    const twice = run([
      scan('first', '2026-11-12T08:00:00Z', [NEGATIVE]),
      scan('second', '2026-11-20T08:00:00Z', [NEGATIVE]),
    ]);
    expect(twice.result.value).toBe('negative');
    expect(twice.repeat.value).toBe(true);
    expect(run([scan('once', '2026-11-20T08:00:00Z', [NEGATIVE])]).repeat.value).toBe(false);
  });

  it('a scan from before the episode is not used', () => {
    expect(
      run([scan('n', '2026-11-21T08:00:00Z', [NEGATIVE])], '2026-11-21T09:00:00.000Z').result.value,
    ).toBeNull();
  });
});
