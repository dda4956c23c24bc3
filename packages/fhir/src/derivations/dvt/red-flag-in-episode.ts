/**
 * Red-flag findings of rule set A (clinical-spec §A.2): a Condition whose onset, or a bedside finding
 * Observation (§9.2, `valueBoolean` true) whose effective time, falls inside the current DVT episode.
 * Fever is a temperature at or above the pack's threshold, converted from the reported unit.
 */
import type { Observation } from 'fhir/r4';
import { convertQuantity, type Fact, type FactEvidence } from '@soleus/core';
import { conditionOnset } from '../../fhir/condition-onset';
import { observationEffectiveTime } from '../../fhir/observation-effective-time';
import { conditionCounts, observationCounts } from '../../fhir/resource-status';
import type { Derivation } from '../../facts/derivations';
import type { FactContext } from '../../facts/fact-context';
import { resourceRef } from '../../facts/resource-ref';
import { dvtParam } from './dvt-params';
import { placeInEpisode } from './place-in-episode';

type ObservationTest = (obs: Observation, ref: string, ctx: FactContext) => string | null;

/** Reads a list-of-strings derivation parameter (empty when absent). */
function listParam(params: Readonly<Record<string, unknown>>, key: string): string[] {
  const value = params[key];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

interface Found {
  readonly evidence: FactEvidence[];
  readonly ignored: FactEvidence[];
}

function findInEpisode(
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

const findingPresent: ObservationTest = (obs, ref, ctx) => {
  if (typeof obs.valueBoolean !== 'boolean') {
    ctx.issues.warn(
      'SOLEUS_FHIR_UNINTERPRETABLE',
      `bedside finding: expected valueBoolean, found none; treated as unknown`,
      {
        resource: ref,
        path: 'value[x]',
      },
    );
    return 'no valueBoolean';
  }
  return obs.valueBoolean ? null : 'finding recorded as absent';
};

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
      {
        resource: ref,
        path: 'valueQuantity',
      },
    );
    return 'temperature unit missing or not convertible';
  }
  return converted.value >= threshold ? null : `below the ${threshold} Cel fever threshold`;
};

/** Conditions and bedside findings (valueBoolean true) in the episode; params `conditionValueSets`, `findingValueSets`. */
export const redFlagInEpisode: Derivation = {
  compute: (params, ctx) =>
    findInEpisode(
      ctx,
      listParam(params, 'conditionValueSets'),
      listParam(params, 'findingValueSets'),
      findingPresent,
    ),
  requires: (params) => [
    ...listParam(params, 'conditionValueSets').map((valueSet) => ({
      resourceType: 'Condition' as const,
      valueSet,
    })),
    ...listParam(params, 'findingValueSets').map((valueSet) => ({
      resourceType: 'Observation' as const,
      valueSet,
    })),
  ],
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
  requires: (params) => [
    ...listParam(params, 'conditionValueSets').map((valueSet) => ({
      resourceType: 'Condition' as const,
      valueSet,
    })),
    { resourceType: 'Observation' },
  ],
};
