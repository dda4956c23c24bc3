/**
 * Finds Conditions whose onset, and Observations whose effective time, fall inside the current DVT
 * episode (clinical-spec §A.1, §A.2), for the red-flag facts. Conditions must count for their use and
 * Observations must count (§0.1) — a preliminary finding counts too, since a red flag only raises
 * caution (§0.1 note: preliminary results never exclude, but may be surfaced); each Observation is then
 * put to the caller's test. Everything looked at and not used is listed with its reason.
 */
import type { Fact, FactEvidence } from '../../facts/fact';
import type { MechanismContext } from '../mechanism';
import type { ReadingUse, RecordReader, RecordReading } from '../records/record-reading';
import { placeInEpisode } from './place-in-episode';

/** An Observation whose value cannot be read: it neither is nor rules out the finding. */
export interface Unreadable {
  readonly unreadable: string;
}

/**
 * Decides whether a counting, in-episode Observation is a finding: null = yes, a string = why not,
 * {@link Unreadable} = cannot tell (the fact is then unknown unless another entry is a finding).
 */
export type ReadingTest = (
  reading: RecordReading,
  ctx: MechanismContext,
) => string | null | Unreadable;

/** Where to look, and how to judge what is found. */
export interface EpisodeSearch {
  /** Value sets of Conditions that are the finding. */
  readonly conditionSets: readonly string[];
  /** Value sets of Observations to put to `test`. */
  readonly observationSets: readonly string[];
  readonly test: ReadingTest;
  /** What the Conditions are used for (`current` raises a red flag; `confirmed` confirms). */
  readonly use: ReadingUse;
}

interface Found {
  readonly evidence: FactEvidence[];
  readonly ignored: FactEvidence[];
  /** Uncertain Conditions the use may not rely on, and unreadable Observations, in the episode. */
  uncertain: number;
}

/**
 * Looks for red-flag entries in the episode.
 * @param ctx - the mechanism context
 * @param records - the record reader
 * @param episodeStartMs - the episode start (null: no episode, so nothing is in it)
 * @param search - value sets, the Observation test and the Condition use
 * @returns a boolean fact (true when anything qualifies; unknown when nothing does but an uncertain
 *   Condition, for a use that may not rely on it, or an unreadable Observation might have) with
 *   evidence and ignored entries
 * @throws {SOLEUS_FACT_SCHEMA} when a DVT pack parameter is missing
 */
export function findInEpisode(
  ctx: MechanismContext,
  records: RecordReader,
  episodeStartMs: number | null,
  search: EpisodeSearch,
): Fact {
  const found: Found = { evidence: [], ignored: [], uncertain: 0 };
  for (const valueSet of search.conditionSets) {
    for (const reading of records.read({ kind: 'Condition', valueSet, use: search.use })) {
      judgeCondition(ctx, reading, episodeStartMs, found);
    }
  }
  for (const valueSet of search.observationSets) {
    for (const reading of records.read({ kind: 'Observation', valueSet })) {
      judgeObservation(ctx, reading, episodeStartMs, search.test, found);
    }
  }
  const { evidence, ignored } = found;
  const value = evidence.length > 0 ? true : found.uncertain > 0 ? null : false;
  return { value, evidence, ...(ignored.length > 0 ? { ignored } : {}) };
}

function judgeCondition(
  ctx: MechanismContext,
  reading: RecordReading,
  episodeStartMs: number | null,
  found: Found,
): void {
  const { ref, status } = reading;
  const placed =
    status.counts || status.uncertain === true
      ? placeInEpisode(ctx, reading.time, false, episodeStartMs)
      : null;
  if (placed?.ok && !status.counts) {
    found.uncertain += 1;
    found.ignored.push({ resource: ref, note: status.reason ?? '' });
  } else if (placed?.ok) {
    found.evidence.push({ resource: ref, at: new Date(placed.atMs).toISOString() });
  } else {
    found.ignored.push({
      resource: ref,
      note: status.counts ? (placed?.reason ?? '') : (status.reason ?? ''),
    });
  }
}

function judgeObservation(
  ctx: MechanismContext,
  reading: RecordReading,
  episodeStartMs: number | null,
  test: ReadingTest,
  found: Found,
): void {
  const { ref, status } = reading;
  // A red flag only raises caution: a preliminary finding counts (it may raise, never exclude).
  const preliminary = !status.counts && status.preliminary === true;
  if (!status.counts && !preliminary) {
    found.ignored.push({ resource: ref, note: status.reason ?? '' });
    return;
  }
  const placed = placeInEpisode(ctx, reading.time, false, episodeStartMs);
  const verdict = placed.ok ? test(reading, ctx) : placed.reason;
  if (verdict !== null && typeof verdict === 'object') {
    // Uninterpretable is unknown, never negative: an unreadable reading cannot rule the finding out.
    found.uncertain += 1;
    found.ignored.push({ resource: ref, note: verdict.unreadable });
    return;
  }
  if (placed.ok && verdict === null) {
    found.evidence.push({
      resource: ref,
      at: new Date(placed.atMs).toISOString(),
      ...(preliminary ? { note: 'preliminary result' } : {}),
    });
  } else {
    found.ignored.push({ resource: ref, note: verdict ?? '' });
  }
}
