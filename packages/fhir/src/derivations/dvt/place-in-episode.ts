import { parseFhirDate } from '../../fhir/parse-fhir-date';
import type { FactContext } from '../../facts/fact-context';
import { windowStart } from '../../facts/window';
import { dvtEpisode } from './dvt-episode';
import { dvtParam, durationWords } from '@soleus/core';

/** Where a dated resource falls relative to the DVT episode. */
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
 * Places a resource's date for use as episode evidence (clinical-spec §A.1, §9.3a): it must be known to
 * the day, not in the future, at or after the episode start and, when `fresh` is asked for, no older
 * than the evidence window (7 days). Anything else is *stale* or unusable — treated as missing, never as
 * a negative result.
 * @param ctx - the fact context
 * @param date - the FHIR date/dateTime/instant text
 * @param fresh - also apply the evidence window (D-dimer, ultrasound); red-flag findings only need to be in the episode
 * @returns the instant, or why the resource cannot be used
 * @throws {SOLEUS_FACT_SCHEMA} when a DVT pack parameter is missing
 */
export function placeInEpisode(
  ctx: FactContext,
  date: string | undefined,
  fresh: boolean,
): Placement {
  const episodeStart = dvtEpisode(ctx).startMs;
  const at = parseFhirDate(date);
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
  if (episodeStart === null || at.epochMs < episodeStart) {
    return {
      ok: false,
      reason: 'before the start of the current episode',
      plain: 'is from before these symptoms began',
      issue: false,
      atMs: at.epochMs,
    };
  }
  const window = dvtParam(ctx, 'evidenceWindow', 'string');
  if (fresh && at.epochMs < windowStart(ctx.nowMs, window)) {
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
