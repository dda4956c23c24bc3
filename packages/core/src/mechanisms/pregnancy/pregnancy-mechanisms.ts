import type { Fact } from '../../facts/fact';
import type { Mechanism, MechanismRequirement } from '../mechanism';
import {
  assessPregnancy,
  PREGNANCY_ASSESSMENT,
  type PregnancyAssessment,
} from './assess-pregnancy';
import { checkPregnancyParams, readPregnancyParams } from './pregnancy-params';

function needs(params: Readonly<Record<string, unknown>>): MechanismRequirement[] {
  const of = (resourceType: 'Condition' | 'Observation', key: string): MechanismRequirement =>
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
export const pregnancyCurrent: Mechanism = {
  compute: (params, ctx): Fact => {
    const a = assessPregnancy(readPregnancyParams(params, 'pregnancy.current'), ctx);
    return {
      value: a.pregnant,
      evidence: a.evidence,
      ...(a.ignored.length > 0 ? { ignored: a.ignored } : {}),
    };
  },
  requires: (params) => needs(params),
  checkParams: (params) => checkPregnancyParams(params),
};

/**
 * `pregnancy.gestationalWeeks`: the highest current estimate (weeks) of the assessment that the fact
 * named in `assessmentFact` makes (it is read first, so the evaluation's one assessment is reused).
 */
export const pregnancyGestationalWeeks: Mechanism = {
  compute: (params, ctx): Fact => {
    const name = params['assessmentFact'];
    if (typeof name !== 'string' || ctx.memo === undefined) {
      return { value: null, unit: 'wk' };
    }
    ctx.fact(name);
    const a = ctx.memo<PregnancyAssessment | null>(PREGNANCY_ASSESSMENT, () => null);
    return a === null || a.weeks === null
      ? { value: null, unit: 'wk' }
      : { value: a.weeks, unit: 'wk', evidence: a.weeksEvidence };
  },
  requires: () => [],
  checkParams: (params) =>
    typeof params['assessmentFact'] === 'string'
      ? []
      : [
          {
            severity: 'error',
            code: 'SOLEUS_FACT_PARAMETER',
            message: 'params.assessmentFact: expected the name of the pregnancy assessment fact',
            location: { pointer: '/source/params/assessmentFact' },
          },
        ],
};
