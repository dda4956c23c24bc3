import { convertQuantity } from './convert-quantity';

describe('convertQuantity', () => {
  // [analyte, value, from, to, expected] — every clinical-spec §0.2 analyte and spelling variant.
  it.each<[string | undefined, number, string, string, number]>([
    ['sodium', 140, 'mEq/L', 'mmol/L', 140],
    ['sodium', 140, 'meq/L', 'mmol/L', 140],
    ['sodium', 140, 'mmol/l', 'mmol/L', 140],
    ['potassium', 3.5, 'mEq/L', 'mmol/L', 3.5],
    ['potassium', 3.5, 'MEQ/L', 'mmol/L', 3.5],
    ['potassium', 3.5, 'mmol/L', 'mmol/L', 3.5],
    ['magnesium', 1.7, 'mg/dL', 'mmol/L', 0.7],
    ['magnesium', 1.7, 'mg/dl', 'mmol/L', 0.7],
    ['magnesium', 1.4, 'mEq/L', 'mmol/L', 0.7],
    ['magnesium', 0.7, 'mmol/L', 'mg/dL', 1.7],
    ['magnesium', 0.7, 'mmol/L', 'meq/L', 1.4],
    ['calcium', 10.42, 'mg/dL', 'mmol/L', 2.6],
    ['calcium', 2.6, 'mmol/L', 'mg/dL', 10.42],
    ['calcium', 5.2, 'mEq/L', 'mmol/L', 2.6],
    ['calciumIonized', 4.008, 'mg/dL', 'mmol/L', 1],
    ['albumin', 4, 'g/dL', 'g/L', 40],
    ['albumin', 4, 'g/dl', 'g/L', 40],
    ['creatinine', 88.4, 'umol/L', 'mg/dL', 1],
    ['creatinine', 88.4, 'µmol/L', 'mg/dL', 1],
    ['creatinine', 88.4, 'μmol/L', 'mg/dL', 1],
    ['creatinine', 1, 'mg/dL', 'umol/L', 88.4],
    ['dDimer', 500, 'ng/mL', 'ug/L', 500],
    ['dDimer', 500, 'ng/ml', 'ug/L', 500],
    ['dDimer', 500, 'ug/L', 'ug/L', 500],
    ['dDimer', 500, 'µg/L', 'ug/L', 500],
    ['dDimer', 500, 'μg/L', 'ug/L', 500],
    ['dDimer', 0.5, 'ug/mL', 'ug/L', 500],
    ['dDimer', 0.5, 'mg/L', 'ug/L', 500],
    ['dDimer', 0.5, 'mg/L{FEU}', 'ug/L', 500],
    ['dDimer', 0.5, 'mg/L FEU', 'ug/L', 500],
    ['dDimer', 250, 'ng/mL DDU', 'ug/L', 250],
    ['dDimer', 250, 'ng/mL{DDU}', 'ug/L', 250],
    ['dDimer', 0.25, 'ug/mL (DDU)', 'ug/L', 250],
    ['egfr', 60, 'mL/min/{1.73_m2}', 'mL/min/{1.73_m2}', 60],
    ['egfr', 60, 'mL/min/1.73m2', 'mL/min/{1.73_m2}', 60],
    ['egfr', 60, 'mL/min/1.73 m2', 'mL/min/{1.73_m2}', 60],
    ['egfr', 60, 'mL/min/1.73m²', 'mL/min/{1.73_m2}', 60],
    ['egfr', 60, 'ml/min/1.73m2', 'mL/min/{1.73_m2}', 60],
    ['crcl', 45, 'mL/min', 'mL/min', 45],
    ['crcl', 45, 'ml/min', 'mL/min', 45],
    ['weight', 110.23, '[lb_av]', 'kg', 50],
    ['weight', 110.23, 'lb', 'kg', 50],
    ['weight', 110.23, 'lbs', 'kg', 50],
    ['weight', 70, 'kg', 'kg', 70],
    ['weight', 70000, 'g', 'kg', 70],
    ['bodyTemperature', 100.4, '[degF]', 'Cel', 38],
    ['bodyTemperature', 100.4, '°F', 'Cel', 38],
    ['bodyTemperature', 38, '°C', 'Cel', 38],
    ['bodyTemperature', 38, 'Cel', 'Cel', 38],
    ['gestationalAge', 140, 'd', 'wk', 20],
    ['gestationalAge', 20, 'weeks', 'wk', 20],
    [undefined, 1, 'g/dL', 'g/L', 10],
  ])('%s: %p %s → %s ≈ %p', (analyte, value, from, to, expected) => {
    const result = convertQuantity(value, from, to, analyte);
    expect(result).toMatchObject({ ok: true, unit: to });
    expect(result.ok && Math.abs(result.value - expected)).toBeLessThan(0.005);
  });

  it('drops binary noise so boundary values compare exactly', () => {
    expect(convertQuantity(3.5, 'mEq/L', 'mmol/L', 'potassium')).toEqual({
      ok: true,
      value: 3.5,
      unit: 'mmol/L',
    });
    expect(convertQuantity(60, 'mL/min/1.73m2', 'mL/min/{1.73_m2}', 'egfr')).toMatchObject({
      value: 60,
    });
  });

  // [analyte, value, from, to, reason fragment] — never a guess.
  it.each<[string | undefined, number, string, string, string]>([
    ['dDimer', 500, 'U/L', 'ug/L', 'cannot convert "U/L"'],
    ['dDimer', 500, '{index}', 'ug/L', 'cannot convert "{index}"'],
    ['dDimer', 500, '', 'ug/L', 'unit missing'],
    ['dDimer', 500, '   ', 'ug/L', 'unit missing'],
    ['dDimer', 500, 'mg', 'ug/L', 'cannot convert "mg"'],
    ['dDimer', 500, 'nmol/L', 'ug/L', 'cannot convert'],
    ['dDimer', 500, 'mg/L XYZ', 'ug/L', 'cannot convert'],
    ['sodium', 3200, 'mg/L', 'mmol/L', 'cannot convert'],
    ['albumin', 600, 'umol/L', 'g/L', 'cannot convert'],
    [undefined, 1.7, 'mg/dL', 'mmol/L', 'cannot convert'],
    [undefined, 1.4, 'mEq/L', 'mmol/L', 'cannot convert'],
    ['creatinine', 1, 'mg/dL', '', 'unit missing'],
    ['weight', 50, 'stone', 'kg', 'cannot convert'],
    ['bodyTemperature', 38, 'C', 'Cel', 'cannot convert'],
    ['gestationalAge', 20, 'kg', 'wk', 'cannot convert'],
    ['weight', 50, 'Gauss', 'G', 'would need a guess'],
    ['notAnAnalyte', 1, 'mg/dL', 'mg/dL', 'unknown analyte "notAnAnalyte"'],
    ['weight', Number.NaN, 'kg', 'kg', 'not a finite number'],
    ['weight', Number.POSITIVE_INFINITY, 'kg', 'kg', 'not a finite number'],
  ])('%s: %p %s → %s is refused (%s)', (analyte, value, from, to, reason) => {
    const result = convertQuantity(value, from, to, analyte);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain(reason);
  });
});
