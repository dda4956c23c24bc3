/**
 * Fever in the DVT episode (clinical-spec §A.2): a fever Condition with onset in the episode, or a body
 * temperature Observation at or above the pack's `fever.thresholdCel`, converted from its reported unit
 * (`Cel`, `[degF]`); a temperature whose unit cannot be converted is a data-quality issue.
 */
import { itemSubject } from '../../text/item-subject';
import { convertQuantity, valueProblem } from '@soleus/core';
import type { Derivation } from '../../facts/derivations';
import { dvtParam } from '@soleus/core';
import { findInEpisode, listParam, type ObservationTest } from './find-in-episode';
import { dvtObservationNeeds } from '@soleus/core';

const feverReached: ObservationTest = (obs, ref, ctx) => {
  const q = obs.valueQuantity;
  const threshold = dvtParam(ctx, 'fever.thresholdCel', 'number');
  const unit = q?.code ?? q?.unit;
  const converted =
    typeof q?.value === 'number' && unit ? convertQuantity(q.value, unit, 'Cel') : null;
  if (!converted?.ok) {
    ctx.issues.warn(
      'SOLEUS_FHIR_UNINTERPRETABLE',
      `body temperature: expected a valueQuantity in a temperature unit; treated as unknown`,
      { resource: ref, path: 'valueQuantity' },
      `${itemSubject(obs, 'Temperature')} ${valueProblem(q?.value, unit)}; treated as unknown`,
    );
    return { unreadable: 'temperature unit missing or not convertible' };
  }
  return converted.value >= threshold ? null : `below the ${threshold} Cel fever threshold`;
};

/** Fever in the episode: a fever Condition (params `conditionValueSets`) or a temperature ≥ the pack threshold. */
export const feverInEpisode: Derivation = {
  compute: (params, ctx) =>
    findInEpisode(
      ctx,
      listParam(params, 'conditionValueSets'),
      [dvtParam(ctx, 'fever.valueSet', 'string')],
      feverReached,
    ),
  requires: (params, pack) => [
    ...listParam(params, 'conditionValueSets').map((valueSet) => ({
      resourceType: 'Condition' as const,
      valueSet,
    })),
    ...dvtObservationNeeds(pack),
  ],
};
