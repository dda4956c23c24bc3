import type { Fact } from '@soleus/core';
import type { DataRequirement } from '../../facts/data-requirement';
import type { Derivation } from '../../facts/derivations';
import type { FactContext } from '../../facts/fact-context';
import { assessPregnancy } from './assess-pregnancy';
import { readPregnancyParams, type PregnancyParams } from './pregnancy-params';

/** The params of the fact that holds the assessment's parameters (by name, from the catalogue). */
function assessmentParams(ctx: FactContext, name: unknown): PregnancyParams {
  const fact = typeof name === 'string' ? name : '';
  const source = ctx.ruleSet.facts.get(fact)?.source as
    { params?: Record<string, unknown> } | undefined;
  return readPregnancyParams(source?.params ?? {}, fact || '(assessmentFact missing)');
}

function needs(params: Readonly<Record<string, unknown>>): DataRequirement[] {
  const of = (resourceType: 'Condition' | 'Observation', key: string): DataRequirement =>
    typeof params[key] === 'string' ? { resourceType, valueSet: params[key] } : { resourceType };
  return [
    of('Condition', 'conditionValueSet'),
    of('Condition', 'weeksValueSet'),
    of('Observation', 'gestationalAgeValueSet'),
    of('Observation', 'statusValueSet'),
    of('Observation', 'hcgValueSet'),
  ];
}

/** `pregnancy.current`: documented (true), not documented (false) or unknown (null), with evidence. */
const current: Derivation = {
  compute: (params, ctx): Fact => {
    const a = assessPregnancy(readPregnancyParams(params, 'pregnancy.current'), ctx);
    return {
      value: a.pregnant,
      evidence: a.evidence,
      ...(a.ignored.length > 0 ? { ignored: a.ignored } : {}),
    };
  },
  requires: (params) => needs(params),
};

/** `pregnancy.gestationalWeeks`: the highest current estimate (weeks), read by the assessment named in `assessmentFact`. */
const gestationalWeeks: Derivation = {
  compute: (params, ctx): Fact => {
    const a = assessPregnancy(assessmentParams(ctx, params['assessmentFact']), ctx);
    return a.weeks === null
      ? { value: null, unit: 'wk' }
      : { value: a.weeks, unit: 'wk', evidence: a.weeksEvidence };
  },
  requires: () => [],
};

/** The pregnancy derivations by the name shared.facts.json sources give. */
export const PREGNANCY_DERIVATIONS: ReadonlyArray<readonly [string, Derivation]> = [
  ['pregnancy.current', current],
  ['pregnancy.gestationalWeeks', gestationalWeeks],
];
