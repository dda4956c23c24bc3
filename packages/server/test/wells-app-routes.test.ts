/**
 * The Wells SMART app's server side through inject(): its pages and the fhirclient bundle (served from
 * node_modules, with a CSP), the launch configuration (client id, scopes limited to what it reads and
 * writes), the filled FHIR queries, and the evaluation of the record the app read, by the same
 * pipeline as the CDS service (Wells breakdown, decision, cards), which never fetches on its own.
 */
import type { FhirResource } from 'fhir/r4';
import type { FastifyInstance } from 'fastify';
import { DEFAULT_CONTENT, loadRuleSet } from '@soleus/core';
import { buildApp } from '../src/build-app';
import { startFhirStub } from '../../fhir/test/support/fhir-stub';
import { captureLogs } from './support/log-capture';
import {
  ALL_ABSENT,
  calfPain,
  condition,
  ddimer,
  ICD,
  NOW,
  wells,
} from '../../fhir/test/support/dvt-record';

let app: FastifyInstance;
const logs = captureLogs();

beforeAll(async () => {
  app = buildApp({
    ruleSet: await loadRuleSet(DEFAULT_CONTENT),
    clock: () => new Date(NOW),
    logStream: logs.stream,
    smartClientId: 'ehr-registered-id',
  });
});
afterAll(() => app.close());

const PATIENT = { resourceType: 'Patient', id: 'p1', birthDate: '1970-06-01' } as FhirResource;
const searchset = (...resources: FhirResource[]): object => ({
  resourceType: 'Bundle',
  type: 'searchset',
  entry: resources.map((resource) => ({ resource })),
});

/** A patient-view request with every prefetch key filled: the resources given, empty searchsets else. */
function request(
  resources: FhirResource[],
  extra: Record<string, unknown> = {},
  omit: readonly string[] = [],
): object {
  const of = (type: string): object =>
    searchset(...resources.filter((r) => r.resourceType === type));
  const prefetch: Record<string, object> = {
    patient: PATIENT,
    conditions: of('Condition'),
    diagnosticReports: of('DiagnosticReport'),
    encounters: of('Encounter'),
    encountersInProgress: of('Encounter'),
    medicationRequests: of('MedicationRequest'),
    medicationStatements: of('MedicationStatement'),
    observations: of('Observation'),
    procedures: of('Procedure'),
    questionnaireResponses: of('QuestionnaireResponse'),
  };
  omit.forEach((key) => delete prefetch[key]);
  return {
    hook: 'patient-view',
    hookInstance: 'd1577c69-dfbe-44ad-ba6d-3e05e953b2ea',
    context: { userId: 'Practitioner/dr', patientId: 'p1' },
    prefetch,
    ...extra,
  };
}

// The body is whatever the route answered (light-my-request parses it untyped).
async function evaluate(body: object) {
  const res = await app.inject({ method: 'POST', url: '/apps/wells/evaluate', payload: body });
  return { status: res.statusCode, body: res.json() };
}

describe('Wells app pages', () => {
  it.each([
    ['/apps/wells/launch', 'text/html'],
    ['/apps/wells/', 'text/html'],
    ['/apps/wells/app.js', 'text/javascript'],
    ['/apps/wells/fhir-client.js', 'text/javascript'],
  ])('%s is served with a same-origin CSP', async (url, type) => {
    const res = await app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain(type);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.body.length).toBeGreaterThan(100);
  });

  it('serves the fhirclient browser bundle from its npm package (FHIR.oauth2)', async () => {
    const res = await app.inject({ method: 'GET', url: '/apps/wells/fhir-client.js' });
    expect(res.body).toContain('oauth2');
    expect(res.body).not.toMatch(/<script|cdn\./i);
  });

  it('config names the client id, the Questionnaire and scopes for exactly what it reads and writes', async () => {
    const res = await app.inject({ method: 'GET', url: '/apps/wells/config.json' });
    const config = res.json();
    expect(config.clientId).toBe('ehr-registered-id');
    expect(config.questionnaire).toEqual({
      url: 'https://soleus.dev/fhir/Questionnaire/wells-dvt',
      version: '1.1.0',
      href: '../../fhir/Questionnaire/wells-dvt',
    });
    expect(config.scope.split(' ')).toEqual([
      'openid',
      'fhirUser',
      'patient/Condition.read',
      'patient/DiagnosticReport.read',
      'patient/Encounter.read',
      'patient/MedicationRequest.read',
      'patient/MedicationStatement.read',
      'patient/Observation.read',
      'patient/Patient.read',
      'patient/Procedure.read',
      'patient/QuestionnaireResponse.read',
      'patient/QuestionnaireResponse.write',
    ]);
    expect(config.scope).not.toMatch(/\*|user\/|system\//);
  });
});

