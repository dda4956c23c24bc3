/**
 * Finds Conditions whose onset, and Observations whose effective time, fall inside the current DVT
 * episode (clinical-spec §A.1, §A.2), for the red-flag facts. Conditions must count for their use and
 * Observations must count (§0.1) — a preliminary finding counts too, since a red flag only raises
 * caution (§0.1 note: preliminary results never exclude, but may be surfaced); each Observation is then
 * put to the caller's test. Everything looked
 * at and not used is listed with its reason.
 */
import type { Observation } from 'fhir/r4';
import type { Fact, FactEvidence } from '@soleus/core';
import { conditionOnset } from '../../fhir/condition-onset';
import { observationEffectiveTime } from '../../fhir/observation-effective-time';
import { conditionCounts, observationCounts, type ConditionUse } from '../../fhir/resource-status';
import type { FactContext } from '../../facts/fact-context';
import { resourceRef } from '../../facts/resource-ref';
import { placeInEpisode } from './place-in-episode';

/** An Observation whose value cannot be read: it neither is nor rules out the finding. */
export interface Unreadable {
  readonly unreadable: string;
}

/**
 * Decides whether a counting, in-episode Observation is a finding: null = yes, a string = why not,
 * {@link Unreadable} = cannot tell (the fact is then unknown unless another resource is a finding).
 */
export type ObservationTest = (
  obs: Observation,
  ref: string,
  ctx: FactContext,
) => string | null | Unreadable;

interface Found {
  readonly evidence: FactEvidence[];
  readonly ignored: FactEvidence[];
  /** Uncertain Conditions the use may not rely on, and unreadable Observations, in the episode. */
  uncertain: number;
}

/**
 * Looks for red-flag resources in the episode.
 * @param ctx - the fact context
 * @param conditionSets - value sets of Conditions that are the finding
 * @param observationSets - value sets of Observations to put to `test`
 * @param test - decides on each counting, in-episode Observation
 * @param use - what the Conditions are used for (`current` raises a red flag; `confirmed` confirms)
 * @returns a boolean fact (true when anything qualifies; unknown when nothing does but an uncertain
 *   Condition, for a use that may not rely on it, or an unreadable Observation might have) with
 *   evidence and ignored resources
 * @throws {SOLEUS_FACT_SCHEMA} when a DVT pack parameter is missing
 */
export function findInEpisode(
  ctx: FactContext,
  conditionSets: readonly string[],
  observationSets: readonly string[],
  test: ObservationTest,
  use: ConditionUse = 'current',
): Fact {
  const found: Found = { evidence: [], ignored: [], uncertain: 0 };
  conditionSets.forEach((vs) => findConditions(ctx, vs, use, found));
  observationSets.forEach((vs) => findObservations(ctx, vs, test, found));
  const { evidence, ignored } = found;
  const value = evidence.length > 0 ? true : found.uncertain > 0 ? null : false;
  return { value, evidence, ...(ignored.length > 0 ? { ignored } : {}) };
}

/**
 * Reads a list-of-strings derivation parameter.
 * @param params - the derivation parameters
 * @param key - the parameter name
 * @returns its strings, empty when absent
 */
export function listParam(params: Readonly<Record<string, unknown>>, key: string): string[] {
  const value = params[key];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function findConditions(ctx: FactContext, valueSet: string, use: ConditionUse, found: Found): void {
  for (const condition of ctx.index.withCodeIn('Condition', valueSet)) {
    const ref = resourceRef(condition);
    const status = conditionCounts(condition, use);
    const placed =
      status.counts || status.uncertain
        ? placeInEpisode(ctx, conditionOnset(condition), false)
        : null;
    if (placed?.ok && !status.counts) {
      found.uncertain += 1;
      found.ignored.push({ resource: ref, note: status.reason });
    } else if (placed?.ok) {
      found.evidence.push({ resource: ref, at: new Date(placed.atMs).toISOString() });
    } else {
      found.ignored.push({
        resource: ref,
        note: status.counts ? (placed?.reason ?? '') : status.reason,
      });
    }
  }
}

function findObservations(
  ctx: FactContext,
  valueSet: string,
  test: ObservationTest,
  found: Found,
): void {
  for (const obs of ctx.index.withCodeIn('Observation', valueSet)) {
    const ref = resourceRef(obs);
    const status = observationCounts(obs);
    // A red flag only raises caution: a preliminary finding counts (it may raise, never exclude).
    const preliminary = !status.counts && status.preliminary === true;
    if (!status.counts && !preliminary) {
      found.ignored.push({ resource: ref, note: status.reason });
      continue;
    }
    const placed = placeInEpisode(ctx, observationEffectiveTime(obs), false);
    const verdict = placed.ok ? test(obs, ref, ctx) : placed.reason;
    if (verdict !== null && typeof verdict === 'object') {
      // Uninterpretable is unknown, never negative: an unreadable reading cannot rule the finding out.
      found.uncertain += 1;
      found.ignored.push({ resource: ref, note: verdict.unreadable });
      continue;
    }
    const why = verdict;
    if (placed.ok && why === null) {
      found.evidence.push({
        resource: ref,
        at: new Date(placed.atMs).toISOString(),
        ...(preliminary ? { note: 'preliminary result' } : {}),
      });
    } else {
      found.ignored.push({ resource: ref, note: why ?? '' });
    }
  }
}
