/**
 * Issue 12 audit findings at the HTTP boundary, one test each: an unexpected exception is logged with
 * its stack and counted (no PHI), credentials in request URLs never reach the log, every error status
 * has an OperationOutcome body that does not echo the input, and local mode answers only requests
 * whose Host is loopback (a DNS-rebinding page cannot drive it through the browser).
 */
import type { FhirFetcher } from '@soleus/fhir';
import { FHIR_AUTHORIZATION, patientViewRequest } from './support/cds-requests';
import { testApps } from './support/test-apps';
import { PATIENT_VIEW } from './support/test-rule-set';

const apps = testApps();
const makeApp = apps.make;

afterAll(async () => {
  await apps.closeAll();
});

const isOperationOutcome = (body: string): boolean =>
  (JSON.parse(body) as { resourceType?: unknown }).resourceType === 'OperationOutcome';

describe('an unexpected exception in a service call', () => {
  // A custom fetcher whose answer blows up when read: the exception escapes the prefetch code.
  const exploding: FhirFetcher = {
    fetchJson: () =>
      Promise.resolve({
        get resourceType(): string {
          throw new TypeError('patient Jane Roe 1961-04-02 broke it');
        },
      }),
  };

  it('answers a bare 500 OperationOutcome, logs type and stack at error level, and counts it', async () => {
    const { app, logs } = await makeApp({ fetch: exploding });
    const res = await app.inject({
      method: 'POST',
      url: `/cds-services/${PATIENT_VIEW}`,
      payload: patientViewRequest('absent', {
        fhirServer: 'https://ehr.example/fhir',
        fhirAuthorization: FHIR_AUTHORIZATION,
      }),
    });
    expect(res.statusCode).toBe(500);
    expect(isOperationOutcome(res.body)).toBe(true);
    expect(res.body).not.toMatch(/Jane|TypeError|\.ts:\d+/);
    const line = logs.lines().find((l) => l['code'] === 'SOLEUS_SERVER_INTERNAL_ERROR');
    expect(line).toMatchObject({ level: 50, serviceId: PATIENT_VIEW, err: { type: 'TypeError' } });
    const stack = (line?.['err'] as { stack: string[] }).stack;
    expect(stack.length).toBeGreaterThan(0);
    expect(stack.every((frame) => frame.startsWith('at '))).toBe(true);
    expect(stack.join('\n')).toMatch(/resolve-prefetch-key/);
    expect(logs.text()).not.toMatch(/Jane|1961-04-02|SECRET-ACCESS-TOKEN/);
    const metrics = await app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toMatch(/soleus_errors_total\{kind="internal"\} 1\b/);
  });
});

describe('credentials in request URLs', () => {
  it.each([
    ['GET', '/cds-services?access_token=SECRET123&_format=json'],
    ['GET', '/health?token=SECRET123'],
    ['POST', `/cds-services/${PATIENT_VIEW}?code=SECRET123&client_secret=SECRET123`],
    ['GET', '/nowhere?id_token=SECRET123'],
  ])('%s %s: the secret never reaches a log line', async (method, url) => {
    const { app, logs } = await makeApp({ logLevel: 'trace' });
    await app.inject({
      method: method as 'GET' | 'POST',
      url,
      ...(method === 'POST' ? { payload: patientViewRequest() } : {}),
    });
    expect(logs.text()).toContain('[REDACTED]');
    expect(logs.text()).not.toContain('SECRET123');
  });
});

describe('error bodies are OperationOutcome and do not echo the input', () => {
  it.each<[string, number, 'GET' | 'POST', string]>([
    ['a malformed URL', 400, 'GET', '/cds-services/%E0%A4%A'],
    ['a service id over the path limit', 414, 'POST', `/cds-services/${'x'.repeat(300)}<script>`],
    ['an unknown service id', 404, 'POST', '/cds-services/%3Cscript%3Ealert(1)%3C%2Fscript%3E'],
    ['an unknown route', 404, 'GET', '/<img src=x>'],
  ])('%s → %i', async (_name, status, method, url) => {
    const { app } = await makeApp();
    const res = await app.inject({
      method,
      url,
      ...(method === 'POST' ? { payload: patientViewRequest() } : {}),
    });
    expect(res.statusCode).toBe(status);
    expect(isOperationOutcome(res.body)).toBe(true);
    expect(res.body).not.toMatch(/script|img|xxxxxxxx|%E0/i);
  });
});

describe('local mode accepts only loopback Host values (DNS rebinding)', () => {
  it.each(['localhost', 'localhost:3000', '127.0.0.1:3000', '127.1.2.3', '[::1]:3000'])(
    'Host %s is served',
    async (host) => {
      const { app } = await makeApp();
      const res = await app.inject({ method: 'GET', url: '/cds-services', headers: { host } });
      expect(res.statusCode).toBe(200);
    },
  );

  it.each([
    'evil.example',
    'evil.example:3000',
    '127.0.0.1.evil.example',
    'localhost.evil.example',
  ])('Host %s is refused with 403 OperationOutcome that does not echo it', async (host) => {
    const { app } = await makeApp();
    for (const [method, url] of [
      ['GET', '/cds-services'],
      ['POST', `/cds-services/${PATIENT_VIEW}`],
      ['GET', '/demo'],
    ] as const) {
      const res = await app.inject({
        method,
        url,
        headers: { host },
        ...(method === 'POST' ? { payload: patientViewRequest() } : {}),
      });
      expect(res.statusCode).toBe(403);
      expect(isOperationOutcome(res.body)).toBe(true);
      expect(res.body).not.toContain('evil');
    }
  });

  it('is off when the operator allowed a non-loopback bind on purpose', async () => {
    const { app } = await makeApp({ allowAnyHost: true });
    const res = await app.inject({
      method: 'GET',
      url: '/cds-services',
      headers: { host: 'soleus.internal:3000' },
    });
    expect(res.statusCode).toBe(200);
  });
});
