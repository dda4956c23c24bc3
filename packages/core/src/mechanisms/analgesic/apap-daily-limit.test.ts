import { fakeMechanismContext as fakeFactContext } from '../../../test/support/fake-mechanism-context';
import { apapDailyLimit } from './apap-daily-limit';

const params = { pack: 'analgesic', hepaticRiskFacts: ['cirrhosis', 'aud'], weightFact: 'weight' };
const pack = {
  analgesic: {
    apap: {
      defaultMaxMgPerDay: 4000,
      hepaticRiskMaxMgPerDay: 2000,
      lowWeightKg: 50,
      lowWeightMaxMgPerKgPerDay: 75,
    },
  },
};

describe('apapDailyLimit', () => {
  it.each([
    ['no risk factor, 70 kg → 4 g', { cirrhosis: false, aud: false, weight: 70 }, 4000],
    ['weight unknown does not lower the limit', { cirrhosis: false, aud: false }, 4000],
    ['cirrhosis → 2 g', { cirrhosis: true, aud: false, weight: 70 }, 2000],
    ['alcohol use disorder → 2 g', { cirrhosis: false, aud: true, weight: 70 }, 2000],
    ['exactly 50 kg is not below the cut-off → 4 g', { weight: 50 }, 4000],
    ['45 kg → 75 mg/kg = 3375 mg', { weight: 45 }, 3375],
    ['20 kg with cirrhosis → the lower of 2 g and 1.5 g', { cirrhosis: true, weight: 20 }, 1500],
    ['45 kg with cirrhosis → 2 g is lower than 3375', { cirrhosis: true, weight: 45 }, 2000],
  ])('%s', (_desc, facts, want) => {
    const fact = apapDailyLimit.compute(params, fakeFactContext(facts, pack));
    expect(fact).toMatchObject({ value: want, unit: 'mg/d' });
  });

  it('carries the evidence of the facts that lowered the limit', () => {
    const facts = {
      cirrhosis: { value: true, evidence: [{ resource: 'Condition/cirr-1' }] },
      weight: { value: 45, evidence: [{ resource: 'Observation/wt-1' }] },
    };
    expect(
      apapDailyLimit.compute(params, fakeFactContext(facts, pack)).evidence?.map((e) => e.resource),
    ).toEqual(['Condition/cirr-1', 'Observation/wt-1']);
  });

  it.each([
    [
      'a limit missing from the pack',
      { analgesic: { apap: { defaultMaxMgPerDay: 4000 } } },
      params,
      'analgesic/pack.json#/parameters/apap/hepaticRiskMaxMgPerDay',
    ],
    [
      'hepaticRiskFacts not a list',
      pack,
      { ...params, hepaticRiskFacts: 'cirrhosis' },
      'fact source params.hepaticRiskFacts',
    ],
  ])('reports %s and stays unknown', (_desc, packs, p, path) => {
    const ctx = fakeFactContext({ weight: 70 }, packs);
    expect(apapDailyLimit.compute(p, ctx).value).toBeNull();
    expect(ctx.issues.list()[0]).toMatchObject({
      code: 'SOLEUS_FACT_PARAMETER',
      location: { path },
    });
  });
});
