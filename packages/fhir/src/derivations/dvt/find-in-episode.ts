/**
 * Finds Conditions whose onset, and Observations whose effective time, fall inside the current DVT
 * episode (clinical-spec §A.1, §A.2), for the red-flag facts. Conditions must be current problems and
 * Observations must count (§0.1); each Observation is then put to the caller's test. Everything looked
 * at and not used is listed with its reason.
 */
import type { Observation } from 'fhir/r4';
import type { Fact, FactEvidence } from '@soleus/core';
import { conditionOnset } from '../../fhir/condition-onset';
import { observationEffectiveTime } from '../../fhir/observation-effective-time';
import { conditionCounts, observationCounts } from '../../fhir/resource-status';
import type { FactContext } from '../../facts/fact-context';
import { resourceRef } from '../../facts/resource-ref';
import { placeInEpisode } from './place-in-episode';

/** Decides whether a counting, in-episode Observation is a finding: null = yes, else why not. */
export type ObservationTest = (obs: Observation, ref: string, ctx: FactContext) => string | null;

interface Found {
  readonly evidence: FactEvidence[];
  readonly ignored: FactEvidence[];
}

/**
 * Looks for red-flag resources in the episode.
 * @param ctx - the fact context
 * @param conditionSets - value sets of Conditions that are the finding
 * @param observationSets - value sets of Observations to put to `test`
 * @param test - decides on each counting, in-episode Observation
 * @returns a boolean fact (true when anything qualifies) with evidence and ignored resources
 * @throws {SOLEUS_FACT_SCHEMA} when a DVT pack parameter is missing
 */
export function findInEpisode(
  ctx: FactContext,
  conditionSets: readonly string[],
  observationSets: readonly string[],
  test: ObservationTest,
): Fact {
  const found: Found = { evidence: [], ignored: [] };
  conditionSets.forEach((vs) => findConditions(ctx, vs, found));
  observationSets.forEach((vs) => findObservations(ctx, vs, test, found));
  const { evidence, ignored } = found;
  return { value: evidence.length > 0, evidence, ...(ignored.length > 0 ? { ignored } : {}) };
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

function findConditions(ctx: FactContext, valueSet: string, found: Found): void {
  for (const condition of ctx.index.withCodeIn('Condition', valueSet)) {
    const ref = resourceRef(condition);
    const status = conditionCounts(condition, 'current');
    const placed = status.counts ? placeInEpisode(ctx, conditionOnset(condition), false) : null;
    if (placed?.ok) {
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
    if (!status.counts) {
      found.ignored.push({ resource: ref, note: status.reason });
      continue;
    }
    const placed = placeInEpisode(ctx, observationEffectiveTime(obs), false);
    const why = placed.ok ? test(obs, ref, ctx) : placed.reason;
    if (placed.ok && why === null) {
      found.evidence.push({ resource: ref, at: new Date(placed.atMs).toISOString() });
    } else {
      found.ignored.push({ resource: ref, note: why ?? '' });
    }
  }
}
