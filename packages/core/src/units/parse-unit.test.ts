import { parseUnit } from './parse-unit';

describe('parseUnit', () => {
  it.each<[string | undefined, string, string[]]>([
    [undefined, '', []],
    ['', '', []],
    ['  ', '', []],
    ['mmol/L', 'mmol/L', []],
    [' mmol/L ', 'mmol/L', []],
    ['mEq/L', 'meq/L', []],
    ['meq/L', 'meq/L', []],
    ['mg/dl', 'mg/dL', []],
    ['MG/DL', 'mg/dL', []],
    ['µmol/L', 'umol/L', []],
    ['μmol/L', 'umol/L', []],
    ['umol/l', 'umol/L', []],
    ['mmol/l', 'mmol/L', []],
    ['ug/L', 'ug/L', []],
    ['µg/L', 'ug/L', []],
    ['μg/L', 'ug/L', []],
    ['mcg/L', 'ug/L', []],
    ['ng/ml', 'ng/mL', []],
    ['lb', '[lb_av]', []],
    ['lbs', '[lb_av]', []],
    ['[lb_av]', '[lb_av]', []],
    ['ng/mL{FEU}', 'ng/mL', ['FEU']],
    ['ug/mL{FEU}', 'ug/mL', ['FEU']],
    ['µg/mL{DDU}', 'ug/mL', ['DDU']],
    ['mg/L FEU', 'mg/L', ['FEU']],
    ['mg/l feu', 'mg/L', ['FEU']],
    ['ng/mL DDU', 'ng/mL', ['DDU']],
    ['ng/mL (DDU)', 'ng/mL', ['DDU']],
    ['mg/L{FEU} FEU', 'mg/L', ['FEU', 'FEU']],
    ['mg/L XYZ', 'mg/L XYZ', []],
    ['{index}', '1', ['index']],
    ['{cells}/uL', '1/uL', ['cells']],
    ['mL/min/{1.73_m2}', 'mL/min/1', ['1.73_m2']],
    ['mL/min/1.73m2', 'mL/min/1', ['1.73_m2']],
    ['mL/min/1.73 m2', 'mL/min/1', ['1.73_m2']],
    ['mL/min/1.73 m²', 'mL/min/1', ['1.73_m2']],
    ['mL/min/{1.73m2}', 'mL/min/1', ['1.73_m2']],
  ])('%p → ucum %p, annotations %p', (unit, ucum, annotations) => {
    expect(parseUnit(unit)).toEqual({ ucum, annotations });
  });

  it('answers a repeated unit the same, and no caller can change the kept answer', () => {
    const first = parseUnit('ng/mL{FEU}');
    expect(() => (first.annotations as string[]).push('DDU')).toThrow(TypeError);
    expect(parseUnit('ng/mL{FEU}')).toEqual({ ucum: 'ng/mL', annotations: ['FEU'] });
  });

  it('keeps a parsed unit: a repeated unit gets the same frozen answer, not a new parse', () => {
    const first = parseUnit('mmol/L{kept}');
    expect(parseUnit('mmol/L{kept}')).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first.annotations)).toBe(true);
  });

  it('still answers correctly after more distinct units than it keeps', () => {
    for (let i = 0; i < 2_500; i++) {
      expect(parseUnit(`mg/L{x${i}}`)).toEqual({ ucum: 'mg/L', annotations: [`x${i}`] });
    }
    expect(parseUnit('mg/l feu')).toEqual({ ucum: 'mg/L', annotations: ['FEU'] });
  });
});
