/**
 * Property (issue 20): every unit conversion the analyte table allows round-trips — converting a value
 * to another unit and back gives the value again (to the 12 significant digits the converter keeps), for
 * any positive value, not only the table's examples. Seeded and bounded.
 */
import fc from 'fast-check';
import { convertQuantity } from './convert-quantity';

const SEED = 20261203;

// [analyte, unit, other unit]: the conversions clinical-spec §0.2 relies on, in both directions.
const PAIRS: readonly [string | undefined, string, string][] = [
  ['sodium', 'mEq/L', 'mmol/L'],
  ['potassium', 'mEq/L', 'mmol/L'],
  ['magnesium', 'mg/dL', 'mmol/L'],
  ['magnesium', 'mEq/L', 'mmol/L'],
  ['magnesium', 'mg/dL', 'mEq/L'],
  ['calcium', 'mg/dL', 'mmol/L'],
  ['calcium', 'mEq/L', 'mg/dL'],
  ['calciumIonized', 'mg/dL', 'mmol/L'],
  ['albumin', 'g/dL', 'g/L'],
  ['creatinine', 'umol/L', 'mg/dL'],
  ['dDimer', 'ng/mL', 'ug/L'],
  ['dDimer', 'ug/mL', 'ug/L'],
  ['dDimer', 'mg/L', 'ng/mL'],
  ['weight', '[lb_av]', 'kg'],
  ['bodyTemperature', '[degF]', 'Cel'],
];

const value = (from: number, from_: string, to: string, analyte: string | undefined): number => {
  const r = convertQuantity(from, from_, to, analyte);
  if (!r.ok) {
    throw new Error(`${from} ${from_} → ${to} (${analyte ?? 'no analyte'}): ${r.reason}`);
  }
  return r.value;
};

describe('unit conversions round-trip', () => {
  it.each(PAIRS)('%s: %s → %s → back gives the value again', (analyte, a, b) => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 100_000, noNaN: true }), (x) => {
        const there = value(x, a, b, analyte);
        const back = value(there, b, a, analyte);
        // Each step keeps 12 significant digits of its result; an affine step (°F → °C) can make the
        // intermediate larger than the value, so the bound scales with the larger of the two.
        expect(Math.abs(back - x)).toBeLessThanOrEqual(
          Math.max(Math.abs(x), Math.abs(there)) * 1e-10,
        );
      }),
      { seed: SEED, numRuns: 200 },
    );
  });

  it.each(PAIRS)('%s: %s → %s preserves order (a larger value stays larger)', (analyte, a, b) => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.001, max: 100_000, noNaN: true }),
        fc.double({ min: 0.001, max: 100_000, noNaN: true }),
        (x, y) => {
          fc.pre(Math.abs(x - y) > Math.max(x, y) * 1e-9);
          expect(value(x, a, b, analyte) < value(y, a, b, analyte)).toBe(x < y);
        },
      ),
      { seed: SEED, numRuns: 100 },
    );
  });
});
