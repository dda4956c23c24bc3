import type { Fact, FactEvidence } from '@soleus/core';
import { observationEffectiveTime } from '../../fhir/observation-effective-time';
import { parseFhirDate } from '../../fhir/parse-fhir-date';
import { observationCounts } from '../../fhir/resource-status';
import type { Derivation } from '../../facts/derivations';
import type { FactContext } from '../../facts/fact-context';
import { resourceRef } from '../../facts/resource-ref';
import { windowStart } from '../../facts/window';
import { dvtParam } from './dvt-params';
import { dvtObservationNeeds } from './dvt-data-needs';

/**
 * Pregnancy as a D-dimer modifier (clinical-spec §A.5): a current pregnancy Condition (the catalogue
 * fact named by param `conditionFact`), the latest counting Pregnancy-status Observation within the pack's
 * status window (a pregnancy lasts at most ~42 weeks) coded pregnant,
 * or a positive hCG within the pack's hCG window. No evidence means "not documented" (false): D-dimer is
 * then read normally, which is the documented limitation of a record-based check.
 * @param params - `{ conditionFact }`
 * @param ctx - the fact context
 * @returns a boolean fact with its evidence
 */
function computePregnant(params: Readonly<Record<string, unknown>>, ctx: FactContext): Fact {
  const evidence: FactEvidence[] = [];
  const condition =
    typeof params['conditionFact'] === 'string' ? ctx.fact(params['conditionFact']) : null;
  if (condition?.value === true) {
    evidence.push(...(condition.evidence ?? []));
  }
  const statusFrom = windowStart(ctx.nowMs, dvtParam(ctx, 'pregnancy.statusWindow', 'string'));
  const latestStatus = latestCounting(
    ctx,
    dvtParam(ctx, 'pregnancy.statusValueSet', 'string'),
    statusFrom,
  );
  if (
    latestStatus &&
    ctx.index.conceptIn(
      dvtParam(ctx, 'pregnancy.pregnantValueSet', 'string'),
      latestStatus.valueCodeableConcept,
    )
  ) {
    evidence.push({ resource: resourceRef(latestStatus), note: 'pregnancy status: pregnant' });
  }
  const hcgFrom = windowStart(ctx.nowMs, dvtParam(ctx, 'pregnancy.hcgWindow', 'string'));
  const hcg = latestCounting(ctx, dvtParam(ctx, 'pregnancy.hcgValueSet', 'string'), hcgFrom);
  if (
    hcg &&
    ctx.index.conceptIn(dvtParam(ctx, 'positiveResultValueSet', 'string'), hcg.valueCodeableConcept)
  ) {
    evidence.push({ resource: resourceRef(hcg), note: 'positive hCG' });
  }
  return { value: evidence.length > 0, evidence };
}

function latestCounting(ctx: FactContext, valueSet: string, fromMs: number) {
  let best: { obs: (typeof candidates)[number]; atMs: number } | null = null;
  const candidates = ctx.index.withCodeIn('Observation', valueSet);
  for (const obs of candidates) {
    const at = parseFhirDate(observationEffectiveTime(obs));
    if (
      !observationCounts(obs).counts ||
      !at ||
      at.precision === 'year' ||
      at.precision === 'month'
    ) {
      continue;
    }
    if (at.epochMs >= fromMs && at.epochMs <= ctx.nowMs && (!best || at.epochMs > best.atMs)) {
      best = { obs, atMs: at.epochMs };
    }
  }
  return best?.obs;
}

/** `dvt.pregnant`: pregnancy documented by condition, pregnancy status or recent positive hCG. */
export const pregnancyStatus: Derivation = {
  compute: computePregnant,
  requires: (_params, pack) => [{ resourceType: 'Condition' }, ...dvtObservationNeeds(pack)],
};
