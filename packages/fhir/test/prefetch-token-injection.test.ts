/**
 * Audit finding (issue 12): a `context.patientId` of `.` or `..` passed validation and, filled into
 * `Patient/{{context.patientId}}`, made the service GET `/fhir/Patient/` (a search over all patients)
 * with the EHR's bearer token, then answered 200 from other patients' data. Token values must be FHIR
 * ids; anything else is a 400 before any fetch.
 */
import type { OperationOutcome } from 'fhir/r4';
import { DEFAULT_CONTENT, loadRuleSet, type RuleSet } from '@soleus/core';
import { handleCdsRequest } from '../src/cds-hooks/handle-cds-request';
import { startFhirStub, type FhirStub } from './support/fhir-stub';

let ruleSet: RuleSet;
let stub: FhirStub;

beforeAll(async () => {
  ruleSet = await loadRuleSet(DEFAULT_CONTENT);
  const other = { resourceType: 'Patient', id: 'someone-else', birthDate: '1950-01-01' };
  const all = { resourceType: 'Bundle', type: 'searchset', entry: [{ resource: other }] };
  stub = await startFhirStub({ Patient: { body: all } });
});

afterAll(async () => {
  await stub.close();
});

const call = (context: Record<string, unknown>) =>
  handleCdsRequest(
    'soleus-patient-view',
    {
      hook: 'patient-view',
      hookInstance: '3f1c0d9e-7a55-4a53-9d0c-1b2b7f0d6a11',
      context,
      fhirServer: stub.baseUrl,
      fhirAuthorization: {
        access_token: 'token-of-the-ehr',
        token_type: 'Bearer',
        expires_in: 300,
        scope: 'patient/*.read',
        subject: 'soleus',
      },
    },
    { ruleSet, now: '2026-11-22T09:00:00Z', prefetchTimeoutMs: 2000 },
  );

describe.each([
  ['patientId "."', { userId: 'Practitioner/u1', patientId: '.' }, '/context/patientId'],
  ['patientId ".."', { userId: 'Practitioner/u1', patientId: '..' }, '/context/patientId'],
  ['userId "Practitioner/.."', { userId: 'Practitioner/..', patientId: 'p1' }, '/context/userId'],
])('%s', (_name, context, pointer) => {
  it('is refused with 400 + OperationOutcome and nothing is fetched', async () => {
    const before = stub.requests.length;
    const result = await call(context);
    expect(result.status).toBe(400);
    const outcome = result.body as OperationOutcome;
    expect(outcome.resourceType).toBe('OperationOutcome');
    expect(result.issues?.map((i) => i.location?.pointer)).toContain(pointer);
    expect(stub.requests.slice(before)).toEqual([]);
  });
});

it('a valid patient id is still fetched as one read of that patient', async () => {
  const before = stub.requests.length;
  const result = await call({ userId: 'Practitioner/u1', patientId: 'p1' });
  expect(result.status).not.toBe(400); // the stub serves only Patient: the other keys stay unknown
  expect(stub.requests.slice(before).map((r) => r.url)).toContain('/fhir/Patient/p1');
});
