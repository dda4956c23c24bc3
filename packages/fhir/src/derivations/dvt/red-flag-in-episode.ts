/**
 * Red-flag findings of rule set A (clinical-spec §A.2, §9.2): a Condition whose onset, or a bedside
 * finding Observation (`valueBoolean` true) whose effective time, falls inside the current DVT episode.
 */
import { itemSubject } from '../../text/item-subject';
import type { Derivation } from '../../facts/derivations';
import { findInEpisode, listParam, type ObservationTest } from './find-in-episode';

const findingPresent: ObservationTest = (obs, ref, ctx) => {
  if (typeof obs.valueBoolean !== 'boolean') {
    ctx.issues.warn(
      'SOLEUS_FHIR_UNINTERPRETABLE',
      `bedside finding: expected valueBoolean, found none; treated as unknown`,
      { resource: ref, path: 'value[x]' },
      `${itemSubject(obs)} has no yes/no value; treated as unknown`,
    );
    return { unreadable: 'no valueBoolean' };
  }
  return obs.valueBoolean ? null : 'finding recorded as absent';
};

/**
 * Conditions and bedside findings (valueBoolean true) in the episode; params `conditionValueSets`,
 * `findingValueSets` and `conditionUse` (`current` by default; `confirmed` for a finding that confirms a
 * diagnosis, so that a provisional one leaves it unknown).
 */
export const redFlagInEpisode: Derivation = {
  compute: (params, ctx) =>
    findInEpisode(
      ctx,
      listParam(params, 'conditionValueSets'),
      listParam(params, 'findingValueSets'),
      findingPresent,
      params['conditionUse'] === 'confirmed' ? 'confirmed' : 'current',
    ),
  requires: (params) => [
    ...listParam(params, 'conditionValueSets').map((valueSet) => ({
      resourceType: 'Condition' as const,
      valueSet,
    })),
    ...listParam(params, 'findingValueSets').map((valueSet) => ({
      resourceType: 'Observation' as const,
      valueSet,
    })),
  ],
};
