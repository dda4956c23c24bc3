/**
 * The rule set A derivations by name, registered in facts/derivations.ts. Each wraps one mechanism of
 * this folder; the record is walked once per request (episode, Wells, D-dimer, ultrasound are memoised)
 * and every fact of the pathway is unknown or false when no trigger opened an episode.
 */
import type { Fact } from '@soleus/core';
import type { Derivation } from '../../facts/derivations';
import type { FactContext } from '../../facts/fact-context';
import { dvtEpisode } from './dvt-episode';
import { wellsBreakdown } from './wells-breakdown';
import { wellsRestsOnMissingData } from './wells-rests-on-missing-data';
import { wellsScore } from './wells-score';
import { shownWells } from './shown-wells';
import { wellsItemLines, wellsScoreText, wellsSummaryLine } from './wells-lines';
import { dvtObservationNeeds, dvtTriggerEncounterNeeds } from '@soleus/core';

/** A derivation over the episode: null when no episode is open. */
function whenTriggered(
  compute: (params: Readonly<Record<string, unknown>>, ctx: FactContext) => Fact,
): Derivation {
  return {
    compute: (params, ctx) =>
      dvtEpisode(ctx).startMs === null ? { value: null } : compute(params, ctx),
    requires: (_params, pack) => [
      { resourceType: 'Condition' },
      ...dvtTriggerEncounterNeeds(pack),
      ...dvtObservationNeeds(pack),
      { resourceType: 'QuestionnaireResponse' },
      { resourceType: 'Patient' },
    ],
  };
}

/** Every rule set A derivation by registry name. */
export const DVT_DERIVATIONS: ReadonlyMap<string, Derivation> = new Map<string, Derivation>([
  ['dvt.wellsClassAsRecorded', whenTriggered((_p, ctx) => ({ value: wellsScore(ctx).wellsClass }))],
  [
    'dvt.wellsRestsOnMissingData',
    whenTriggered((_p, ctx) => ({ value: wellsRestsOnMissingData(ctx) })),
  ],
  ['dvt.wellsClass', whenTriggered((p, ctx) => ({ value: shownWells(p, ctx).wellsClass }))],
  ['dvt.wellsMin', whenTriggered((p, ctx) => ({ value: shownWells(p, ctx).min }))],
  ['dvt.wellsMax', whenTriggered((p, ctx) => ({ value: shownWells(p, ctx).max }))],
  [
    'dvt.wellsItems',
    whenTriggered((p, ctx) => ({ value: wellsItemLines(shownWells(p, ctx), ctx) })),
  ],
  ['dvt.wellsScore', whenTriggered((p, ctx) => ({ value: wellsScoreText(shownWells(p, ctx)) }))],
  [
    'dvt.wellsSummary',
    whenTriggered((p, ctx) => ({ value: wellsSummaryLine(shownWells(p, ctx)) })),
  ],
  ['dvt.wellsBreakdown', wellsBreakdown],
]);
