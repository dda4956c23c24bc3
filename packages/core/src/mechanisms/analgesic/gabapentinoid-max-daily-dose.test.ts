import { fakeMechanismContext as fakeFactContext } from '../../../test/support/fake-mechanism-context';
import { bandFor, gabapentinoidMaxDailyDose } from './gabapentinoid-max-daily-dose';

// The shipped US-label bands (analgesic/pack.json), repeated here so a content edit is a visible test change.
const bands = {
  gabapentin: [
    { minCrcl: 60, maxMgPerDay: 3600 },
    { minCrcl: 30, maxMgPerDay: 1400 },
    { minCrcl: 15, maxMgPerDay: 700 },
    { minCrcl: 0, maxMgPerDay: 300 },
  ],
  pregabalin: [
    { minCrcl: 0, maxMgPerDay: 75 },
    { minCrcl: 15, maxMgPerDay: 150 },
    { minCrcl: 30, maxMgPerDay: 300 },
    { minCrcl: 60, maxMgPerDay: 600 },
  ],
};
const pack = { analgesic: { gabapentinoidBands: bands } };

describe('gabapentinoidMaxDailyDose', () => {
  it.each([
    ['gabapentin', 90, 3600],
    ['gabapentin', 60, 3600],
    ['gabapentin', 59.9, 1400],
    ['gabapentin', 30, 1400],
    ['gabapentin', 29.9, 700],
    ['gabapentin', 15, 700],
    ['gabapentin', 14.9, 300],
    ['gabapentin', 0, 300],
    ['pregabalin', 60, 600],
    ['pregabalin', 59, 300],
    ['pregabalin', 30, 300],
    ['pregabalin', 29, 150],
    ['pregabalin', 15, 150],
    ['pregabalin', 14, 75],
  ])(
    '%s at CrCl %d mL/min → %d mg/day (edges go to the higher-function band)',
    (drug, crcl, want) => {
      const fact = gabapentinoidMaxDailyDose.compute(
        { pack: 'analgesic', drug, crclFact: 'crcl' },
        fakeFactContext({ crcl }, pack),
      );
      expect(fact).toMatchObject({ value: want, unit: 'mg/d' });
    },
  );

  it('is unknown when CrCl is unknown', () => {
    const fact = gabapentinoidMaxDailyDose.compute(
      { pack: 'analgesic', drug: 'gabapentin', crclFact: 'crcl' },
      fakeFactContext({}, pack),
    );
    expect(fact.value).toBeNull();
  });

  it('uses the lowest band below every minimum (a negative Cockcroft-Gault result)', () => {
    expect(bandFor(bands.gabapentin, -5)).toEqual({ minCrcl: 0, maxMgPerDay: 300 });
  });

  it.each([
    ['a drug without bands', 'duloxetine', pack],
    [
      'malformed bands',
      'gabapentin',
      { analgesic: { gabapentinoidBands: { gabapentin: [{ minCrcl: '60' }] } } },
    ],
    [
      'bands that leave CrCl below the lowest minimum uncovered',
      'gabapentin',
      {
        analgesic: {
          gabapentinoidBands: {
            gabapentin: [
              { minCrcl: 60, maxMgPerDay: 3600 },
              { minCrcl: 1, maxMgPerDay: 300 },
            ],
          },
        },
      },
    ],
    [
      'bands whose lowest minimum is below 0',
      'gabapentin',
      { analgesic: { gabapentinoidBands: { gabapentin: [{ minCrcl: -1, maxMgPerDay: 300 }] } } },
    ],
  ])('reports %s as SOLEUS_FACT_PARAMETER', (_desc, drug, packs) => {
    const ctx = fakeFactContext({ crcl: 50 }, packs);
    expect(
      gabapentinoidMaxDailyDose.compute({ pack: 'analgesic', drug, crclFact: 'crcl' }, ctx).value,
    ).toBeNull();
    expect(ctx.issues.list()[0]).toMatchObject({
      code: 'SOLEUS_FACT_PARAMETER',
      location: { file: 'analgesic/pack.json', pointer: `/parameters/gabapentinoidBands/${drug}` },
    });
  });
});
