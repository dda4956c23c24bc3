import type { Observation } from 'fhir/r4';
import { calfPain, evaluateFacts } from './support/dvt-record';

const spo2 = (id: string, value: number | undefined, unit: string | undefined): Observation => ({
  resourceType: 'Observation',
  id,
  status: 'final',
  code: { coding: [{ system: 'http://loinc.org', code: '59408-5' }] },
  subject: { reference: 'Patient/p1' },
  effectiveDateTime: '2026-11-21T10:00:00Z',
  valueQuantity: {
    ...(value === undefined ? {} : { value }),
    ...(unit ? { unit, system: 'http://unitsofmeasure.org', code: unit } : {}),
  },
});
const run = (...obs: Observation[]) =>
  evaluateFacts([calfPain(), ...obs], undefined, ['dvt.lowSpo2']);

describe('dvt.lowSpo2 (SpO₂ strictly below the pack threshold of 90 %)', () => {
  it.each<[string, number, string, boolean]>([
    ['89 % is low', 89, '%', true],
    ['90 % is not (strictly below)', 90, '%', false],
    ['0.89 in unit 1 (a fraction) is 89 %: low', 0.89, '1', true],
  ])('%s', (_desc, value, unit, want) => {
    expect(run(spo2('s1', value, unit)).fact('dvt.lowSpo2')?.value).toBe(want);
  });

  it.each<[string, number | undefined, string | undefined]>([
    ['a unit that is not a fraction (mg/dL)', 85, 'mg/dL'],
    ['no unit', 85, undefined],
    ['no value', undefined, '%'],
  ])(
    'an SpO₂ with %s is unknown, never normal: not evidence, listed as not used, and a data-quality issue',
    (_desc, value, unit) => {
      const { fact, issues } = run(spo2('s1', value, unit));
      expect(fact('dvt.lowSpo2')?.value).toBeNull();
      expect(fact('dvt.lowSpo2')?.evidence ?? []).toEqual([]);
      expect(fact('dvt.lowSpo2')?.ignored).toEqual([
        { resource: 'Observation/s1', note: 'saturation unit missing or not convertible' },
      ]);
      expect(issues).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            code: 'SOLEUS_FHIR_UNINTERPRETABLE',
            severity: 'warning',
            location: { resource: 'Observation/s1', path: 'valueQuantity' },
          }),
        ]),
      );
    },
  );

  it('an unreadable SpO₂ beside a readable normal one: still unknown (the unreadable one may be low)', () => {
    const { fact } = run(spo2('s1', 85, 'mg/dL'), spo2('s2', 97, '%'));
    expect(fact('dvt.lowSpo2')?.value).toBeNull();
  });

  it('an unreadable SpO₂ beside a readable low one: the low one still counts', () => {
    const { fact } = run(spo2('s1', 85, 'mg/dL'), spo2('s2', 88, '%'));
    expect(fact('dvt.lowSpo2')?.value).toBe(true);
    expect(fact('dvt.lowSpo2')?.evidence).toEqual([
      expect.objectContaining({ resource: 'Observation/s2' }),
    ]);
  });
});
