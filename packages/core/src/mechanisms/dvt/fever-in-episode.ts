/**
 * Fever in the DVT episode (clinical-spec §A.2): a fever Condition with onset in the episode, or a body
 * temperature Observation at or above the pack's `fever.thresholdCel`, converted from its reported unit
 * (`Cel`, `[degF]`); a temperature whose unit cannot be converted is a data-quality issue.
 */
import type { Mechanism } from '../mechanism';
import { checkValueSetLists } from './check-value-set-lists';
import { dvtObservationNeeds } from './dvt-data-needs';
import { dvtParam } from './dvt-param';
import { episodeReader } from './episode-reader';
import { stringList } from './fact-params';
import { findInEpisode, type ReadingTest } from './find-in-episode';
import { quantityIn } from './quantity-in';
import { warnUnreadableQuantity } from './warn-unreadable-quantity';

const feverReached: ReadingTest = (reading, ctx) => {
  const threshold = dvtParam(ctx, 'fever.thresholdCel', 'number');
  const celsius = quantityIn(reading, 'Cel');
  if (!celsius.ok) {
    warnUnreadableQuantity(
      ctx,
      reading,
      { what: 'body temperature', expectedUnit: 'a temperature unit', subject: 'Temperature' },
      celsius.problem,
    );
    return { unreadable: 'temperature unit missing or not convertible' };
  }
  return celsius.value >= threshold ? null : `below the ${threshold} Cel fever threshold`;
};

/**
 * `dvt.fever`: a fever Condition (params `conditionValueSets`) or a temperature ≥ the pack threshold in
 * the episode. Unknown without a record reader.
 */
export const feverInEpisode: Mechanism = {
  compute: (params, ctx) => {
    const episode = episodeReader(ctx);
    return episode
      ? findInEpisode(ctx, episode.records, episode.startMs, {
          conditionSets: stringList(params, 'conditionValueSets'),
          observationSets: [dvtParam(ctx, 'fever.valueSet', 'string')],
          test: feverReached,
          use: 'current',
        })
      : { value: null };
  },
  requires: (params, pack) => [
    ...stringList(params, 'conditionValueSets').map((valueSet) => ({
      resourceType: 'Condition' as const,
      valueSet,
    })),
    ...dvtObservationNeeds(pack),
  ],
  checkParams: (params) => checkValueSetLists(params, ['conditionValueSets']),
};
