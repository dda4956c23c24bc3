import { referenceKey } from './reference-key';

describe('referenceKey', () => {
  it.each<[string | undefined, string | undefined, string | null]>([
    ['Patient/1', undefined, 'Patient/1'],
    [' Patient/1 ', undefined, 'Patient/1'],
    ['Patient/1/_history/3', undefined, 'Patient/1'],
    ['Medication/med-a.1', undefined, 'Medication/med-a.1'],
    ['https://ehr.example/fhir/Patient/1', undefined, 'Patient/1'],
    ['http://ehr.example/fhir/R4/Observation/o-9/_history/2', undefined, 'Observation/o-9'],
    [
      'urn:uuid:9D7A3A2E-6F1B-4C5E-8F0A-1B2C3D4E5F60',
      undefined,
      'urn:uuid:9d7a3a2e-6f1b-4c5e-8f0a-1b2c3d4e5f60',
    ],
    ['urn:oid:1.2.3.4', undefined, 'urn:oid:1.2.3.4'],
    ['#med1', 'MedicationRequest/m1', 'MedicationRequest/m1#med1'],
    ['#med1', undefined, null],
    ['Patient?identifier=123', undefined, null],
    ['https://ehr.example/fhir/Patient?name=x', undefined, null],
    ['patient/1', undefined, null],
    ['Patient/', undefined, null],
    ['Patient/a b', undefined, null],
    ['1', undefined, null],
    ['', undefined, null],
    [undefined, undefined, null],
  ])('%p (container %p) → %p', (reference, container, expected) => {
    expect(referenceKey(reference, container === undefined ? {} : { container })).toBe(expected);
  });
});
