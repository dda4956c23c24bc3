import { fakeMechanismContext as fakeFactContext } from '../../../test/support/fake-mechanism-context';
import { correctedCalcium } from './corrected-calcium';

const params = { pack: 'cramp', calciumFact: 'ca', albuminFact: 'alb' };
const pack = {
  cramp: { correctedCalcium: { referenceAlbuminGPerL: 40, coefficientMmolPerLPerGPerL: 0.02 } },
};

describe('correctedCalcium', () => {
  it.each([
    ['albumin 40 g/L → no correction', { ca: 2.3, alb: 40 }, 2.3],
    ['albumin 30 g/L → +0.20 mmol/L', { ca: 1.95, alb: 30 }, 2.15],
    ['albumin 25 g/L turns a low total into a normal corrected value', { ca: 1.9, alb: 25 }, 2.2],
    ['albumin 50 g/L → −0.20 mmol/L', { ca: 2.8, alb: 50 }, 2.6],
  ])('%s', (_desc, facts, want) => {
    const fact = correctedCalcium.compute(params, fakeFactContext(facts, pack));
    expect(fact.unit).toBe('mmol/L');
    expect(fact.value).toBeCloseTo(want, 9);
  });

  it.each([
    ['calcium unknown', { alb: 30 }],
    ['albumin unknown', { ca: 2.0 }],
  ])('is unknown when %s (never a guess)', (_desc, facts) => {
    expect(correctedCalcium.compute(params, fakeFactContext(facts, pack)).value).toBeNull();
  });

  it('carries the evidence of both results', () => {
    const facts = {
      ca: { value: 2.0, evidence: [{ resource: 'Observation/ca-1' }] },
      alb: { value: 30, evidence: [{ resource: 'Observation/alb-1' }] },
    };
    expect(correctedCalcium.compute(params, fakeFactContext(facts, pack)).evidence).toEqual([
      { resource: 'Observation/ca-1' },
      { resource: 'Observation/alb-1' },
    ]);
  });

  it('reports a missing coefficient and stays unknown', () => {
    const ctx = fakeFactContext(
      { ca: 2.0, alb: 30 },
      { cramp: { correctedCalcium: { referenceAlbuminGPerL: 40 } } },
    );
    expect(correctedCalcium.compute(params, ctx).value).toBeNull();
    expect(ctx.issues.list()).toEqual([
      expect.objectContaining({
        code: 'SOLEUS_FACT_PARAMETER',
        location: expect.objectContaining({
          file: 'cramp/pack.json',
          pointer: '/parameters/correctedCalcium/coefficientMmolPerLPerGPerL',
        }),
      }),
    ]);
  });
});
