import type { Bundle, FhirResource } from 'fhir/r4';
import { validateCdsRequest } from '../src/cds-hooks/validate-cds-request';
import { all, del, edited, set, type Edit } from './support/json-edit';

const DRAFT_ORDERS: Bundle<FhirResource> = {
  resourceType: 'Bundle',
  type: 'collection',
  entry: [
    {
      resource: {
        resourceType: 'MedicationRequest',
        id: 'mr-1',
        status: 'draft',
        intent: 'order',
        subject: { reference: 'Patient/pat-1' },
        medicationCodeableConcept: { text: 'ibuprofen 400 mg' },
      },
    },
  ],
};

const AUTH = {
  access_token: 'tok',
  token_type: 'Bearer',
  expires_in: 300,
  scope: 'patient/*.read',
  subject: 'soleus',
};

const BASE = {
  hookInstance: 'd1577c69-dfbe-44ad-ba6d-3e05e953b2ea',
  fhirServer: 'https://ehr.example/fhir',
  fhirAuthorization: AUTH,
};

const VALID: Record<string, Record<string, unknown>> = {
  'patient-view': {
    ...BASE,
    hook: 'patient-view',
    context: { userId: 'Practitioner/dr-7', patientId: 'pat-1', encounterId: 'enc-1' },
    prefetch: { patient: { resourceType: 'Patient', id: 'pat-1' }, labs: null },
  },
  'order-select': {
    ...BASE,
    hook: 'order-select',
    context: {
      userId: 'PractitionerRole/r-1',
      patientId: 'pat-1',
      selections: ['MedicationRequest/mr-1'],
      draftOrders: DRAFT_ORDERS,
    },
  },
  'order-sign': {
    ...BASE,
    hook: 'order-sign',
    context: { userId: 'Practitioner/dr-7', patientId: 'pat-1', draftOrders: DRAFT_ORDERS },
  },
};

/** A deep copy of a valid request with one edit applied. */
function variant(hook: string, edit: Edit): Record<string, unknown> {
  return edited(VALID[hook] ?? {}, edit);
}

