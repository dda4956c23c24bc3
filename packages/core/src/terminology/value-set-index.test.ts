import { SoleusError } from '../errors';
import { ICD10CM, LOINC, SNOMED } from './systems';
import { buildValueSetIndex } from './value-set-index';
import type { ValueSetResource } from './value-set-resource';

const base = 'https://example.test/ValueSet';

const expansionSet: ValueSetResource = {
  resourceType: 'ValueSet',
  id: 'd-dimer',
  url: `${base}/d-dimer`,
  expansion: {
    contains: [
      { system: LOINC, code: '48065-7' },
      { display: 'grouper', contains: [{ system: LOINC, code: '48066-5' }] },
    ],
  },
};

const composeSet: ValueSetResource = {
  resourceType: 'ValueSet',
  id: 'dvt',
  url: `${base}/dvt`,
  compose: {
    include: [
      { system: ICD10CM, concept: [{ code: 'I82.4*' }, { code: 'I80.1' }] },
      { system: SNOMED, concept: [{ code: '128053003' }] },
    ],
  },
};

const unionSet: ValueSetResource = {
  resourceType: 'ValueSet',
  id: 'union',
  url: `${base}/union`,
  compose: { include: [{ valueSet: [`${base}/dvt`, `${base}/d-dimer|2024`] }] },
};

const index = buildValueSetIndex([expansionSet, composeSet, unionSet]);

describe('buildValueSetIndex', () => {
  it.each([
    ['expansion code by url', `${base}/d-dimer`, { system: LOINC, code: '48065-7' }, true],
    ['nested expansion code by id', 'd-dimer', { system: LOINC, code: '48066-5' }, true],
    ['same code, other system', 'd-dimer', { system: SNOMED, code: '48065-7' }, false],
    ['compose concept', 'dvt', { system: SNOMED, code: '128053003' }, true],
    ['exact ICD code', 'dvt', { system: ICD10CM, code: 'I80.1' }, true],
    ['ICD code under a prefix', 'dvt', { system: ICD10CM, code: 'I82.401' }, true],
    ['the prefix itself', 'dvt', { system: ICD10CM, code: 'I82.4' }, true],
    ['sibling outside the prefix', 'dvt', { system: ICD10CM, code: 'I82.5' }, false],
    ['exact code is not a prefix', 'dvt', { system: ICD10CM, code: 'I80.10' }, false],
    ['codes are case-sensitive', 'dvt', { system: ICD10CM, code: 'i80.1' }, false],
    ['coding without system (fail safe)', 'dvt', { code: 'I80.1' }, false],
    ['coding without code', 'dvt', { system: ICD10CM }, false],
    ['union includes first set', 'union', { system: ICD10CM, code: 'I82.409' }, true],
    ['union includes versioned ref', 'union', { system: LOINC, code: '48066-5' }, true],
    ['versioned lookup', `${base}/dvt|1.0.0`, { system: ICD10CM, code: 'I80.1' }, true],
  ])('%s', (_name, valueSet, coding, want) => {
    expect(index.contains(valueSet, coding)).toBe(want);
  });

  it('answers for the value set asked, when sets are asked in turn and in runs', () => {
    const ddimer = { system: LOINC, code: '48065-7' };
    const icd = { system: ICD10CM, code: 'I82.401' };
    const asked: [string, { system: string; code: string }][] = [
      ['d-dimer', ddimer],
      ['d-dimer', icd],
      ['dvt', ddimer],
      ['dvt', icd],
      [`${base}/dvt|1.0.0`, icd],
      ['d-dimer', ddimer],
      ['dvt', icd],
    ];
    expect(asked.map(([valueSet, coding]) => index.contains(valueSet, coding))).toEqual([
      true,
      false,
      false,
      true,
      true,
      true,
      true,
    ]);
    expect(() => index.contains(`${base}/missing`, ddimer)).toThrow(SoleusError);
    expect(index.contains('d-dimer', ddimer)).toBe(true);
  });

  it('answers has() by url and id and lists urls', () => {
    expect([index.has('dvt'), index.has(`${base}/dvt`), index.has('nope')]).toEqual([
      true,
      true,
      false,
    ]);
    expect(index.valueSets()).toEqual([`${base}/d-dimer`, `${base}/dvt`, `${base}/union`]);
  });

  it('throws SOLEUS_VALUESET_NOT_FOUND for an unknown value set', () => {
    expect(() => index.contains('nope', { system: LOINC, code: '1-8' })).toThrow(
      expect.objectContaining({ code: 'SOLEUS_VALUESET_NOT_FOUND' }),
    );
  });

  it.each([
    [
      'a reference to a value set that is not loaded',
      [{ ...unionSet, compose: { include: [{ valueSet: [`${base}/missing`] }] } }],
      ['union.valueset.json#/compose/include/0/valueSet/0'],
    ],
    [
      'a cycle',
      [
        {
          resourceType: 'ValueSet',
          url: `${base}/a`,
          compose: { include: [{ valueSet: [`${base}/b`] }] },
        },
        {
          resourceType: 'ValueSet',
          url: `${base}/b`,
          compose: { include: [{ valueSet: [`${base}/a`] }] },
        },
      ],
      [`${base}/b#/compose/include/0/valueSet/0`],
    ],
    [
      'a self-include',
      [
        {
          resourceType: 'ValueSet',
          url: `${base}/a`,
          compose: { include: [{ valueSet: [`${base}/a`] }] },
        },
      ],
      [`${base}/a#/compose/include/0/valueSet/0`],
    ],
  ] as const)('rejects %s with SOLEUS_VALUESET_INVALID', (_name, valueSets, locations) => {
    const files = new Map([[`${base}/union`, 'union.valueset.json']]);
    let caught: unknown;
    try {
      buildValueSetIndex(valueSets as readonly ValueSetResource[], { files });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(SoleusError);
    const err = caught as SoleusError;
    expect(err.code).toBe('SOLEUS_VALUESET_INVALID');
    expect(err.issues.map((i) => `${i.location?.file}#${i.location?.pointer}`)).toEqual(locations);
  });
});

describe('expand', () => {
  const provider = buildValueSetIndex([
    {
      resourceType: 'ValueSet',
      url: 'https://soleus.dev/fhir/ValueSet/k',
      compose: {
        include: [
          { system: 'http://loinc.org', concept: [{ code: '2823-3' }, { code: '6298-4' }] },
        ],
      },
    },
    {
      resourceType: 'ValueSet',
      url: 'https://soleus.dev/fhir/ValueSet/hf',
      compose: {
        include: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', concept: [{ code: 'I50*' }] }],
      },
    },
  ]);

  it('lists exact members so discovery can narrow prefetch by code', () => {
    expect(provider.expand?.('https://soleus.dev/fhir/ValueSet/k')).toEqual([
      { system: 'http://loinc.org', code: '2823-3' },
      { system: 'http://loinc.org', code: '6298-4' },
    ]);
  });

  it('cannot list a set defined by code prefixes', () => {
    expect(provider.expand?.('https://soleus.dev/fhir/ValueSet/hf')).toBeUndefined();
  });
});
