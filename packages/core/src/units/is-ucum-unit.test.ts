import { isUcumUnit } from './is-ucum-unit';

describe('isUcumUnit', () => {
  it.each<[string, boolean]>([
    ['mmol/L', true],
    ['mg/dL', true],
    ['meq/L', true],
    ['ug/L', true],
    ['ng/mL{FEU}', true],
    ['mL/min/{1.73_m2}', true],
    ['[lb_av]', true],
    ['kg', true],
    ['{index}', true],
    ['mEq/L', false],
    ['µg/L', false],
    ['lbs', false],
    ['Gauss', false],
    ['mL/min/1.73m2', false],
    ['mg/L FEU', false],
    ['', false],
    [' mg/dL', false],
  ])('%p → %p', (unit, expected) => {
    expect(isUcumUnit(unit)).toBe(expected);
  });
});
