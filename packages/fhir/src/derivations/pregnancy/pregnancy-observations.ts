/**
 * Reading the pregnancy Observations (gestational age, pregnancy status, hCG) for the assessment: which
 * count (final/amended/corrected, day-precise, not in the future), the latest final one of a window, and
 * what a preliminary result may do — make pregnancy possible, never rule it out.
 */
import type { FactEvidence } from '@soleus/core';
import type { Observation } from 'fhir/r4';
import { observationEffectiveTime } from '../../fhir/observation-effective-time';
import { parseFhirDate } from '../../fhir/parse-fhir-date';
import { observationCounts } from '../../fhir/resource-status';
import type { FactContext } from '../../facts/fact-context';
import { resourceRef } from '../../facts/resource-ref';
import { windowStart } from '../../facts/window';

/** What the assessment has found so far. */
export interface Work {
  readonly evidence: FactEvidence[];
  readonly ignored: FactEvidence[];
  readonly ages: { weeks: number; evidence: FactEvidence }[];
  unknown: boolean;
}

/**
 * The latest final Observation of a value set within a window (day-precise date); preliminary ones newer
 * than it go to `onPreliminary` — a preliminary result never says "not pregnant", but a positive one
 * makes pregnancy possible.
 */
export function latestCounting(
  ctx: FactContext,
  valueSet: string,
  window: string,
  work: Work,
  onPreliminary: (obs: Observation) => void,
): Observation | null {
  const from = windowStart(ctx.nowMs, window);
  let best: { obs: Observation; atMs: number } | null = null;
  const preliminary: { obs: Observation; atMs: number }[] = [];
  for (const obs of ctx.index.withCodeIn('Observation', valueSet)) {
    const atMs = countingAt(obs, ctx, work, true);
    if (atMs === null || atMs < from) {
      continue;
    }
    if (isPreliminary(obs)) {
      preliminary.push({ obs, atMs });
    } else if (best === null || atMs > best.atMs) {
      best = { obs, atMs };
    }
  }
  preliminary
    .filter((p) => best === null || p.atMs > best.atMs)
    .forEach((p) => onPreliminary(p.obs));
  return best?.obs ?? null;
}

/**
 * Whether an Observation is released only as preliminary.
 * @param obs - the Observation
 * @returns true for a preliminary result with a value
 */
export function isPreliminary(obs: Observation): boolean {
  const status = observationCounts(obs);
  return !status.counts && status.preliminary === true;
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

/** The instant of a counting (or, when asked, preliminary), day-precise, not-future Observation. */
export function countingAt(
  obs: Observation,
  ctx: FactContext,
  work: Work,
  allowPreliminary = false,
): number | null {
  const status = observationCounts(obs);
  const at = parseFhirDate(observationEffectiveTime(obs));
  const ref = resourceRef(obs);
  if (!status.counts && !(allowPreliminary && status.preliminary === true)) {
    work.ignored.push({ resource: ref, note: status.reason });
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
