import { normaliseQuantity, type QuantityInput } from './normalise-quantity';

const UCUM = 'http://unitsofmeasure.org';

describe('normaliseQuantity', () => {
  // [analyte, quantity, value, canonical unit, annotations]
  it.each<[string, QuantityInput, number, string, string[]]>([
    ['magnesium', { value: 1.7, code: 'mg/dL', system: UCUM }, 0.7, 'mmol/L', []],
    ['magnesium', { value: 1.4, unit: 'mEq/L' }, 0.7, 'mmol/L', []],
    ['magnesium', { value: 0.7, unit: 'mmol/L', code: 'mmol/L' }, 0.7, 'mmol/L', []],
    ['calcium', { value: 10.42, unit: 'mg/dl' }, 2.6, 'mmol/L', []],
    ['calciumIonized', { value: 4.008, code: 'mg/dL', system: UCUM }, 1, 'mmol/L', []],
    ['potassium', { value: 3.5, unit: 'mEq/L', code: 'meq/L', system: UCUM }, 3.5, 'mmol/L', []],
    ['sodium', { value: 140, unit: 'mmol/l' }, 140, 'mmol/L', []],
    ['albumin', { value: 3.5, code: 'g/dL' }, 35, 'g/L', []],
    ['creatinine', { value: 88.4, unit: 'µmol/L' }, 1, 'mg/dL', []],
    ['dDimer', { value: 0.5, code: 'mg/L{FEU}', system: UCUM }, 500, 'ug/L', ['FEU']],
    ['dDimer', { value: 0.5, code: 'mg/L', unit: 'mg/L FEU', system: UCUM }, 500, 'ug/L', ['FEU']],
    ['dDimer', { value: 0.5, code: 'mg/L{FEU}', unit: 'mg/L FEU' }, 500, 'ug/L', ['FEU']],
    ['dDimer', { value: 250, unit: 'ng/mL DDU' }, 250, 'ug/L', ['DDU']],
    ['dDimer', { value: 250, unit: 'μg/L' }, 250, 'ug/L', []],
    ['egfr', { value: 59, unit: 'mL/min/1.73m2' }, 59, 'mL/min/{1.73_m2}', ['1.73_m2']],
    ['crcl', { value: 45, code: 'mL/min' }, 45, 'mL/min', []],
    ['weight', { value: 110.23, unit: 'lbs' }, 50, 'kg', []],
    ['weight', { value: 110.23, code: '[lb_av]', unit: 'pounds', system: UCUM }, 50, 'kg', []],
    // A non-UCUM system makes the code meaningless here: the unit text decides.
    ['weight', { value: 70, code: 'KGM', system: 'urn:local:units', unit: 'kg' }, 70, 'kg', []],
  ])('%s %j → %p %s', (analyte, quantity, value, unit, annotations) => {
    const result = normaliseQuantity(quantity, analyte);
    expect(result).toMatchObject({ ok: true, unit, annotations });
    expect(result.ok && Math.abs(result.value - value)).toBeLessThan(0.005);
  });

  it.each<[QuantityInput['comparator'], string]>([
    ['<', '<'],
    ['<=', '<='],
    ['>=', '>='],
    ['>', '>'],
  ])('keeps comparator %p', (comparator, expected) => {
    const result = normaliseQuantity({ value: 0.2, unit: 'mg/L FEU', comparator }, 'dDimer');
    expect(result).toEqual({
      ok: true,
      value: 200,
      unit: 'ug/L',
      comparator: expected,
      annotations: ['FEU'],
    });
  });

  it('omits the comparator when the quantity has none', () => {
    expect(normaliseQuantity({ value: 3.5, unit: 'mmol/L' }, 'potassium')).toEqual({
      ok: true,
      value: 3.5,
      unit: 'mmol/L',
      annotations: [],
    });
  });

  // [analyte, quantity, reason fragment] — uninterpretable, never a guess.
  it.each<[string, QuantityInput, string]>([
    ['dDimer', { value: 500, unit: 'U/L' }, 'cannot convert "U/L"'],
    ['dDimer', { value: 500, code: '{index}' }, 'cannot convert "{index}"'],
    ['dDimer', { value: 500 }, 'unit missing'],
    ['dDimer', { value: 500, unit: '' }, 'unit missing'],
    ['dDimer', { value: 500, code: 'mg', system: UCUM }, 'cannot convert "mg"'],
    ['dDimer', { value: 500, code: 'x', system: 'urn:local:units' }, 'unit missing'],
    ['potassium', { value: 3.5, unit: 'mg/dL' }, 'cannot convert'],
    ['potassium', { unit: 'mmol/L' }, 'value missing'],
    ['potassium', { value: Number.NaN, unit: 'mmol/L' }, 'value missing'],
    ['potassium', { value: 3.5, unit: 'mmol/L', comparator: 'ad' }, 'comparator "ad"'],
    ['phosphate', { value: 1, unit: 'mmol/L' }, 'unknown analyte "phosphate"'],
    // The code decides when present: a wrong UCUM code is not rescued by a plausible unit text.
    ['magnesium', { value: 1.7, code: 'U/L', unit: 'mg/dL', system: UCUM }, 'cannot convert "U/L"'],
  ])('%s %j is uninterpretable (%s)', (analyte, quantity, reason) => {
    const result = normaliseQuantity(quantity, analyte);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain(reason);
  });
});
