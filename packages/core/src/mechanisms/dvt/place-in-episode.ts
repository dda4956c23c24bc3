import { durationWords } from '../../text/duration-words';
import type { MechanismContext } from '../mechanism';
import type { ReadingTime } from '../records/record-reading';
import { windowStartMs } from '../records/window-start-ms';
import { dvtParam } from './dvt-param';

/** Where a dated entry falls relative to the DVT episode. */
export type Placement =
  | { readonly ok: true; readonly atMs: number }
  | {
      readonly ok: false;
      readonly reason: string;
      /** The same for a clinician, as a predicate ("is older than 7 days"). */
      readonly plain: string;
      /** True when the date itself is unusable (a data-quality issue), false when it is merely old. */
      readonly issue: boolean;
      readonly atMs?: number;
    };

/**
 * Places an entry's date for use as episode evidence (clinical-spec §A.1, §9.3a): it must be known to
 * the day, not in the future, at or after the episode start and, when `fresh` is asked for, no older
 * than the evidence window (7 days). Anything else is *stale* or unusable — treated as missing, never as
 * a negative result.
 * @param ctx - the mechanism context
 * @param at - the entry's time (null when it has none)
 * @param fresh - also apply the evidence window (D-dimer, ultrasound); red-flag findings only need to be in the episode
 * @param episodeStartMs - the episode start (null: no episode)
 * @returns the instant, or why the entry cannot be used
 * @throws {SOLEUS_FACT_SCHEMA} when a DVT pack parameter is missing
 */
export function placeInEpisode(
  ctx: MechanismContext,
  at: ReadingTime | null,
  fresh: boolean,
  episodeStartMs: number | null,
): Placement {
  if (!at || at.precision === 'year' || at.precision === 'month') {
    return {
      ok: false,
      reason: 'date missing or coarser than a day: cannot be placed in the episode',
      plain: 'has no date precise to the day',
      issue: true,
    };
  }
  if (at.epochMs > ctx.nowMs) {
    return {
      ok: false,
      reason: 'dated after the evaluation time',
      plain: 'is dated in the future',
      issue: true,
      atMs: at.epochMs,
    };
  }
  if (episodeStartMs === null || at.epochMs < episodeStartMs) {
    return {
      ok: false,
      reason: 'before the start of the current episode',
      plain: 'is from before these symptoms began',
      issue: false,
      atMs: at.epochMs,
    };
  }
  const window = dvtParam(ctx, 'evidenceWindow', 'string');
  if (fresh && at.epochMs < windowStartMs(ctx.nowMs, window)) {
    return {
      ok: false,
      reason: `stale: older than the ${window} evidence window`,
      plain: `is older than ${durationWords(window)}`,
      issue: false,
      atMs: at.epochMs,
    };
  }
  return { ok: true, atMs: at.epochMs };
}
