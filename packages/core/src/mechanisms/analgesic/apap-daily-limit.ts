/**
 * The patient's acetaminophen ceiling in mg/day (clinical-spec §C.1): the pack's adult maximum, lowered
 * to the hepatic-risk maximum when any hepatic-risk fact (cirrhosis, alcohol use disorder) is true, and
 * to weight × the per-kg maximum when the known weight is below the low-weight cut-off. The lowest
 * applicable limit wins. An unknown weight never lowers the limit (it cannot be shown to be < 50 kg).
 */
import type { FactEvidence } from '../../facts/fact';
import type { Mechanism } from '../mechanism';
import {
  collectParameterIssues,
  numberFact,
  packNumber,
  reportParameter,
  stringParam,
  type ParameterReader,
} from '../mechanism-inputs';

/** The `apapDailyLimit` mechanism: the acetaminophen mg/day ceiling that applies to this patient. */
export const apapDailyLimit: Mechanism = {
  compute: (params, ctx) => {
    const pack = stringParam(params, 'pack', ctx);
    const weightFact = stringParam(params, 'weightFact', ctx);
    const hepaticFacts = readFactList(params, ctx);
    if (pack === null || weightFact === null || hepaticFacts === null) {
      return { value: null, unit: 'mg/d' };
    }
    const limits = readLimits(ctx, pack);
    if (limits === null) {
      return { value: null, unit: 'mg/d' };
    }
    let value = limits.defaultMax;
    const evidence: FactEvidence[] = [];
    for (const name of hepaticFacts) {
      const fact = ctx.fact(name);
      if (fact.value === true) {
        value = Math.min(value, limits.hepaticMax);
        evidence.push(
          ...(fact.evidence ?? []).map((e) => ({ ...e, note: 'hepatic risk: lower ceiling' })),
        );
      }
    }
    const weight = numberFact(ctx, weightFact);
    if (weight.value !== null && weight.value < limits.lowWeightKg) {
      value = Math.min(value, weight.value * limits.perKgMax);
      evidence.push(
        ...weight.evidence.map((e) => ({ ...e, note: 'weight below the low-weight cut-off' })),
      );
    }
    return { value, unit: 'mg/d', evidence };
  },
  // Reads only catalogue facts named in params (no `requires`): their own sources carry the data
  // requirements, and an unnarrowed requirement here would widen the prefetch to every resource.
  checkParams: (params, pack) =>
    collectParameterIssues(pack, (reader) => {
      const id = stringParam(params, 'pack', reader);
      stringParam(params, 'weightFact', reader);
      readFactList(params, reader);
      if (id !== null) {
        readLimits(reader, id);
      }
    }),
};

interface ApapLimits {
  readonly defaultMax: number;
  readonly hepaticMax: number;
  readonly lowWeightKg: number;
  readonly perKgMax: number;
}

function readLimits(ctx: ParameterReader, pack: string): ApapLimits | null {
  const defaultMax = packNumber(ctx, pack, ['apap', 'defaultMaxMgPerDay']);
  const hepaticMax = packNumber(ctx, pack, ['apap', 'hepaticRiskMaxMgPerDay']);
  const lowWeightKg = packNumber(ctx, pack, ['apap', 'lowWeightKg']);
  const perKgMax = packNumber(ctx, pack, ['apap', 'lowWeightMaxMgPerKgPerDay']);
  if (defaultMax === null || hepaticMax === null || lowWeightKg === null || perKgMax === null) {
    return null;
  }
  return { defaultMax, hepaticMax, lowWeightKg, perKgMax };
}

function readFactList(
  params: Readonly<Record<string, unknown>>,
  ctx: ParameterReader,
): readonly string[] | null {
  const value = params['hepaticRiskFacts'];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
    return value as readonly string[];
  }
  reportParameter(ctx, 'fact source params.hepaticRiskFacts', 'an array of fact names', value);
  return null;
}
