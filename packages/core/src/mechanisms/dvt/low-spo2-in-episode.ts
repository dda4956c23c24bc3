/**
 * Low oxygen saturation in the DVT episode (clinical-spec §A.2, the optional PE sign): an SpO₂
 * Observation (pack `pe.spo2ValueSet`) inside the episode strictly below `pe.spo2BelowPercent`,
 * converted to % from its reported unit; a saturation whose unit cannot be converted is a data-quality
 * issue, never a normal value.
 */
import type { Mechanism } from '../mechanism';
import { dvtObservationNeeds } from './dvt-data-needs';
import { dvtParam } from './dvt-param';
import { episodeReader } from './episode-reader';
import { findInEpisode, type ReadingTest } from './find-in-episode';
import { quantityIn } from './quantity-in';
import { warnUnreadableQuantity } from './warn-unreadable-quantity';

const saturationLow: ReadingTest = (reading, ctx) => {
  const below = dvtParam(ctx, 'pe.spo2BelowPercent', 'number');
  const percent = quantityIn(reading, '%');
  if (!percent.ok) {
    warnUnreadableQuantity(
      ctx,
      reading,
      { what: 'oxygen saturation', expectedUnit: '%', subject: 'Oxygen saturation' },
      percent.problem,
    );
    return { unreadable: 'saturation unit missing or not convertible' };
  }
  return percent.value < below ? null : `not below ${below} %`;
};

/** `dvt.lowSpo2`: an SpO₂ below the pack threshold inside the episode; unknown without a record reader. */
export const lowSpo2InEpisode: Mechanism = {
  compute: (_params, ctx) => {
    const episode = episodeReader(ctx);
    return episode
      ? findInEpisode(ctx, episode.records, episode.startMs, {
          conditionSets: [],
          observationSets: [dvtParam(ctx, 'pe.spo2ValueSet', 'string')],
          test: saturationLow,
          use: 'current',
        })
      : { value: null };
  },
  requires: (_params, pack) => dvtObservationNeeds(pack),
  // No source params; the pack parameters it reads are checked with dvt.triggered's.
  checkParams: () => [],
};
