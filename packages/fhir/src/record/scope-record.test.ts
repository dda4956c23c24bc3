import type { FhirResource } from 'fhir/r4';
import { isSoleusError } from '@soleus/core';
import type { IndexEntry } from '../facts/record-index';
import { scopeRecord } from './scope-record';

const obs = (id: string, subject: unknown, extra: Record<string, unknown> = {}): FhirResource =>
  ({ resourceType: 'Observation', id, status: 'final', subject, ...extra }) as FhirResource;
const patient = (id: string): FhirResource => ({ resourceType: 'Patient', id });
const entries = (...resources: FhirResource[]): IndexEntry[] =>
  resources.map((resource) => ({ resource }));
const ids = (list: readonly IndexEntry[]): string[] =>
  list.map((e) => `${e.resource.resourceType}/${e.resource.id ?? '?'}`);

describe('scopeRecord: the subject filter', () => {
  it.each<[string, unknown, boolean]>([
    ['relative Patient/id', { reference: 'Patient/p1' }, true],
    [
      'absolute URL ending in Patient/id',
      { reference: 'https://ehr.example/fhir/Patient/p1' },
      true,
    ],
    ['a versioned reference', { reference: 'Patient/p1/_history/3' }, true],
    [
      'the bundle fullUrl of that Patient (urn:uuid, any case)',
      { reference: 'URN:UUID:ABC-1' },
      true,
    ],
    ['another patient', { reference: 'Patient/p2' }, false],
    [
      'an absolute URL of another patient',
      { reference: 'https://ehr.example/fhir/Patient/p2' },
      false,
    ],
    ['a Group', { reference: 'Group/p1' }, false],
    ['no subject', undefined, false],
    ['a number where the reference belongs', { reference: 42 }, false],
    [
      'an identifier only (a logical reference cannot be resolved)',
      { identifier: { value: 'p1' } },
      false,
    ],
  ])('%s → counts: %s', (_name, subject, counts) => {
    const record: IndexEntry[] = [
      { resource: patient('p1'), fullUrl: 'urn:uuid:abc-1' },
      { resource: obs('o1', subject) },
    ];
    const scoped = scopeRecord(record, [], 'p1');
    expect(ids(scoped.entries).includes('Observation/o1')).toBe(counts);
    expect(scoped.issues.length).toBe(counts ? 0 : 1);
  });

  it('keeps shared resources (Medication, Practitioner) that belong to no patient', () => {
    const shared: FhirResource[] = [
      { resourceType: 'Medication', id: 'm1' },
      { resourceType: 'Practitioner', id: 'dr' },
    ];
    expect(ids(scopeRecord(entries(patient('p1'), ...shared), []).entries)).toEqual([
      'Patient/p1',
      'Medication/m1',
      'Practitioner/dr',
    ]);
  });

  it('never uses a Patient that is not the context patient (age and sex become unknown)', () => {
    const scoped = scopeRecord(
      entries(patient('p2'), obs('o1', { reference: 'Patient/p1' })),
      [],
      'p1',
    );
    expect(ids(scoped.entries)).toEqual(['Observation/o1']);
    expect(scoped.issues[0]?.message).toBe(
      '1 resource(s) not used: 1 of another patient or without a reference to this patient (Patient)',
    );
  });

  it('drops draft orders of another patient too', () => {
    const draft = (id: string, who: string): FhirResource => ({
      resourceType: 'MedicationRequest',
      id,
      status: 'draft',
      intent: 'order',
      subject: { reference: `Patient/${who}` },
      medicationCodeableConcept: { text: 'x' },
    });
    const scoped = scopeRecord(entries(patient('p1')), [draft('d1', 'p1'), draft('d2', 'p2')]);
    expect(scoped.drafts.map((d) => d.id)).toEqual(['d1']);
    expect(scoped.issues).toHaveLength(1);
  });

  it('reports every ignored resource on ONE line, by type', () => {
    const scoped = scopeRecord(
      entries(
        patient('p1'),
        patient('p2'),
        obs('a', { reference: 'Patient/p2' }),
        obs('b', { reference: 'Patient/p2' }),
        obs('c', { reference: 'Patient/p1' }, { meta: { versionId: '1' } }),
        obs('c', { reference: 'Patient/p1' }, { meta: { versionId: '2' }, status: 'amended' }),
      ),
      [],
      'p1',
    );
    expect(scoped.issues).toEqual([
      {
        severity: 'warning',
        code: 'SOLEUS_FHIR_OUT_OF_SCOPE',
        message:
          '4 resource(s) not used: 3 of another patient or without a reference to this patient (Patient, Observation ×2); 1 superseded by a later version of the same resource (Observation)',
        // Issue 15: what a clinician reads where that data could have changed a card (no ids).
        clinicianText:
          '3 entries filed under another patient or under no patient (patient demographics, a result) were not used; check the record for a misfiled entry',
      },
    ]);
    expect(scoped.foreign.map((e) => e.resource.id)).toEqual(['p2', 'a', 'b']);
  });

  it('names a left-out draft order and keeps it apart from the record', () => {
    const draft: FhirResource = {
      resourceType: 'MedicationRequest',
      id: 'd2',
      status: 'draft',
      intent: 'order',
      subject: { reference: 'Patient/p2' },
      medicationCodeableConcept: { text: 'ibuprofen 400 mg tablet' },
    };
    const scoped = scopeRecord(entries(patient('p1')), [draft], 'p1');
    const [issue] = scoped.issues;
    expect(scoped.foreignDrafts).toEqual([draft]);
    expect(issue?.clinicianText).toBe(
      'An entry filed under another patient or under no patient (draft order for ibuprofen 400 mg tablet) was not used; check the record for a misfiled entry',
    );
  });

  it('only counts superseded versions for the operator (they change no card)', () => {
    const scoped = scopeRecord(
      entries(
        patient('p1'),
        obs('c', { reference: 'Patient/p1' }, { meta: { versionId: '1' } }),
        obs('c', { reference: 'Patient/p1' }, { meta: { versionId: '2' } }),
      ),
      [],
      'p1',
    );
    expect(scoped.issues).toEqual([
      expect.objectContaining({ severity: 'information', audience: 'operator' }),
    ]);
    expect(scoped.issues[0]?.clinicianText).toBeUndefined();
  });
});

