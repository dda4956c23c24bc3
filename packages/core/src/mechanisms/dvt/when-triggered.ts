import type { Fact } from '../../facts/fact';
import type { Mechanism, MechanismContext } from '../mechanism';
import { dvtObservationNeeds, dvtTriggerEncounterNeeds } from './dvt-data-needs';
import { checkFactParams, factName } from './fact-params';

/**
 * A DVT mechanism that runs only inside an episode: unknown when the fact named in `triggeredFact`
 * is not true; otherwise `compute` gets the episode start (from the fact named in `episodeStartFact`)
 * and the source params.
 * Its requirements are the pathway's record data, as for every DVT fact read in an episode.
 * @param compute - the computation over the episode
 * @returns the mechanism
 */
export function whenTriggered(
  compute: (
    ctx: MechanismContext,
    episodeStartMs: number,
    params: Readonly<Record<string, unknown>>,
  ) => Fact,
): Mechanism {
  return {
    compute: (params, ctx) => {
      if (ctx.fact(factName(params, 'triggeredFact')).value !== true) {
        return { value: null };
      }
      const start = ctx.fact(factName(params, 'episodeStartFact')).value;
      return typeof start === 'string' ? compute(ctx, Date.parse(start), params) : { value: null };
    },
    requires: (_params, pack) => [
      { resourceType: 'Condition' },
      ...dvtTriggerEncounterNeeds(pack),
      ...dvtObservationNeeds(pack),
      { resourceType: 'QuestionnaireResponse' },
      { resourceType: 'Patient' },
    ],
    checkParams: (params) =>
      checkFactParams(params, { triggeredFact: 'string', episodeStartFact: 'string' }),
  };
}
