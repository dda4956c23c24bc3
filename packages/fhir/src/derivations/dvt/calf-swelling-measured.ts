/**
 * Wells item 6 from measurements (clinical-spec §A.3): two calf-circumference Observations, one left and
 * one right (laterality from the code or bodySite, §9.3), measured on the same UTC day inside the episode;
 * a difference of at least the pack's `wells.calfDifferenceCm` scores the item. The latest day with both
 * sides decides. No such pair leaves the item to the bedside assessment (unknown).
 */
import { itemSubject } from '../../text/item-subject';
import type { Observation } from 'fhir/r4';
import { convertQuantity, type Fact, valueProblem } from '@soleus/core';
import { laterality } from '../../fhir/laterality';
import { observationEffectiveTime } from '../../fhir/observation-effective-time';
import { observationCounts } from '../../fhir/resource-status';
import type { Derivation } from '../../facts/derivations';
import type { FactContext } from '../../facts/fact-context';
import { resourceRef } from '../../facts/resource-ref';
import { dvtParam } from '@soleus/core';
import { placeInEpisode } from './place-in-episode';
import { dvtObservationNeeds } from '@soleus/core';

interface Measurement {
  readonly ref: string;
  readonly cm: number;
  readonly atMs: number;
}

function readMeasurement(obs: Observation, ctx: FactContext): Measurement | null {
  const q = obs.valueQuantity;
  const unit = q?.code ?? q?.unit;
  const cm = typeof q?.value === 'number' && unit ? convertQuantity(q.value, unit, 'cm') : null;
  const placed = placeInEpisode(ctx, observationEffectiveTime(obs), false);
  if (!observationCounts(obs).counts || !placed.ok) {
    return null;
  }
  if (!cm?.ok) {
    ctx.issues.warn(
      'SOLEUS_FHIR_UNINTERPRETABLE',
      'calf circumference: expected a valueQuantity in a length unit; treated as unknown',
      { resource: resourceRef(obs), path: 'valueQuantity' },
      `${itemSubject(obs, 'Calf circumference')} ${valueProblem(q?.value, unit)}; treated as unknown`,
    );
    return null;
  }
  return { ref: resourceRef(obs), cm: cm.value, atMs: placed.atMs };
}

function computeCalfSwelling(ctx: FactContext): Fact {
  const days = new Map<string, { left?: Measurement; right?: Measurement }>();
  for (const obs of ctx.index.withCodeIn(
    'Observation',
    dvtParam(ctx, 'wells.calfCircumferenceValueSet', 'string'),
  )) {
    const side = laterality(obs);
    const m = side === 'left' || side === 'right' ? readMeasurement(obs, ctx) : null;
    if (m && (side === 'left' || side === 'right')) {
      const day = new Date(m.atMs).toISOString().slice(0, 10);
      const pair = days.get(day) ?? {};
      const current = pair[side];
      days.set(day, { ...pair, [side]: !current || m.atMs >= current.atMs ? m : current });
    }
  }
  const latest = [...days.entries()]
    .filter(([, p]) => p.left && p.right)
    .sort(([a], [b]) => b.localeCompare(a))[0];
  if (!latest?.[1].left || !latest[1].right) {
    return { value: null };
  }
  const { left, right } = latest[1];
  // Rounded to 0.001 cm (far below a tape's precision): in binary floating point 32.3 − 29.3 is
  // 2.9999999999999964, so an exact 3.0 cm difference would otherwise miss the 3.0 cm threshold.
  const difference = Math.round(Math.abs(left.cm - right.cm) * 1000) / 1000;
  const threshold = dvtParam(ctx, 'wells.calfDifferenceCm', 'number');
  return {
    value: difference >= threshold,
    evidence: [left, right].map((m) => ({
      resource: m.ref,
      at: new Date(m.atMs).toISOString(),
      reported: `${m.cm} cm`,
    })),
  };
}

/** `dvt.calfSwellingMeasured`: true / false from a same-day left–right pair, unknown without one. */
export const calfSwellingMeasured: Derivation = {
  compute: (_params, ctx) => computeCalfSwelling(ctx),
  requires: (_params, pack) => dvtObservationNeeds(pack),
};
