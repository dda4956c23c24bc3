/**
 * Property (issue 20): the D-dimer verdict is monotone in the value — for the same patient, assay and
 * day, a higher result is never "negative" where a lower one is "positive". Holds for FEU and DDU
 * assays, every age (so across the age-adjusted cutoff), with values drawn densely around the cutoffs.
 * Evaluated through the real fact pipeline (bundleToFacts with the shipped content). Seeded and bounded.
 */
import fc from 'fast-check';
import { ALL_ABSENT, calfPain, ddimer, evaluateFacts, wells } from './support/dvt-record';

const SEED = 20261203;
const FEU = { code: '48065-7', unit: 'ng/mL{FEU}' };
const DDU = { code: '48066-5', unit: 'ng/mL{DDU}' };

function verdict(value: number, assay: typeof FEU, birthDate: string): unknown {
  const { fact } = evaluateFacts(
    [calfPain(), wells(ALL_ABSENT), ddimer(value, assay.unit, {}, assay.code)],
    birthDate,
  );
  return fact('dvt.ddimerResult')?.value;
}

// Values near the cutoffs (DDU 250, FEU 500, age-adjusted FEU up to ~1000 µg/L) and anywhere up to 5000.
const value = fc.oneof(
  fc.integer({ min: 200, max: 1100 }),
  fc.integer({ min: 1, max: 5000 }),
  fc.integer({ min: 2000, max: 110_000 }).map((n) => n / 100),
);
// Born 1920–2005: aged about 21–106 on the vignette date (2026-11-22), so under and over 50.
const birthDate = fc
  .record({ year: fc.integer({ min: 1920, max: 2005 }), day: fc.integer({ min: 1, max: 28 }) })
  .map(({ year, day }) => `${year}-06-${String(day).padStart(2, '0')}`);

describe('D-dimer verdict is monotone in the value', () => {
  it.each([
    ['FEU', FEU],
    ['DDU', DDU],
  ])('%s: a higher value is never negative where a lower one is positive', (_name, assay) => {
    fc.assert(
      fc.property(value, value, birthDate, (a, b, born) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const lowVerdict = verdict(low, assay, born);
        const highVerdict = verdict(high, assay, born);
        expect([lowVerdict, highVerdict].every((v) => v === 'negative' || v === 'positive')).toBe(
          true,
        );
        expect(lowVerdict === 'positive' && highVerdict === 'negative').toBe(false);
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it('has both verdicts in the drawn range (the property is not vacuous)', () => {
    expect(verdict(499, FEU, '1990-01-01')).toBe('negative');
    expect(verdict(500, FEU, '1990-01-01')).toBe('positive');
    expect(verdict(249, DDU, '1990-01-01')).toBe('negative');
    expect(verdict(250, DDU, '1990-01-01')).toBe('positive');
  });
});
