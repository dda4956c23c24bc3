import type { Observation } from 'fhir/r4';
import { calfPain, evaluateFacts } from './support/dvt-record';

const temperature = (id: string, value: number, unit: string | undefined): Observation => ({
  resourceType: 'Observation',
  id,
  status: 'final',
  code: { coding: [{ system: 'http://loinc.org', code: '8310-5' }] },
  subject: { reference: 'Patient/p1' },
  effectiveDateTime: '2026-11-21T10:00:00Z',
  valueQuantity: {
    value,
    ...(unit ? { unit, system: 'http://unitsofmeasure.org', code: unit } : {}),
  },
});
const run = (...obs: Observation[]) =>
  evaluateFacts([calfPain(), ...obs], undefined, ['dvt.fever']);

describe('dvt.fever from body temperature (at or above the pack threshold of 38.0 Cel)', () => {
  it.each<[string, number, string, boolean]>([
    ['38.0 Cel is fever (at the threshold)', 38, 'Cel', true],
    ['37.9 Cel is not', 37.9, 'Cel', false],
    ['100.4 [degF] = 38.0 Cel is fever', 100.4, '[degF]', true],
    ['100.2 [degF] = 37.9 Cel is not', 100.2, '[degF]', false],
  ])('%s', (_desc, value, unit, want) => {
    expect(run(temperature('t1', value, unit)).fact('dvt.fever')?.value).toBe(want);
  });

  it.each<[string, string | undefined]>([
    ['a unit that is not a temperature (mg)', 'mg'],
    ['no unit', undefined],
  ])(
    'a temperature with %s is never read as afebrile silently: listed as not used, with a data-quality issue',
    (_desc, unit) => {
      const { fact, issues } = run(temperature('t1', 39.5, unit));
      expect(fact('dvt.fever')?.value).toBeNull();
      expect(fact('dvt.fever')?.ignored).toEqual([
        { resource: 'Observation/t1', note: 'temperature unit missing or not convertible' },
      ]);
      expect(issues).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            code: 'SOLEUS_FHIR_UNINTERPRETABLE',
            location: { resource: 'Observation/t1', path: 'valueQuantity' },
          }),
        ]),
      );
    },
  );
});
