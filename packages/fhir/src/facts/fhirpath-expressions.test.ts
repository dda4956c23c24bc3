import type { FhirResource } from 'fhir/r4';
import { compileFhirPath, passesWhere } from './fhirpath-expressions';

const observation = (extra: Record<string, unknown>): FhirResource =>
  ({ resourceType: 'Observation', id: 'o1', status: 'final', code: {}, ...extra }) as FhirResource;

describe('FHIRPath over data it cannot evaluate', () => {
  it.each<[string, string, Record<string, unknown>]>([
    [
      'a date that does not parse',
      'effectiveDateTime > @2020-01-01',
      { effectiveDateTime: 'garbage' },
    ],
    [
      'a string where a number is compared',
      'valueQuantity.value > 5',
      { valueQuantity: { value: 'x' } },
    ],
    [
      'a list where one value is expected',
      'valueQuantity.value > 5',
      { valueQuantity: { value: [1, 2] } },
    ],
  ])(
    '%s selects nothing instead of throwing (fhirpath.js throws, quoting the data)',
    (_n, expression, extra) => {
      const resource = observation(extra);
      expect(compileFhirPath(expression)(resource)).toEqual([]);
      expect(passesWhere(expression, resource)).toBe(false);
    },
  );

  it('still evaluates data it can read', () => {
    expect(
      passesWhere('valueQuantity.value > 5', observation({ valueQuantity: { value: 6 } })),
    ).toBe(true);
  });

  it('still refuses an expression that does not parse', () => {
    expect(() => compileFhirPath('component.where(')).toThrow();
  });
});
