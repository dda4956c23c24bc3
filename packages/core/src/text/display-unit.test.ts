import { displayReported, displayUnit } from './display-unit';
import { durationWords } from './duration-words';

describe('units as clinicians write them', () => {
  it.each([
    ['mL/min/{1.73_m2}', 'mL/min/1.73 m²'],
    ['mg/d', 'mg/day'],
    ['ug/L', 'µg/L'],
    ['umol/L', 'µmol/L'],
    ['ng/mL{FEU}', 'ng/mL FEU'],
    ['mg/{actuat}', 'mg/actuat'],
    ['Cel', '°C'],
    ['[degF]', '°F'],
    ['[lb_av]', 'lb'],
    ['a', 'years'],
    ['wk', 'weeks'],
    ['10*9/L', '×10⁹/L'],
    ['mmol/L', 'mmol/L'],
    ['mL/min', 'mL/min'],
    ['%', '%'],
  ])('%s → %s', (ucum, want) => {
    expect(displayUnit(ucum)).toBe(want);
  });

  it('answers the same for a unit asked again, also past the bound of the kept units', () => {
    const asked = Array.from({ length: 1200 }, (_v, i) => `ug/{x_${i}}`);
    const first = asked.map((unit) => displayUnit(unit));
    expect(first[7]).toBe('µg/x 7');
    expect(asked.map((unit) => displayUnit(unit))).toEqual(first);
    expect(displayUnit('mL/min/{1.73_m2}')).toBe('mL/min/1.73 m²');
    expect(displayUnit('ug/{x_7}')).toBe('µg/x 7');
  });

  it('rewrites the unit of a reported value only', () => {
    expect(displayReported('499 ng/mL{FEU}')).toBe('499 ng/mL FEU');
    expect(displayReported('<200 ug/L')).toBe('<200 µg/L');
    expect(displayReported('positive')).toBe('positive');
  });

  it.each([
    ['P30D', '30 days'],
    ['P12M', '12 months'],
    ['PT48H', '48 hours'],
    ['P1Y', '1 year'],
    ['nonsense', 'nonsense'],
  ])('duration %s → %s', (iso, want) => {
    expect(durationWords(iso)).toBe(want);
  });
});
