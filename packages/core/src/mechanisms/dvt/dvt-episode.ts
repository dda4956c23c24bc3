/**
 * The DVT episode (clinical-spec §A.1): a current calf/lower-leg pain or leg swelling Condition (or an
 * Encounter whose reason is one), or a *unilateral* cramp, with a day-precise onset inside the trigger
 * window (pack parameter, 14 days) opens it; so does a current DVT diagnosis Condition of any certainty
 * (pack parameter `diagnosisTriggerValueSets`): a provisional DVT is a *suspected* DVT and runs the
 * pathway (certainty by use). The episode starts at the earliest such onset. Entries dated only to the
 * year or month, or not at all, describe history and never open an episode (§9.3a); bilateral or
 * unsided cramps go to rule set B, not here. Read over plain record readings (FHIR-free).
 */
import type { FactEvidence } from '../../facts/fact';
import type { MechanismContext } from '../mechanism';
import type { RecordReader, RecordReading } from '../records/record-reading';
import { windowStartMs } from '../records/window-start-ms';
import { dvtParam } from './dvt-param';

/** The episode: its start (null = no trigger, the DVT pathway does not run) and why. */
export interface DvtEpisode {
  readonly startMs: number | null;
  readonly evidence: readonly FactEvidence[];
  readonly ignored: readonly FactEvidence[];
}

/** A reading that may open the episode, with the words its status problem is given in. */
interface Candidate {
  readonly reading: RecordReading;
  readonly statusProblem: string | null;
}

/**
 * Finds the DVT episode of the record, once per evaluation (memo key `dvt.episode`).
 * @param ctx - the mechanism context
 * @param records - the record reader
 * @returns the episode
 * @throws {SOLEUS_FACT_SCHEMA} when a DVT pack parameter is missing
 */
export function dvtEpisode(ctx: MechanismContext, records: RecordReader): DvtEpisode {
  const compute = (): DvtEpisode => findEpisode(ctx, records);
  return ctx.memo ? ctx.memo('dvt.episode', compute) : compute();
}

function findEpisode(ctx: MechanismContext, records: RecordReader): DvtEpisode {
  const from = windowStartMs(ctx.nowMs, dvtParam(ctx, 'triggerWindow', 'string'));
  const evidence: FactEvidence[] = [];
  const ignored: FactEvidence[] = [];
  const sets: [string, boolean][] = [
    ...dvtParam(ctx, 'triggerValueSets', 'string[]').map((vs): [string, boolean] => [vs, false]),
    ...dvtParam(ctx, 'unilateralTriggerValueSets', 'string[]').map((vs): [string, boolean] => [
      vs,
      true,
    ]),
  ];
  const diagnosisSets = new Set(dvtParam(ctx, 'diagnosisTriggerValueSets', 'string[]'));
  sets.push(...[...diagnosisSets].map((vs): [string, boolean] => [vs, false]));
  for (const [valueSet, unilateralOnly] of sets) {
    const candidates: Candidate[] = [
      ...records.read({ kind: 'Condition', valueSet, use: 'current' }).map((reading) => ({
        reading,
        statusProblem: reading.status.counts
          ? null
          : `not a current problem: ${reading.status.reason ?? ''}`,
      })),
      // A diagnosis opens an episode as a Condition; encounters open it by their reason (symptoms).
      ...(diagnosisSets.has(valueSet) ? [] : records.read({ kind: 'Encounter', valueSet })).map(
        (reading) => ({
          reading,
          statusProblem: reading.status.counts ? null : (reading.status.reason ?? ''),
        }),
      ),
    ];
    for (const candidate of candidates) {
      const verdict = judge(candidate, unilateralOnly, from, ctx.nowMs);
      (verdict.triggers ? evidence : ignored).push(verdict.item);
    }
  }
  const starts = evidence.map((e) => Date.parse(e.at ?? ''));
  const startMs = starts.length > 0 ? Math.min(...starts) : null;
  return { startMs, evidence: dedupe(evidence), ignored: dedupe(ignored) };
}

function judge(
  { reading, statusProblem }: Candidate,
  unilateralOnly: boolean,
  from: number,
  nowMs: number,
): { triggers: boolean; item: FactEvidence } {
  const resource = reading.ref;
  if (statusProblem !== null) {
    return { triggers: false, item: { resource, note: statusProblem } };
  }
  const onset = reading.time;
  if (!onset || onset.precision === 'year' || onset.precision === 'month') {
    return {
      triggers: false,
      item: { resource, note: 'onset unknown or coarser than a day: cannot open an episode' },
    };
  }
  const at = new Date(onset.epochMs).toISOString();
  if (onset.epochMs < from || onset.epochMs > nowMs) {
    return { triggers: false, item: { resource, at, note: 'onset outside the trigger window' } };
  }
  if (unilateralOnly && reading.side !== 'left' && reading.side !== 'right') {
    return {
      triggers: false,
      item: {
        resource,
        note: 'cramp not documented as unilateral (rule set B, not the DVT pathway)',
      },
    };
  }
  return { triggers: true, item: { resource, at, note: 'DVT pathway trigger' } };
}

/** An entry in two trigger value sets is listed once. */
function dedupe(items: readonly FactEvidence[]): FactEvidence[] {
  const seen = new Set<string>();
  return items.filter((e) => !seen.has(e.resource) && seen.add(e.resource) !== undefined);
}
