/**
 * Service calls through the HTTP app in local mode: prefetch semantics (absent, null,
 * OperationOutcome), the fetch path against a real FHIR stub, 412, request and transport errors as
 * OperationOutcome (400/404/413/415), the fail-open time box, and the structured log line. Every 200
 * body is checked with validateCdsResponse.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { validateCdsResponse, type FhirFetcher } from '@soleus/fhir';
import { startFhirStub, type FhirStub } from '../../fhir/test/support/fhir-stub';
import {
  FHIR_AUTHORIZATION,
  PATIENT,
  patientViewRequest,
  PARTIAL_PATIENT,
} from './support/cds-requests';
import { testApps } from './support/test-apps';
import { PATIENT_VIEW } from './support/test-rule-set';

const URL = `/cds-services/${PATIENT_VIEW}`;
const OUTCOME = {
  resourceType: 'OperationOutcome',
  issue: [{ severity: 'error', code: 'not-found' }],
};

let stub: FhirStub;
const apps = testApps();
const makeApp = apps.make;

function post(app: FastifyInstance, body: unknown, url = URL): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'POST', url, payload: body as object });
}

function expectValid200(res: LightMyRequestResponse): {
  cards: { source: { topic?: { code: string } } }[];
} {
  expect(res.statusCode).toBe(200);
  const body = res.json<{ cards: { source: { topic?: { code: string } } }[] }>();
  expect(validateCdsResponse(body)).toEqual([]);
  return body;
}

beforeAll(async () => {
  stub = await startFhirStub({
    Patient: { body: PATIENT },
    Slow: { body: PATIENT, delayMs: 400 },
  });
});

afterAll(async () => {
  await apps.closeAll();
  await stub.close();
});

describe('prefetch semantics (REQ 49–54)', () => {
  it.each<[string, Record<string, unknown> | 'absent', Record<string, unknown>, number]>([
    ['REQ 53: patient prefetched → 200', { patient: PATIENT }, {}, 200],
    ['REQ 53: patient null (no data exists) → 200, never re-queried', { patient: null }, {}, 200],
    [
      'REQ 52: OperationOutcome prefetch is missing data → fetched from fhirServer → 200',
      { patient: OUTCOME },
      { fhirServer: '<stub>', fhirAuthorization: FHIR_AUTHORIZATION },
      200,
    ],
    [
      'REQ 54: Patient absent, no Conditions key, no FHIR access (nothing can be said) → 412',
      'absent',
      {},
      412,
    ],
    [
      'REQ 54: Patient an OperationOutcome, no FHIR access (nothing can be said) → 412',
      { patient: OUTCOME },
      {},
      412,
    ],
  ])('%s', async (_name, prefetch, extra, status) => {
    const { app } = await makeApp();
    const fhir = extra['fhirServer'] ? { ...extra, fhirServer: stub.baseUrl } : extra;
    const res = await post(app, patientViewRequest(prefetch, fhir));
    expect(res.statusCode).toBe(status);
    if (status === 200) {
      expectValid200(res);
    } else {
      expect(res.json()).toMatchObject({ resourceType: 'OperationOutcome' });
      expect(res.body).not.toMatch(/at .*\.ts:\d+/);
    }
  });

  it('REQ 60/61: an absent key is fetched from fhirServer with the Bearer token', async () => {
    const { app } = await makeApp();
    const before = stub.requests.length;
    const res = await post(
      app,
      patientViewRequest('absent', {
        fhirServer: stub.baseUrl,
        fhirAuthorization: FHIR_AUTHORIZATION,
      }),
    );
    expectValid200(res);
    const fetched = stub.requests.slice(before);
    expect(fetched).toEqual([
      {
        method: 'GET',
        url: '/fhir/Patient/pat-1',
        authorization: `Bearer ${FHIR_AUTHORIZATION.access_token}`,
      },
    ]);
  });

  it('REQ 74/80: a card fires and names its rule in source.topic', async () => {
    const { app } = await makeApp();
    const body = expectValid200(await post(app, patientViewRequest(PARTIAL_PATIENT)));
    expect(body.cards.map((c) => c.source.topic?.code)).toEqual(['data-quality']);
  });
});

describe('discovery in local mode', () => {
  it('REQ 4/6/7: GET /cds-services without a token → 200 with hook, id, description and prefetch', async () => {
    const { app } = await makeApp();
    const res = await app.inject({ method: 'GET', url: '/cds-services' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      services: expect.arrayContaining([
        expect.objectContaining({
          hook: 'patient-view',
          id: PATIENT_VIEW,
          description: expect.any(String),
          prefetch: { patient: 'Patient/{{context.patientId}}' },
        }),
      ]),
    });
  });
});

describe('errors are OperationOutcome with no internals', () => {
  const invalidRequest = { hook: 'patient-view', context: {} };
  it.each<
    [string, { payload: string | object; contentType?: string; url?: string }, number, string]
  >([
    [
      'REQ 15: request without hookInstance → 400',
      { payload: invalidRequest },
      400,
      'SOLEUS_HOOK_INVALID_REQUEST',
    ],
    [
      'malformed JSON → 400',
      { payload: '{"hook": "patient-view",', contentType: 'application/json' },
      400,
      'SOLEUS_HOOK_MALFORMED_JSON',
    ],
    [
      'empty JSON body → 400',
      { payload: '', contentType: 'application/json' },
      400,
      'SOLEUS_HOOK_INVALID_REQUEST',
    ],
    [
      'malformed application/fhir+json → 400 (parsed like application/json)',
      { payload: '{"hook":', contentType: 'application/fhir+json' },
      400,
      'SOLEUS_HOOK_MALFORMED_JSON',
    ],
    [
      'text/plain → 415',
      { payload: 'hello', contentType: 'text/plain' },
      415,
      'SOLEUS_HOOK_UNSUPPORTED_MEDIA_TYPE',
    ],
    [
      'application/xml → 415',
      { payload: '<a/>', contentType: 'application/xml' },
      415,
      'SOLEUS_HOOK_UNSUPPORTED_MEDIA_TYPE',
    ],
    [
      'unknown service id → 404',
      { payload: patientViewRequest(), url: '/cds-services/no-such-service' },
      404,
      'SOLEUS_HOOK_UNKNOWN_SERVICE',
    ],
  ])('%s', async (_name, request, status, code) => {
    const { app } = await makeApp();
    const res = await app.inject({
      method: 'POST',
      url: request.url ?? URL,
      payload: request.payload,
      ...(request.contentType ? { headers: { 'content-type': request.contentType } } : {}),
    });
    expect(res.statusCode).toBe(status);
    const outcome = res.json<{ resourceType: string; issue: { details?: { text?: string } }[] }>();
    expect(outcome.resourceType).toBe('OperationOutcome');
    expect(outcome.issue.map((i) => i.details?.text)).toContain(code);
    expect(res.body).not.toMatch(/\bat \S+ \(|node_modules|\.ts:\d+/);
  });

  it('oversized body → 413 OperationOutcome (limit configurable)', async () => {
    const { app } = await makeApp({ bodyLimitBytes: 1024 });
    const res = await post(
      app,
      patientViewRequest({
        patient: { ...PATIENT, text: { status: 'generated', div: 'x'.repeat(2048) } },
      }),
    );
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({
      resourceType: 'OperationOutcome',
      issue: [{ code: 'too-costly', details: { text: 'SOLEUS_HOOK_BODY_TOO_LARGE' } }],
    });
  });

  it('unknown route → 404 OperationOutcome', async () => {
    const { app } = await makeApp();
    const res = await app.inject({ method: 'GET', url: '/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({
      resourceType: 'OperationOutcome',
      issue: [{ code: 'not-found' }],
    });
  });
});

describe('latency budget (REQ 27)', () => {
  it('a call past the evaluation time box fails open to {"cards": []} with a logged warning', async () => {
    const never: FhirFetcher = { fetchJson: () => new Promise<never>(() => undefined) };
    const { app: slowApp, logs: slowLogs } = await makeApp({
      evaluationTimeoutMs: 100,
      fetch: never,
    });
    const res = await post(
      slowApp,
      patientViewRequest('absent', {
        fhirServer: stub.baseUrl,
        fhirAuthorization: FHIR_AUTHORIZATION,
      }),
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ cards: [] });
    expect(slowLogs.lines()).toContainEqual(
      expect.objectContaining({
        level: 40,
        code: 'SOLEUS_HOOK_EVALUATION_TIMEOUT',
        serviceId: PATIENT_VIEW,
        hookInstance: 'd1577c69-dfbe-44ad-ba6d-3e05e953b2ea',
      }),
    );
  });
});

describe('structured logs', () => {
  it('one line per call with hookInstance, service id, fired rule ids and timings, no PHI', async () => {
    const { app, logs } = await makeApp();
    await post(app, patientViewRequest(PARTIAL_PATIENT));
    const line = logs.lines().find((l) => l['msg'] === 'cds service call');
    expect(line).toMatchObject({
      serviceId: PATIENT_VIEW,
      hookInstance: 'd1577c69-dfbe-44ad-ba6d-3e05e953b2ea',
      hook: 'patient-view',
      status: 200,
      firedRuleIds: ['data-quality'],
      timings: expect.objectContaining({ total: expect.any(Number), prefetch: expect.any(Number) }),
    });
    expect(logs.text()).not.toContain('pat-1');
    expect(logs.text()).not.toContain(PATIENT.birthDate);
  });
});
