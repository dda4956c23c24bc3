import { calfCircumference, calfPain, evaluateFacts } from './support/dvt-record';

const FACT = 'dvt.calfSwellingMeasured';

function scored(left: number, right: number, unit = 'cm'): unknown {
  const { fact } = evaluateFacts(
    [
      calfPain(),
      calfCircumference('l', 'left', left, unit),
      calfCircumference('r', 'right', right, unit),
    ],
    '1970-06-01',
    [FACT],
  );
  return fact(FACT)?.value;
}

describe('dvt.calfSwellingMeasured: Wells item 6 from a same-day left-right pair (at least 3.0 cm)', () => {
  it('scores an exact 3.0 cm difference even where binary subtraction falls just short', () => {
    // 32.3 − 29.3 is 2.9999999999999964 in floating point; the difference is compared at 0.001 cm.
    expect(32.3 - 29.3).toBeLessThan(3);
    expect(scored(32.3, 29.3)).toBe(true);
    expect(scored(29.3, 32.3)).toBe(true);
    expect(scored(323, 293, 'mm')).toBe(true);
  });

  it('does not score 2.9 cm, even where binary subtraction lands just above 2.9', () => {
    expect(40.2 - 37.3).toBeGreaterThan(2.9);
    expect(scored(40.2, 37.3)).toBe(false);
    expect(scored(32.2, 29.3)).toBe(false);
  });
});
