/**
 * Health (liveness + readiness) and the per-app Prometheus registry.
 */
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/build-app';
import { READINESS_TIMEOUT_MS } from '../src/routes/register-ops-routes';
import { patientViewRequest, PARTIAL_PATIENT } from './support/cds-requests';
import { captureLogs } from './support/log-capture';
import { loadTestRuleSet, NOW, PATIENT_VIEW } from './support/test-rule-set';

let app: FastifyInstance;
let other: FastifyInstance;

beforeAll(async () => {
  const ruleSet = await loadTestRuleSet();
  app = buildApp({ ruleSet, clock: () => NOW, logStream: captureLogs().stream });
  other = buildApp({ ruleSet, clock: () => NOW, logStream: captureLogs().stream });
  await app.inject({
    method: 'POST',
    url: `/cds-services/${PATIENT_VIEW}`,
    payload: patientViewRequest(PARTIAL_PATIENT),
  });
  await app.inject({ method: 'POST', url: '/cds-services/nope', payload: patientViewRequest() });
});

afterAll(async () => {
  await app.close();
  await other.close();
});

describe('GET /health', () => {
  it('is live and ready once rule packs are loaded', async () => {
    const res = await app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'ok',
      live: true,
      ready: true,
      activeRules: 1,
      checks: {},
    });
  });

  it('is not ready while a dependency check fails or hangs past its time box; /health/live stays up', async () => {
    const checked = buildApp({
      ruleSet: await loadTestRuleSet(),
      logStream: captureLogs().stream,
      readinessChecks: [
        { name: 'ok', check: () => Promise.resolve() },
        { name: 'failing', check: () => Promise.reject(new Error('down')) },
        { name: 'hanging', check: () => new Promise<void>(() => undefined) },
      ],
    });
    const started = performance.now();
    const res = await checked.inject({ method: 'GET', url: '/health' });
    const live = await checked.inject({ method: 'GET', url: '/health/live' });
    await checked.close();
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({
      status: 'not-ready',
      ready: false,
      checks: { ok: 'up', failing: 'down', hanging: 'down' },
    });
    expect(performance.now() - started).toBeLessThan(READINESS_TIMEOUT_MS + 1000);
    expect(live.statusCode).toBe(200);
    expect(live.json()).toEqual({ live: true });
  });
});

describe('GET /metrics', () => {
  it.each<[string, RegExp]>([
    [
      'requests by route and status',
      /soleus_http_requests_total\{route="\/cds-services\/:id",method="POST",status="200"\} 1/,
    ],
    [
      'latency histogram per service id',
      /soleus_service_duration_seconds_count\{service="soleus-patient-view"\} 1/,
    ],
    [
      'unknown service ids share one label',
      /soleus_service_duration_seconds_count\{service="unknown"\} 1/,
    ],
    [
      'cards per rule id and indicator',
      /soleus_cards_total\{rule_id="data-quality",indicator="info"\} 1/,
    ],
    ['errors by status', /soleus_errors_total\{kind="404"\} 1/],
    [
      'data-quality issues per code and audience',
      /soleus_data_issues_total\{code="SOLEUS_HOOK_PREFETCH_PARTIAL",audience="clinician"\} 1/,
    ],
  ])('exposes %s', async (_name, pattern) => {
    const res = await app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.body).toMatch(pattern);
  });

  it('each app has its own registry (two apps in one process do not share counts)', async () => {
    const res = await other.inject({ method: 'GET', url: '/metrics' });
    expect(res.body).not.toMatch(/soleus_cards_total\{/);
  });
});
