/**
 * Spec-shaped CDS Hooks request bodies (CDS Hooks 2.0 §calling-a-cds-service) for the server tests.
 * Synthetic data only.
 */

/** A patient-view request; `prefetch` replaces the default (a Patient), `'absent'` omits it. */
export function patientViewRequest(
  prefetch: Record<string, unknown> | 'absent' = { patient: PATIENT },
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    hook: 'patient-view',
    hookInstance: 'd1577c69-dfbe-44ad-ba6d-3e05e953b2ea',
    context: { userId: 'Practitioner/dr-7', patientId: 'pat-1' },
    ...(prefetch === 'absent' ? {} : { prefetch }),
    ...extra,
  };
}

/** A synthetic Patient. */
export const PATIENT = {
  resourceType: 'Patient',
  id: 'pat-1',
  gender: 'female',
  birthDate: '1961-04-02',
};

/** A fhirAuthorization block with a recognisable secret token. */
export const FHIR_AUTHORIZATION = {
  access_token: 'SECRET-ACCESS-TOKEN-5f1c',
  token_type: 'Bearer',
  expires_in: 300,
  scope: 'patient/*.read',
  subject: 'soleus',
};

/**
 * A prefetch whose Patient searchset has a next page the service cannot read (no fhirServer): the
 * data is partial, so the data-quality card reports it — a card on demand for the server tests.
 */
export const PARTIAL_PATIENT = {
  patient: {
    resourceType: 'Bundle',
    type: 'searchset',
    entry: [{ resource: PATIENT }],
    link: [{ relation: 'next', url: 'https://ehr.example.org/fhir/Patient?_id=pat-1&page=2' }],
  },
};
