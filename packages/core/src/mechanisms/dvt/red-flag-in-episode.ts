/**
 * Red-flag findings of rule set A (clinical-spec §A.2, §9.2): a Condition whose onset, or a bedside
 * finding Observation (a yes/no value, yes) whose effective time, falls inside the current DVT episode.
 */
import type { Mechanism } from '../mechanism';
import { readingSubject } from '../records/reading-subject';
import { checkValueSetLists } from './check-value-set-lists';
import { episodeReader } from './episode-reader';
import { stringList } from './fact-params';
import { findInEpisode, type ReadingTest } from './find-in-episode';

const findingPresent: ReadingTest = (reading, ctx) => {
  if (reading.booleanValue === undefined) {
    ctx.issues.add({
      severity: 'warning',
      code: 'SOLEUS_FHIR_UNINTERPRETABLE',
      message: 'bedside finding: expected valueBoolean, found none; treated as unknown',
      location: { resource: reading.ref, path: 'value[x]' },
      clinicianText: `${readingSubject(reading)} has no yes/no value; treated as unknown`,
    });
    return { unreadable: 'no valueBoolean' };
  }
  return reading.booleanValue ? null : 'finding recorded as absent';
};

const USES = ['current', 'confirmed'];

/**
 * Conditions and bedside findings (yes) in the episode; params `conditionValueSets`,
 * `findingValueSets` and `conditionUse` (`current` by default; `confirmed` for a finding that confirms a
 * diagnosis, so that a provisional one leaves it unknown). Unknown without a record reader.
 */
export const redFlagInEpisode: Mechanism = {
  compute: (params, ctx) => {
    const episode = episodeReader(ctx);
    return episode
      ? findInEpisode(ctx, episode.records, episode.startMs, {
          conditionSets: stringList(params, 'conditionValueSets'),
          observationSets: stringList(params, 'findingValueSets'),
          test: findingPresent,
          use: params['conditionUse'] === 'confirmed' ? 'confirmed' : 'current',
        })
      : { value: null };
  },
  requires: (params) => [
    ...stringList(params, 'conditionValueSets').map((valueSet) => ({
      resourceType: 'Condition' as const,
      valueSet,
    })),
    ...stringList(params, 'findingValueSets').map((valueSet) => ({
      resourceType: 'Observation' as const,
      valueSet,
    })),
  ],
  checkParams: (params) => [
    ...checkValueSetLists(params, ['conditionValueSets', 'findingValueSets']),
    ...(params['conditionUse'] === undefined || USES.includes(String(params['conditionUse']))
      ? []
      : [
          {
            severity: 'error' as const,
            code: 'SOLEUS_FACT_PARAMETER' as const,
            message: `params.conditionUse: expected ${USES.join(' or ')}`,
            location: { pointer: '/source/params/conditionUse' },
          },
        ]),
  ],
};
