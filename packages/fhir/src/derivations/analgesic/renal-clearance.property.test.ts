/**
 * Properties (issue 20): Cockcroft-Gault creatinine clearance with the shipped analgesic pack constants
 * falls with age, rises with weight and falls with serum creatinine — for any adult in range, either sex
 * and sex unknown — so no input change can move the gabapentinoid dose bands the wrong way. Seeded.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { fakeFactContext } from '../../../test/support/fake-fact-context';
import { renalClearance } from './renal-clearance';

const SEED = 20261203;
const PACK_FILE = join(
  __dirname,
  '..',
  '..',
  '..',
  '..',
  'core',
  'rules',
  'analgesic',
  'pack.json',
);
const packs = {
  analgesic: (JSON.parse(readFileSync(PACK_FILE, 'utf8')) as { parameters: unknown }).parameters,
};
const params = {
  pack: 'analgesic',
  ageFact: 'age',
  sexFact: 'sex',
  weightFact: 'weight',
  creatinineFact: 'scr',
  reportedFact: 'reported',
  egfrFact: 'egfr',
};

interface Patient {
  readonly age: number;
  readonly weight: number;
  readonly scr: number;
  readonly sex?: string;
}

function crcl(p: Patient): number {
  const value = renalClearance.compute(params, fakeFactContext({ ...p }, packs)).value;
  if (typeof value !== 'number') {
    throw new Error(`no clearance for ${JSON.stringify(p)}`);
  }
  return value;
}

// Adults 18–110 years, 30–250 kg, creatinine 0.2–15 mg/dL (weights and creatinine on a 0.1 / 0.01 grid).
const age = fc.integer({ min: 18, max: 110 });
const weight = fc.integer({ min: 300, max: 2500 }).map((n) => n / 10);
const scr = fc.integer({ min: 20, max: 1500 }).map((n) => n / 100);
const sex = fc.constantFrom<string | undefined>('male', 'female', undefined);
const distinctPair = <T>(arb: fc.Arbitrary<T>) =>
  fc.tuple(arb, arb).filter(([a, b]) => a !== b) as fc.Arbitrary<[T, T]>;

describe('Cockcroft-Gault is monotone in each input', () => {
  it('falls as age rises', () => {
    fc.assert(
      fc.property(distinctPair(age), weight, scr, sex, ([a1, a2], w, s, x) => {
        const [young, old] = a1 < a2 ? [a1, a2] : [a2, a1];
        expect(crcl({ age: young, weight: w, scr: s, sex: x })).toBeGreaterThan(
          crcl({ age: old, weight: w, scr: s, sex: x }),
        );
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('rises as weight rises', () => {
    fc.assert(
      fc.property(age, distinctPair(weight), scr, sex, (a, [w1, w2], s, x) => {
        const [light, heavy] = w1 < w2 ? [w1, w2] : [w2, w1];
        expect(crcl({ age: a, weight: heavy, scr: s, sex: x })).toBeGreaterThan(
          crcl({ age: a, weight: light, scr: s, sex: x }),
        );
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('falls as serum creatinine rises', () => {
    fc.assert(
      fc.property(age, weight, distinctPair(scr), sex, (a, w, [s1, s2], x) => {
        const [low, high] = s1 < s2 ? [s1, s2] : [s2, s1];
        expect(crcl({ age: a, weight: w, scr: low, sex: x })).toBeGreaterThan(
          crcl({ age: a, weight: w, scr: high, sex: x }),
        );
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('is never higher for a woman (or sex not recorded) than for a man with the same values', () => {
    fc.assert(
      fc.property(age, weight, scr, fc.constantFrom('female', undefined), (a, w, s, x) => {
        expect(crcl({ age: a, weight: w, scr: s, sex: x })).toBeLessThan(
          crcl({ age: a, weight: w, scr: s, sex: 'male' }),
        );
      }),
      { seed: SEED, numRuns: 100 },
    );
  });
});