describe('POST /apps/wells/queries', () => {
  it('fills the patient-view prefetch templates for this patient', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/apps/wells/queries',
      payload: { context: { patientId: 'p-1.a', userId: 'Practitioner/dr' } },
    });
    const { queries } = res.json();
    expect(queries.patient).toBe('Patient/p-1.a');
    expect(queries.conditions).toBe('Condition?patient=p-1.a');
    expect(queries.questionnaireResponses).toBe('QuestionnaireResponse?patient=p-1.a');
  });

  it.each(['..', '.', 'p 1', 'a/b'])(
    'refuses a patient id outside the FHIR id grammar (%p): no query to read other patients',
    async (patientId) => {
      const res = await app.inject({
        method: 'POST',
        url: '/apps/wells/queries',
        payload: { context: { patientId, userId: 'Practitioner/dr' } },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().resourceType).toBe('OperationOutcome');
    },
  );

  it('refuses a context without a patient', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/apps/wells/queries',
      payload: { context: {} },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().resourceType).toBe('OperationOutcome');
  });
});

describe('POST /apps/wells/evaluate', () => {
  it('calf pain + active cancer: Wells incomplete, cancer from the record, bedside items unknown', async () => {
    const res = await evaluate(
      request([calfPain(), condition('cancer', ICD, 'C50.911', '2026-03-01')]),
    );
    expect(res.status).toBe(200);
    expect(res.body.episodeStart).toBe('2026-11-20T00:00:00.000Z');
    expect(res.body.decision).toBe('dvt-wells-incomplete');
    expect(res.body.wells).toMatchObject({ wellsClass: 'indeterminate', min: 1, max: 6 });
    expect(res.body.wells.items.activeCancer).toMatchObject({
      state: 'present',
      source: 'record',
      resources: ['Condition/cancer'],
    });
    expect(res.body.wells.items.tenderness).toMatchObject({ state: 'unknown', source: 'none' });
    expect(res.body.cards.map((c: { id: string }) => c.id)).toContain('dvt-wells-incomplete');
  });

  it('after the assessment: the same engine gives the decision card (unlikely + negative D-dimer → excluded)', async () => {
    const res = await evaluate(request([calfPain(), wells(ALL_ABSENT), ddimer(300, 'ng/mL{FEU}')]));
    expect(res.body.decision).toBe('dvt-excluded');
    expect(res.body.wells).toMatchObject({ wellsClass: 'unlikely', min: 0, max: 0 });
    expect(res.body.cards.map((c: { id: string }) => c.id)).toContain('dvt-excluded');
  });

  it('data the app could not read is unknown: no exclusion rests on it (same rule as the service)', async () => {
    const record = [calfPain(), wells(ALL_ABSENT), ddimer(300, 'ng/mL{FEU}')];
    const res = await evaluate(request(record, {}, ['medicationRequests', 'medicationStatements']));
    expect(res.body.missing).toEqual(['medicationRequests', 'medicationStatements']);
    expect(res.body.decision).not.toBe('dvt-excluded');
    expect(res.body.cards.map((c: { id: string }) => c.id)).not.toContain('dvt-excluded');
  });

  it('no episode → no Wells breakdown', async () => {
    const res = await evaluate(request([]));
    expect(res.body).toMatchObject({ episodeStart: null, wells: null, decision: null });
  });

  it('never fetches: fhirServer is ignored and unsent keys are reported missing (unknown)', async () => {
    const stub = await startFhirStub({ MedicationRequest: { body: searchset() } });
    const res = await evaluate(
      request(
        [calfPain()],
        {
          fhirServer: stub.baseUrl,
          fhirAuthorization: {
            access_token: 'secret-token',
            token_type: 'Bearer',
            expires_in: 300,
            scope: 'patient/*.read',
            subject: 'x',
          },
        },
        ['medicationRequests', 'procedures'],
      ),
    );
    await stub.close();
    expect(stub.requests).toEqual([]);
    expect(res.status).toBe(200);
    expect(res.body.missing).toEqual(['medicationRequests', 'procedures']);
    expect(logs.text()).not.toContain('secret-token');
  });

  it('a body that is not a patient-view request → 400 OperationOutcome', async () => {
    const res = await evaluate({ hook: 'patient-view', context: {} });
    expect(res.status).toBe(400);
    expect(res.body.resourceType).toBe('OperationOutcome');
  });
});
