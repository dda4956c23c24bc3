/**
 * The demo routes through `inject()`: assets and their content types and CSP, the sample-patient
 * listing and bundles, date rebasing against the server clock, unknown ids, and the gate: on in local
 * mode, off under JWT auth unless `demo: true`, and never a way around the JWT on `/cds-services`.
 */
import type { FastifyInstance } from 'fastify';
import type { Bundle, Condition, Patient, QuestionnaireResponse } from 'fhir/r4';
import { buildApp } from '../build-app';
import type { ServerOptions } from '../server-options';
import { loadTestRuleSet } from '../../test/support/test-rule-set';

const AS_OF = new Date('2026-11-22T09:00:00.000Z');
const AUTH: ServerOptions['auth'] = {
  issuers: [{ iss: 'https://ehr.example.org', jkuAllowList: ['https://ehr.example.org/jwks'] }],
};
const apps: FastifyInstance[] = [];

async function makeApp(options: Partial<ServerOptions> = {}): Promise<FastifyInstance> {
  const app = buildApp({
    ruleSet: await loadTestRuleSet(),
    clock: () => AS_OF,
    logLevel: 'silent',
    ...options,
  });
  apps.push(app);
  return app;
}

afterAll(async () => {
  await Promise.all(apps.map((a) => a.close()));
});

describe('GET /demo assets', () => {
  it.each([
    ['/demo', 'text/html; charset=utf-8', '<script src="/demo/demo.js"'],
    ['/demo/demo.js', 'text/javascript; charset=utf-8', 'function renderMarkdown'],
    ['/demo/demo.css', 'text/css; charset=utf-8', '.card--critical'],
  ])('%s is served as %s with a same-origin CSP', async (url, type, marker) => {
    const res = await (await makeApp()).inject({ method: 'GET', url });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(type);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.body).toContain(marker);
  });

  it.each(['/demo/../package.json', '/demo/index.html', '/demo/other.js'])(
    '%s is not an asset → 404 OperationOutcome',
    async (url) => {
      const res = await (await makeApp()).inject({ method: 'GET', url });
      expect(res.statusCode).toBe(404);
      expect(res.json<{ resourceType: string }>().resourceType).toBe('OperationOutcome');
    },
  );
});

describe('GET /demo/patients', () => {
  it('lists every sample patient with id, label, scenario and hook, without file paths', async () => {
    const res = await (await makeApp()).inject({ method: 'GET', url: '/demo/patients' });
    expect(res.statusCode).toBe(200);
    const list = res.json<Record<string, unknown>[]>();
    expect(list.map((p) => p.id)).toEqual(
      expect.arrayContaining(['dvt-likely', 'dvt-ddimer', 'nsaid-renal', 'synthea-a', 'synthea-b']),
    );
    for (const patient of list) {
      expect(Object.keys(patient).sort()).toEqual(
        expect.arrayContaining(['hook', 'id', 'label', 'scenario']),
      );
      expect(patient).not.toHaveProperty('file');
    }
  });

  it.each([
    ['dvt-likely', 'collection'],
    ['nsaid-renal', 'collection'],
    ['synthea-a', 'transaction'],
  ])('GET /demo/patients/%s → one FHIR Bundle (%s)', async (id, type) => {
    const res = await (await makeApp()).inject({ method: 'GET', url: `/demo/patients/${id}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/fhir+json; charset=utf-8');
    const bundle = res.json<Bundle>();
    expect([bundle.resourceType, bundle.type]).toEqual(['Bundle', type]);
    expect(bundle.entry?.some((e) => e.resource?.resourceType === 'Patient')).toBe(true);
  });

  it.each(['nobody', '..%2Fpatients', 'patients.json'])('unknown id %s → 404', async (id) => {
    const res = await (await makeApp()).inject({ method: 'GET', url: `/demo/patients/${id}` });
    expect(res.statusCode).toBe(404);
  });
});

describe('scenario dates follow the server clock', () => {
  /** [QuestionnaireResponse.authored (dateTime), Condition.onsetDateTime (date), Patient.birthDate]. */
  const datesAt = async (clock: Date): Promise<number[]> => {
    const app = await makeApp({ clock: () => clock });
    const res = await app.inject({ method: 'GET', url: '/demo/patients/dvt-likely' });
    const resources = (res.json<Bundle>().entry ?? []).map((e) => e.resource);
    const find = <T>(type: string): T | undefined =>
      resources.find((r) => r?.resourceType === type) as T | undefined;
    return [
      find<QuestionnaireResponse>('QuestionnaireResponse')?.authored,
      find<Condition>('Condition')?.onsetDateTime,
      find<Patient>('Patient')?.birthDate,
    ].map((text) => Date.parse(text ?? ''));
  };

  it.each([
    ['at asOf: as recorded', AS_OF, 0],
    [
      '10 days 5 h later: times shift exactly, dates by 10 days',
      new Date('2026-12-02T14:00:00Z'),
      10,
    ],
    ['10 days 14 h later: dates round to 11 days', new Date('2026-12-02T23:00:00Z'), 11],
    ['a year earlier', new Date('2025-11-22T09:00:00Z'), -365],
  ])('%s', async (_name, clock, days) => {
    const recorded = await datesAt(AS_OF);
    const shifted = await datesAt(clock);
    const shiftMs = clock.getTime() - AS_OF.getTime();
    expect(recorded.every((t) => !Number.isNaN(t))).toBe(true);
    expect(shifted.map((t, i) => t - (recorded[i] ?? 0))).toEqual([
      shiftMs,
      days * 86_400_000,
      days * 86_400_000,
    ]);
  });
});

describe('the demo gate', () => {
  it.each<[string, Partial<ServerOptions>, number]>([
    ['local mode: on', {}, 200],
    ['local mode, demo: false: off', { demo: false }, 404],
    ['JWT auth: off by default', { auth: AUTH, publicBaseUrl: 'https://cds.example.org' }, 404],
    [
      'JWT auth with demo: true: on',
      { auth: AUTH, publicBaseUrl: 'https://cds.example.org', demo: true },
      200,
    ],
  ])('%s', async (_name, options, status) => {
    const app = await makeApp(options);
    expect((await app.inject({ method: 'GET', url: '/demo' })).statusCode).toBe(status);
    expect((await app.inject({ method: 'GET', url: '/demo/patients' })).statusCode).toBe(status);
  });

  it('never opens the JWT gate: with demo on under auth, /cds-services still answers 401', async () => {
    const app = await makeApp({
      auth: AUTH,
      publicBaseUrl: 'https://cds.example.org',
      demo: true,
    });
    expect((await app.inject({ method: 'GET', url: '/cds-services' })).statusCode).toBe(401);
    const call = await app.inject({
      method: 'POST',
      url: '/cds-services/soleus-patient-view',
      payload: { hook: 'patient-view' },
    });
    expect(call.statusCode).toBe(401);
  });
});
