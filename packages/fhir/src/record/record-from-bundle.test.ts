import { isSoleusError } from '@soleus/core';
import { recordFromBundle } from './record-from-bundle';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    return isSoleusError(err) ? `${err.code}: ${err.message}` : String(err);
  }
  return undefined;
}

describe('recordFromBundle', () => {
  it.each([
    [
      'an array',
      [],
      'SOLEUS_FHIR_NOT_A_BUNDLE: bundle: expected a FHIR R4 Bundle object, found an array',
    ],
    [
      'a string',
      'x',
      'SOLEUS_FHIR_NOT_A_BUNDLE: bundle: expected a FHIR R4 Bundle object, found string',
    ],
    [
      'a Patient',
      { resourceType: 'Patient' },
      'SOLEUS_FHIR_NOT_A_BUNDLE: bundle.resourceType: expected "Bundle", found "Patient"',
    ],
    [
      'no resourceType',
      {},
      'SOLEUS_FHIR_NOT_A_BUNDLE: bundle.resourceType: expected "Bundle", found null',
    ],
    [
      'entry not an array',
      { resourceType: 'Bundle', entry: {} },
      'SOLEUS_FHIR_NOT_A_BUNDLE: bundle.entry: expected an array, found object',
    ],
  ])('rejects %s with a message that says where, expected and found', (_name, input, want) => {
    expect(codeOf(() => recordFromBundle(input, 'bundle'))).toBe(want);
  });

  it('accepts any bundle type, keeps fullUrls, and skips a bad entry with an issue instead of rejecting', () => {
    const record = recordFromBundle(
      {
        resourceType: 'Bundle',
        type: 'transaction',
        entry: [
          { fullUrl: 'urn:uuid:p1', resource: { resourceType: 'Patient', id: 'p1' } },
          { resource: { id: 'no-type' } },
          {},
        ],
      },
      'bundle',
    );
    expect(record.entries).toEqual([
      { fullUrl: 'urn:uuid:p1', resource: { resourceType: 'Patient', id: 'p1' } },
    ]);
    expect(record.issues.map((i) => [i.code, i.location?.path])).toEqual([
      ['SOLEUS_FHIR_INVALID_RESOURCE', 'bundle.entry[1]'],
      ['SOLEUS_FHIR_INVALID_RESOURCE', 'bundle.entry[2]'],
    ]);
  });

  it('treats a bundle without entries as an empty record', () => {
    expect(recordFromBundle({ resourceType: 'Bundle', type: 'collection' }, 'bundle')).toEqual({
      entries: [],
      issues: [],
    });
  });
});
