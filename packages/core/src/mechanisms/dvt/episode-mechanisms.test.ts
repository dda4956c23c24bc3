/**
 * The DVT episode over plain readings (clinical-spec §A.1, §9.3a): no FHIR, no bundle (the bundle-level
 * cases live in packages/fhir/test/dvt-episode.test.ts, through the adapter's record reader).
 */
import { DEFAULT_CONTENT } from '../../catalog/default-content';
import { loadRuleSetSync } from '../../catalog/load-rule-set';
import type { Fact } from '../../facts/fact';
import type { RecordReading } from '../records/record-reading';
import { fakeMechanismContext } from '../../../test/support/fake-mechanism-context';
import { fakeRecordReader, reading } from '../../../test/support/fake-record-reader';
import { dvtEpisodeStart, dvtTriggered } from './episode-mechanisms';

const ruleSet = loadRuleSetSync(DEFAULT_CONTENT);
const dvt = ruleSet.packs.get('dvt')?.parameters as Record<string, unknown>;
const [CALF_PAIN, SWELLING] = dvt['triggerValueSets'] as string[];
const [CRAMP] = dvt['unilateralTriggerValueSets'] as string[];
const [DIAGNOSIS] = dvt['diagnosisTriggerValueSets'] as string[];
const NOW = '2026-11-22T09:00:00Z';

type Readings = Readonly<Record<string, readonly RecordReading[]>>;

function run(readings: Readings): { triggered: Fact; start: Fact; queries: number } {
  const records = fakeRecordReader(readings);
  const ctx = { ...fakeMechanismContext({}, { dvt }, NOW), records };
  return {
    triggered: dvtTriggered.compute({}, ctx),
    start: dvtEpisodeStart.compute({}, ctx),
    queries: records.queries.length,
  };
}

const condition = (id: string, at: string | null, extra: Partial<RecordReading> = {}) =>
  reading(`Condition/${id}`, at, { timePath: 'onset[x]', kindWord: 'A diagnosis', ...extra });
const dayOnly = (iso: string) => ({ epochMs: Date.parse(iso), precision: 'month' as const });

describe('dvt.triggered / dvt.episodeStart over readings', () => {
  it('a calf-pain Condition in the window opens the episode at its onset', () => {
    const { triggered, start } = run({
      [`Condition ${CALF_PAIN}`]: [condition('pain', '2026-11-20T00:00:00Z')],
    });
    expect(triggered).toEqual({
      value: true,
      evidence: [
        { resource: 'Condition/pain', at: '2026-11-20T00:00:00.000Z', note: 'DVT pathway trigger' },
      ],
    });
    expect(start).toMatchObject({
      value: '2026-11-20T00:00:00.000Z',
      at: '2026-11-20T00:00:00.000Z',
    });
  });

  it('the window edges: exactly 14 days before now opens it; one minute earlier does not', () => {
    const at = (iso: string) => run({ [`Condition ${CALF_PAIN}`]: [condition('pain', iso)] });
    expect(at('2026-11-08T09:00:00Z').triggered.value).toBe(true);
    const outside = at('2026-11-08T08:59:00Z');
    expect(outside.triggered).toMatchObject({
      value: false,
      ignored: [{ resource: 'Condition/pain', note: 'onset outside the trigger window' }],
    });
    expect(outside.start.value).toBeNull();
    expect(at('2026-11-22T09:01:00Z').triggered.value).toBe(false);
  });

  it('an onset known only to the month, or not at all, never opens an episode', () => {
    for (const time of [dayOnly('2026-11-01T00:00:00Z'), null]) {
      const { triggered } = run({
        [`Condition ${SWELLING}`]: [condition('swelling', null, { time })],
      });
      expect(triggered).toMatchObject({
        value: false,
        ignored: [{ note: 'onset unknown or coarser than a day: cannot open an episode' }],
      });
    }
  });

  it('a cramp opens it only when one side is documented', () => {
    const cramp = (side?: RecordReading['side']) =>
      run({
        [`Condition ${CRAMP}`]: [condition('cramp', '2026-11-21T00:00:00Z', side ? { side } : {})],
      }).triggered;
    expect(cramp('left').value).toBe(true);
    expect(cramp('right').value).toBe(true);
    for (const side of ['bilateral', 'unknown', undefined] as const) {
      expect(cramp(side)).toMatchObject({
        value: false,
        ignored: [{ note: 'cramp not documented as unilateral (rule set B, not the DVT pathway)' }],
      });
    }
  });

  it('entries that do not count never open it, and say why', () => {
    const { triggered } = run({
      [`Condition ${CALF_PAIN}`]: [
        condition('old', '2026-11-21T00:00:00Z', {
          status: { counts: false, reason: 'clinicalStatus resolved', path: 'clinicalStatus' },
        }),
      ],
      [`Encounter ${CALF_PAIN}`]: [
        reading('Encounter/v', '2026-11-21T10:00:00Z', {
          status: { counts: false, reason: 'encounter status "cancelled"', path: 'status' },
        }),
      ],
    });
    expect(triggered).toEqual({
      value: false,
      evidence: [],
      ignored: [
        { resource: 'Condition/old', note: 'not a current problem: clinicalStatus resolved' },
        { resource: 'Encounter/v', note: 'encounter status "cancelled"' },
      ],
    });
  });

  it('an Encounter opens it by its reason; a diagnosis only as a Condition', () => {
    expect(
      run({ [`Encounter ${SWELLING}`]: [reading('Encounter/v', '2026-11-21T10:00:00Z')] }).triggered
        .value,
    ).toBe(true);
    const diagnosis = run({
      [`Encounter ${DIAGNOSIS}`]: [reading('Encounter/v', '2026-11-21T10:00:00Z')],
    });
    expect(diagnosis.triggered).toEqual({ value: false, evidence: [] });
    expect(
      run({ [`Condition ${DIAGNOSIS}`]: [condition('dvt', '2026-11-21T00:00:00Z')] }).triggered
        .value,
    ).toBe(true);
  });

  it('the earliest trigger starts the episode; an entry in two value sets is listed once', () => {
    const late = condition('late', '2026-11-21T00:00:00Z');
    const early = condition('early', '2026-11-19T12:00:00Z');
    const { triggered, start } = run({
      [`Condition ${CALF_PAIN}`]: [late, early],
      [`Condition ${SWELLING}`]: [late],
    });
    expect(start.value).toBe('2026-11-19T12:00:00.000Z');
    expect(triggered.evidence?.map((e) => e.resource)).toEqual([
      'Condition/late',
      'Condition/early',
    ]);
  });

  it('without a record reader both are unknown, never "not triggered"', () => {
    const ctx = fakeMechanismContext({}, { dvt }, NOW);
    expect(dvtTriggered.compute({}, ctx).value).toBeNull();
    expect(dvtEpisodeStart.compute({}, ctx).value).toBeNull();
  });

  it('the episode is read once per evaluation when the host memoises', () => {
    const records = fakeRecordReader({});
    const memo = new Map<string, unknown>();
    const ctx = {
      ...fakeMechanismContext({}, { dvt }, NOW),
      records,
      memo: <T>(key: string, compute: () => T): T => {
        if (!memo.has(key)) {
          memo.set(key, compute());
        }
        return memo.get(key) as T;
      },
    };
    dvtTriggered.compute({}, ctx);
    const once = records.queries.length;
    dvtEpisodeStart.compute({}, ctx);
    expect(records.queries.length).toBe(once);
    expect([...memo.keys()]).toEqual(['dvt.episode']);
  });
});
