/**
 * Low oxygen saturation in the DVT episode (clinical-spec §A.2, the optional PE sign): an SpO₂
 * Observation (pack `pe.spo2ValueSet`) inside the episode strictly below `pe.spo2BelowPercent`,
 * converted to % from its reported unit; a saturation whose unit cannot be converted is a data-quality
 * issue, never a normal value.
 */
import { itemSubject } from '../../text/item-subject';
import { convertQuantity, valueProblem } from '@soleus/core';
import type { Derivation } from '../../facts/derivations';
import { dvtParam } from '@soleus/core';
import { findInEpisode, type ObservationTest } from './find-in-episode';
import { dvtObservationNeeds } from '@soleus/core';

const saturationLow: ObservationTest = (obs, ref, ctx) => {
  const q = obs.valueQuantity;
  const below = dvtParam(ctx, 'pe.spo2BelowPercent', 'number');
  const unit = q?.code ?? q?.unit;
  const converted =
    typeof q?.value === 'number' && unit ? convertQuantity(q.value, unit, '%') : null;
  if (!converted?.ok) {
    ctx.issues.warn(
      'SOLEUS_FHIR_UNINTERPRETABLE',
      'oxygen saturation: expected a valueQuantity in %; treated as unknown',
      { resource: ref, path: 'valueQuantity' },
      `${itemSubject(obs, 'Oxygen saturation')} ${valueProblem(q?.value, unit)}; treated as unknown`,
    );
    return { unreadable: 'saturation unit missing or not convertible' };
  }
  return converted.value < below ? null : `not below ${below} %`;
};

/** `dvt.lowSpo2`: an SpO₂ below the pack threshold inside the episode. */
export const lowSpo2InEpisode: Derivation = {
  compute: (_params, ctx) =>
    findInEpisode(ctx, [], [dvtParam(ctx, 'pe.spo2ValueSet', 'string')], saturationLow),
  requires: (_params, pack) => dvtObservationNeeds(pack),
};
