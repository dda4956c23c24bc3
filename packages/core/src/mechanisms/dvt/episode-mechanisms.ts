import type { Mechanism } from '../mechanism';
import { checkDvtParameters } from './check-dvt-parameters';
import { dvtTriggerEncounterNeeds } from './dvt-data-needs';
import { dvtEpisode } from './dvt-episode';
import { episodeNeeds } from './episode-needs';

/**
 * `dvt.triggered`: whether a trigger opened a DVT episode, with the triggers as evidence and what was
 * looked at and not used. Unknown without a record reader. Every DVT rule reads it, so its load-time
 * check covers the DVT pack's parameters once.
 */
export const dvtTriggered: Mechanism = {
  compute: (_params, ctx) => {
    if (!ctx.records) {
      return { value: null };
    }
    const episode = dvtEpisode(ctx, ctx.records);
    return {
      value: episode.startMs !== null,
      evidence: episode.evidence,
      ...(episode.ignored.length > 0 ? { ignored: episode.ignored } : {}),
    };
  },
  requires: (_params, pack) => [{ resourceType: 'Condition' }, ...dvtTriggerEncounterNeeds(pack)],
  checkParams: (_params, pack) => checkDvtParameters(pack),
};

/** `dvt.episodeStart`: the episode's start (ISO 8601), unknown when no episode is open. */
export const dvtEpisodeStart: Mechanism = {
  compute: (_params, ctx) => {
    const episode = ctx.records ? dvtEpisode(ctx, ctx.records) : null;
    if (episode?.startMs === null || episode === null) {
      return { value: null };
    }
    const start = new Date(episode.startMs).toISOString();
    return { value: start, at: start, evidence: episode.evidence };
  },
  requires: (_params, pack) => episodeNeeds(pack),
  // No source params; the pack parameters it reads are checked with dvt.triggered's.
  checkParams: () => [],
};