describe('validateCdsRequest', () => {
  it.each(Object.keys(VALID))('REQ 15/18: accepts a valid %s request', (hook) => {
    const result = validateCdsRequest(hook, VALID[hook]);
    expect(result).toEqual({ ok: true, request: VALID[hook] });
  });

  it.each([
    [
      'patient-view without prefetch or FHIR access (all optional)',
      'patient-view',
      all(del('/prefetch'), del('/fhirServer'), del('/fhirAuthorization')),
    ],
    [
      'unknown top-level and context fields (clients may add their own)',
      'order-sign',
      all(set('/x-vendor', { a: 1 }), set('/context/coverage', 'cov-1')),
    ],
    ['REQ 53: null prefetch values', 'order-select', set('/prefetch', { meds: null, labs: null })],
    // §9.3a: one unreadable value is unknown data for the adapter to report, not a refused call.
    ['a prefetch value that is a string', 'patient-view', set('/prefetch/labs', 'none')],
    ['a prefetch value without resourceType', 'patient-view', set('/prefetch/labs', { id: 'x' })],
    [
      'order-sign draftOrders that are not a Bundle',
      'order-sign',
      set('/context/draftOrders', { resourceType: 'List' }),
    ],
  ])(
    'accepts a variant the adapter reads as unknown data or spec-legal: %s',
    (_name, hook, change) => {
      expect(validateCdsRequest(hook, variant(hook, change)).ok).toBe(true);
    },
  );

  it.each([
    [
      'REQ 67: fhirAuthorization without expires_in (a SMART token response copied as is)',
      'patient-view',
      del('/fhirAuthorization/expires_in'),
      '/fhirAuthorization/expires_in',
    ],
    [
      'patient-view without context.userId (Medplum bot example)',
      'patient-view',
      del('/context/userId'),
      '/context/userId',
    ],
    ['order-sign without context.userId', 'order-sign', del('/context/userId'), '/context/userId'],
  ])('accepts with a warning, never a 400: %s', (_name, hook, change, pointer) => {
    const result = validateCdsRequest(hook, variant(hook, change));
    expect(result.ok).toBe(true);
    expect(result.ok && result.warnings).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'SOLEUS_HOOK_INVALID_REQUEST',
        location: { pointer },
      }),
    ]);
  });

  it.each([
    ['REQ 15: hook missing', 'patient-view', del('/hook'), '/hook', /missing required property/],
    [
      'hook of another service',
      'order-sign',
      set('/hook', 'patient-view'),
      '/hook',
      /expected "order-sign"; found "patient-view"/,
    ],
    [
      'REQ 18: hookInstance empty',
      'patient-view',
      set('/hookInstance', ''),
      '/hookInstance',
      /expected at least 1 character\(s\); found 0 characters/,
    ],
    [
      'REQ 18: hookInstance a number',
      'order-sign',
      set('/hookInstance', 42),
      '/hookInstance',
      /expected string; found number/,
    ],
    ['context missing', 'order-sign', del('/context'), '/context', /missing required property/],
    [
      'patient-view patientId missing',
      'patient-view',
      del('/context/patientId'),
      '/context/patientId',
      /missing required property/,
    ],
    [
      'patient-view userId not a user reference',
      'patient-view',
      set('/context/userId', 'Device/d1'),
      '/context/userId',
      /expected the user, as Practitioner/,
    ],
    [
      'order-select userId a Patient',
      'order-select',
      set('/context/userId', 'Patient/pat-1'),
      '/context/userId',
      /expected the ordering user/,
    ],
    [
      'order-select selections missing',
      'order-select',
      del('/context/selections'),
      '/context/selections',
      /missing required property/,
    ],
    [
      'order-select selections empty',
      'order-select',
      set('/context/selections', []),
      '/context/selections',
      /expected at least 1 item\(s\); found 0 item\(s\)/,
    ],
    [
      'order-select selection not in draftOrders',
      'order-select',
      set('/context/selections', ['MedicationRequest/mr-9']),
      '/context/selections/0',
      /names no draft order/,
    ],
    [
      'order-sign draftOrders missing',
      'order-sign',
      del('/context/draftOrders'),
      '/context/draftOrders',
      /missing required property/,
    ],
    [
      'cds-r-1: fhirAuthorization without fhirServer',
      'patient-view',
      del('/fhirServer'),
      '/fhirServer',
      /required when "fhirAuthorization" is present/,
    ],
    [
      'fhirServer not a URL',
      'patient-view',
      set('/fhirServer', 'ehr.example'),
      '/fhirServer',
      /expected base URL of the client's FHIR server/,
    ],
    [
      'REQ 65: access_token missing',
      'order-sign',
      del('/fhirAuthorization/access_token'),
      '/fhirAuthorization/access_token',
      /missing required property/,
    ],
    [
      'REQ 66: token_type not Bearer',
      'patient-view',
      set('/fhirAuthorization/token_type', 'MAC'),
      '/fhirAuthorization/token_type',
      /expected "Bearer"; found "MAC"/,
    ],
    [
      'REQ 67: expires_in not an integer',
      'patient-view',
      set('/fhirAuthorization/expires_in', 1.5),
      '/fhirAuthorization/expires_in',
      /expected integer; found number/,
    ],
    [
      'REQ 68: scope missing',
      'order-select',
      del('/fhirAuthorization/scope'),
      '/fhirAuthorization/scope',
      /missing required property/,
    ],
    [
      'REQ 69: subject missing',
      'order-select',
      del('/fhirAuthorization/subject'),
      '/fhirAuthorization/subject',
      /missing required property/,
    ],
  ])('REQ 3/15: rejects %s', (_name, hook, change, pointer, what) => {
    const result = validateCdsRequest(hook, variant(hook, change));
    if (result.ok) {
      throw new Error('expected the request to be rejected');
    }
    expect(result.issues).toHaveLength(1);
    const [issue] = result.issues;
    expect(issue).toMatchObject({
      code: 'SOLEUS_HOOK_INVALID_REQUEST',
      severity: 'error',
      location: { pointer },
    });
    expect(issue?.message.startsWith(`request#${pointer}: `)).toBe(true);
    expect(issue?.message).toMatch(what);
    expect(result.outcome).toMatchObject({
      resourceType: 'OperationOutcome',
      issue: [
        {
          severity: 'error',
          code: 'invalid',
          details: { text: 'SOLEUS_HOOK_INVALID_REQUEST' },
          diagnostics: issue?.message,
        },
      ],
    });
  });

  it('reports every problem at once, one issue each, and never echoes values (no PHI, no token)', () => {
    const body = variant(
      'patient-view',
      all(
        set('/context/patientId', 'Jane Doe 1970'),
        set('/fhirAuthorization/token_type', 'bearer-secret-token-value'),
        del('/hookInstance'),
      ),
    );
    const result = validateCdsRequest('patient-view', body);
    expect(result.ok).toBe(false);
    const issues = result.ok ? [] : result.issues;
    expect(issues.map((i) => i.location?.pointer).sort()).toEqual([
      '/context/patientId',
      '/fhirAuthorization/token_type',
      '/hookInstance',
    ]);
    expect(JSON.stringify(issues)).not.toMatch(/Jane|1970|secret/);
  });

  it.each([
    ['a hook this library does not serve', 'encounter-discharge', {}],
    ['a body that is not an object', 'patient-view', 'hello'],
  ])('rejects %s', (_name, hook, body) => {
    const result = validateCdsRequest(hook, body);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.issues.map((i) => i.code)).toEqual([
      'SOLEUS_HOOK_INVALID_REQUEST',
    ]);
  });
});
