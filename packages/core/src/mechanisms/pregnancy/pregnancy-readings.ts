/**
 * Reading the pregnancy Observations (gestational age, pregnancy status, hCG) for the assessment: which
 * count (final/amended/corrected, day-precise, not in the future), the latest final one of a window, and
 * what a preliminary result may do — make pregnancy possible, never rule it out.
 */
import type { FactEvidence } from '../../facts/fact';
import { windowStartMs } from '../records/window-start-ms';
import type { MechanismContext } from '../mechanism';
import type { RecordQuery, RecordReading } from '../records/record-reading';

/** What the assessment has found so far. */
export interface Work {
  readonly evidence: FactEvidence[];
  readonly ignored: FactEvidence[];
  readonly ages: { weeks: number; evidence: FactEvidence }[];
  unknown: boolean;
}

/**
 * The latest final reading of a query within a window (day-precise date); preliminary ones newer than
 * it go to `onPreliminary` — a preliminary result never says "not pregnant", but a positive one makes
 * pregnancy possible.
 */
export function latestCounting(
  ctx: MechanismContext,
  readings: readonly RecordReading[],
  window: string,
  work: Work,
  onPreliminary: (reading: RecordReading) => void,
): RecordReading | null {
  const from = windowStartMs(ctx.nowMs, window);
  let best: { reading: RecordReading; atMs: number } | null = null;
  const preliminary: { reading: RecordReading; atMs: number }[] = [];
  for (const reading of readings) {
    const atMs = countingAt(reading, ctx, work, true);
    if (atMs === null || atMs < from) {
      continue;
    }
    if (isPreliminary(reading)) {
      preliminary.push({ reading, atMs });
    } else if (best === null || atMs > best.atMs) {
      best = { reading, atMs };
    }
  }
  preliminary
    .filter((p) => best === null || p.atMs > best.atMs)
    .forEach((p) => onPreliminary(p.reading));
  return best?.reading ?? null;
}

/**
 * Whether a reading is released only as preliminary.
 * @param reading - the reading
 * @returns true for a preliminary result with a value
 */
export function isPreliminary(reading: RecordReading): boolean {
  return !reading.status.counts && reading.status.preliminary === true;
}

/**
 * Records a result that makes pregnancy possible but may not document it (a preliminary one).
 * @param work - the assessment so far
 * @param ref - the resource
 * @param what - what it is, for the note
 */
export function possible(work: Work, ref: string, what: string): void {
  work.unknown = true;
  work.ignored.push({
    resource: ref,
    note: `${what}: pregnancy possible (never used to rule it out)`,
  });
}

/** The instant of a counting (or, when asked, preliminary), day-precise, not-future reading. */
export function countingAt(
  reading: RecordReading,
  ctx: MechanismContext,
  work: Work,
  allowPreliminary = false,
): number | null {
  const { status, time: at, ref } = reading;
  if (!status.counts && !(allowPreliminary && status.preliminary === true)) {
    work.ignored.push({ resource: ref, note: status.reason ?? '' });
    return null;
  }
  if (!at || at.precision === 'year' || at.precision === 'month' || at.epochMs > ctx.nowMs) {
    work.ignored.push({
      resource: ref,
      note: 'effective time missing, coarser than a day or in the future',
    });
    return null;
  }
  return at.epochMs;
}

/**
 * The entries of a query, or none when the host gives mechanisms no record.
 * @param ctx - the mechanism context
 * @param query - what to read
 * @returns the readings
 */
export function readingsOf(ctx: MechanismContext, query: RecordQuery): readonly RecordReading[] {
  return ctx.records?.read(query) ?? [];
}
