/**
 * The rule set A derivations by name, registered in facts/derivations.ts. Each wraps one mechanism of
 * this folder; the record is walked once per request (episode, Wells, D-dimer, ultrasound are memoised)
 * and every fact of the pathway is unknown or false when no trigger opened an episode.
 */
import type { Fact } from '@soleus/core';
import type { Derivation } from '../../facts/derivations';
import type { FactContext } from '../../facts/fact-context';
import { calfSwellingMeasured } from './calf-swelling-measured';
import { dvtEpisode } from './dvt-episode';
import { feverInEpisode } from './fever-in-episode';
import { inpatientNow } from './inpatient-now';
import { lowSpo2InEpisode } from './low-spo2-in-episode';
import { redFlagInEpisode } from './red-flag-in-episode';
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
  [
    'dvt.triggered',
    {
      compute: (_p, ctx) => {
        const episode = dvtEpisode(ctx);
        return {
          value: episode.startMs !== null,
          evidence: episode.evidence,
          ...(episode.ignored.length > 0 ? { ignored: episode.ignored } : {}),
        };
      },
      requires: (_params, pack) => [
        { resourceType: 'Condition' },
        ...dvtTriggerEncounterNeeds(pack),
      ],
    },
  ],
  [
    'dvt.episodeStart',
    whenTriggered((_p, ctx) => {
      const start = new Date(dvtEpisode(ctx).startMs ?? 0).toISOString();
      return { value: start, at: start, evidence: dvtEpisode(ctx).evidence };
    }),
  ],
  ['dvt.redFlagInEpisode', redFlagInEpisode],
  ['dvt.feverInEpisode', feverInEpisode],
  ['dvt.lowSpo2InEpisode', lowSpo2InEpisode],
  ['dvt.calfSwellingMeasured', calfSwellingMeasured],
  ['dvt.inpatient', inpatientNow],
]);
