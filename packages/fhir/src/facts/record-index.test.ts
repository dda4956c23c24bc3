import type { Coding, FhirResource } from 'fhir/r4';
import type { TerminologyProvider } from '@soleus/core';
import { indexRecord } from './record-index';

/** A value set "k" holding one LOINC code, counting how often membership is asked. */
function fakeTerminology(): TerminologyProvider & { calls: number } {
  const fake = {
    calls: 0,
    contains(valueSet: string, coding: Coding) {
      fake.calls += 1;
      return valueSet === 'k' && coding.system === 'http://loinc.org' && coding.code === '2823-3';
    },
    has: (vs: string) => vs === 'k',
    valueSets: () => ['k'],
  };
  return fake;
}

const potassium = (id: string): FhirResource => ({
  resourceType: 'Observation',
  id,
  status: 'final',
  code: { coding: [{ system: 'http://loinc.org', code: '2823-3' }] },
});

describe('indexRecord', () => {
  const patient: FhirResource = { resourceType: 'Patient', id: 'p1' };
  const other: FhirResource = {
    resourceType: 'Observation',
    id: 'o9',
    status: 'final',
    code: { text: 'free text' },
  };

  it('indexes by type, finds the patient and resolves Type/id, fullUrl and absolute references', () => {
    const index = indexRecord(
      [
        { resource: patient, fullUrl: 'urn:uuid:aaa' },
        { resource: potassium('o1') },
        { resource: other },
      ],
      fakeTerminology(),
    );
    expect(index.patient).toBe(patient);
    expect(index.ofType('Observation').map((o) => o.id)).toEqual(['o1', 'o9']);
    expect(index.resolve('urn:uuid:aaa')).toBe(patient);
    expect(index.resolve('Observation/o1')?.id).toBe('o1');
    expect(index.resolve('https://ehr.example/fhir/Observation/o1/_history/3')?.id).toBe('o1');
    expect(index.resolve('Observation/missing')).toBeUndefined();
  });

  it('selects by value set of the primary code and memoises membership per coding', () => {
    const terminology = fakeTerminology();
    const index = indexRecord(
      [{ resource: potassium('o1') }, { resource: potassium('o2') }, { resource: other }],
      terminology,
    );
    expect(index.withCodeIn('Observation', 'k').map((o) => o.id)).toEqual(['o1', 'o2']);
    expect(index.withCodeIn('Observation', 'k').map((o) => o.id)).toEqual(['o1', 'o2']);
    expect(terminology.calls).toBe(1);
    expect(index.withCodeIn('Condition', 'k')).toEqual([]);
  });

  const coded = (id: string, ...codes: string[]): FhirResource => ({
    resourceType: 'Observation',
    id,
    status: 'final',
    code: { coding: codes.map((code) => ({ system: 'http://loinc.org', code })) },
  });

  // withCodeIn groups resources by distinct code (the bench showed the per-resource scan dominating
  // fact extraction); these cases pin that the grouping changes neither order nor multiplicity.
  it.each<[string, FhirResource[], string[], number]>([
    [
      'keeps input order when members interleave with non-members',
      [coded('a', '2823-3'), coded('b', '1-8'), coded('c', '2823-3'), coded('d', '1-8')],
      ['a', 'c'],
      2,
    ],
    [
      'returns a resource once when several of its codings are members',
      [coded('a', '1-8', '2823-3', '2823-3'), coded('b', '2823-3')],
      ['a', 'b'],
      2,
    ],
    ['ignores codings without a code', [other, coded('a')], [], 0],
    [
      'asks the terminology once per distinct coding, not per resource',
      [coded('a', '2823-3'), coded('b', '2823-3'), coded('c', '2823-3'), coded('d', '9-9')],
      ['a', 'b', 'c'],
      2,
    ],
  ])('withCodeIn %s', (_name, resources, want, calls) => {
    const terminology = fakeTerminology();
    const index = indexRecord(
      resources.map((resource) => ({ resource })),
      terminology,
    );
    expect(index.withCodeIn('Observation', 'k').map((o) => o.id)).toEqual(want);
    expect(terminology.calls).toBe(calls);
  });
});