describe('scopeRecord: the context patient without an id', () => {
  const codeOf = (fn: () => unknown): string | undefined => {
    try {
      fn();
    } catch (err) {
      return isSoleusError(err) ? err.code : String(err);
    }
    return undefined;
  };

  it('is the bundle’s one Patient (several versions of it are one patient)', () => {
    const scoped = scopeRecord(
      entries(patient('p1'), patient('p1'), obs('o', { reference: 'Patient/p1' })),
      [],
    );
    expect(scoped.patient?.id).toBe('p1');
  });

  it('is the one patient the resources refer to when there is no Patient', () => {
    expect(scopeRecord(entries(obs('o', { reference: 'Patient/p9' })), []).patient?.id).toBe('p9');
  });

  it.each<[string, FhirResource[]]>([
    ['two Patients', [patient('p1'), patient('p2')]],
    [
      'no Patient and two referred patients',
      [obs('a', { reference: 'Patient/p1' }), obs('b', { reference: 'Patient/p2' })],
    ],
  ])('refuses to guess with %s (SOLEUS_FHIR_PATIENT_AMBIGUOUS)', (_name, resources) => {
    expect(codeOf(() => scopeRecord(entries(...resources), []))).toBe(
      'SOLEUS_FHIR_PATIENT_AMBIGUOUS',
    );
  });

  it('an explicit id settles it', () => {
    expect(
      scopeRecord(entries(patient('p1'), patient('p2')), [], 'p2').entries.map(
        (e) => e.resource.id,
      ),
    ).toEqual(['p2']);
  });
});

describe('scopeRecord: one current version per resource', () => {
  const version = (status: string, meta: Record<string, unknown> | undefined): FhirResource =>
    obs('dd', { reference: 'Patient/p1' }, { status, ...(meta ? { meta } : {}) });
  const current = (...resources: FhirResource[]) =>
    scopeRecord(entries(patient('p1'), ...resources), [])
      .entries.filter((e) => e.resource.resourceType === 'Observation')
      .map((e) => (e.resource as { status?: string }).status);

  it.each<[string, FhirResource[], string]>([
    [
      'highest versionId wins, whatever the order',
      [version('entered-in-error', { versionId: '3' }), version('final', { versionId: '2' })],
      'entered-in-error',
    ],
    [
      'versionIds compare as numbers (10 > 9)',
      [version('amended', { versionId: '10' }), version('final', { versionId: '9' })],
      'amended',
    ],
    [
      'latest lastUpdated when versionIds are missing',
      [
        version('entered-in-error', { lastUpdated: '2026-11-21T10:00:00Z' }),
        version('final', { lastUpdated: '2026-11-20T10:00:00+01:00' }),
      ],
      'entered-in-error',
    ],
    [
      'lastUpdated in another zone is the same instant scale',
      [
        version('final', { lastUpdated: '2026-11-21T10:00:00Z' }),
        version('corrected', { lastUpdated: '2026-11-21T11:30:00+01:00' }),
      ],
      'corrected',
    ],
    [
      'non-numeric versionIds fall back to lastUpdated',
      [
        version('corrected', { versionId: 'b', lastUpdated: '2026-11-22T00:00:00Z' }),
        version('final', { versionId: 'a', lastUpdated: '2026-11-21T00:00:00Z' }),
      ],
      'corrected',
    ],
    [
      'the last in input order without meta',
      [version('final', undefined), version('entered-in-error', undefined)],
      'entered-in-error',
    ],
    [
      'equal versionIds: lastUpdated breaks the tie',
      [
        version('amended', { versionId: '2', lastUpdated: '2026-11-22T00:00:00Z' }),
        version('final', { versionId: '2', lastUpdated: '2026-11-21T00:00:00Z' }),
      ],
      'amended',
    ],
  ])('%s', (_name, resources, want) => {
    expect(current(...resources)).toEqual([want]);
  });

  it('drops exact repeats silently (the same resource in two prefetch keys)', () => {
    const scoped = scopeRecord(
      entries(patient('p1'), version('final', undefined), version('final', undefined)),
      [],
    );
    expect(scoped.entries).toHaveLength(2);
    expect(scoped.issues).toEqual([]);
  });

  it('keeps resources without an id apart (they cannot be versions of each other)', () => {
    const noId = {
      resourceType: 'Observation',
      status: 'final',
      subject: { reference: 'Patient/p1' },
    } as FhirResource;
    expect(scopeRecord(entries(patient('p1'), noId, noId), []).entries).toHaveLength(3);
  });

  it('counts superseded versions as information when nothing else was ignored', () => {
    const scoped = scopeRecord(
      entries(
        patient('p1'),
        version('final', { versionId: '1' }),
        version('amended', { versionId: '2' }),
      ),
      [],
    );
    expect(scoped.issues.map((i) => [i.severity, i.audience, i.message])).toEqual([
      [
        'information',
        'operator',
        '1 resource(s) not used: 1 superseded by a later version of the same resource (Observation)',
      ],
    ]);
  });
});
