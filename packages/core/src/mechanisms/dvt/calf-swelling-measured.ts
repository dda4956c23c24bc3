/**
 * Wells item 6 from measurements (clinical-spec §A.3): two calf-circumference Observations, one left and
 * one right (the side the record states in the code or body site, §9.3), measured on the same UTC day
 * inside the episode; a difference of at least the pack's `wells.calfDifferenceCm` scores the item. The
 * latest day with both sides decides. No such pair leaves the item to the bedside assessment (unknown).
 */
import type { Fact } from '../../facts/fact';
import type { Mechanism, MechanismContext } from '../mechanism';
import type { RecordReading } from '../records/record-reading';
import { dvtObservationNeeds } from './dvt-data-needs';
import { dvtParam } from './dvt-param';
import { episodeReader } from './episode-reader';
import { placeInEpisode } from './place-in-episode';
import { quantityIn } from './quantity-in';
import { warnUnreadableQuantity } from './warn-unreadable-quantity';

interface Measurement {
  readonly ref: string;
  readonly cm: number;
  readonly atMs: number;
}

function readMeasurement(
  reading: RecordReading,
  ctx: MechanismContext,
  startMs: number | null,
): Measurement | null {
  const cm = quantityIn(reading, 'cm');
  const placed = placeInEpisode(ctx, reading.time, false, startMs);
  if (!reading.status.counts || !placed.ok) {
    return null;
  }
  if (!cm.ok) {
    warnUnreadableQuantity(
      ctx,
      reading,
      { what: 'calf circumference', expectedUnit: 'a length unit', subject: 'Calf circumference' },
      cm.problem,
    );
    return null;
  }
  return { ref: reading.ref, cm: cm.value, atMs: placed.atMs };
}

function computeCalfSwelling(ctx: MechanismContext): Fact {
  const episode = episodeReader(ctx);
  if (!episode) {
    return { value: null };
  }
  const days = new Map<string, { left?: Measurement; right?: Measurement }>();
  const valueSet = dvtParam(ctx, 'wells.calfCircumferenceValueSet', 'string');
  for (const reading of episode.records.read({ kind: 'Observation', valueSet })) {
    const side = reading.side;
    const m =
      side === 'left' || side === 'right' ? readMeasurement(reading, ctx, episode.startMs) : null;
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
export const calfSwellingMeasured: Mechanism = {
  compute: (_params, ctx) => computeCalfSwelling(ctx),
  requires: (_params, pack) => dvtObservationNeeds(pack),
  // No source params; the pack parameters it reads are checked with dvt.triggered's.
  checkParams: () => [],
};
