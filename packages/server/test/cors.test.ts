/**
 * CORS for browser CDS clients (CDS Hooks §cross-origin-resource-sharing, REQ 208): exact-origin
 * allow-list, OPTIONS preflight without a JWT, Authorization and Content-Type allowed.
 */
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/build-app';
import { captureLogs } from './support/log-capture';
import { loadTestRuleSet, NOW, PATIENT_VIEW } from './support/test-rule-set';

const ALLOWED = 'https://sandbox.cds-hooks.org';
let app: FastifyInstance;
let closed: FastifyInstance;

beforeAll(async () => {
  const ruleSet = await loadTestRuleSet();
  const common = { ruleSet, clock: () => NOW, logStream: captureLogs().stream };
  app = buildApp({ ...common, corsOrigins: [ALLOWED] });
  closed = buildApp(common);
});

afterAll(async () => {
  await app.close();
  await closed.close();
});

function preflight(target: FastifyInstance, origin: string, url: string) {
  return target.inject({
    method: 'OPTIONS',
    url,
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization,content-type',
    },
  });
}

describe('CORS', () => {
  it.each([
    '/cds-services',
    `/cds-services/${PATIENT_VIEW}`,
    `/cds-services/${PATIENT_VIEW}/feedback`,
  ])(
    'REQ 208: preflight from an allowed origin on %s → 204 with Authorization allowed',
    async (url) => {
      const res = await preflight(app, ALLOWED, url);
      expect(res.statusCode).toBe(204);
      expect(res.headers['access-control-allow-origin']).toBe(ALLOWED);
      expect(String(res.headers['access-control-allow-headers']).toLowerCase()).toContain(
        'authorization',
      );
      expect(String(res.headers['access-control-allow-methods'])).toContain('POST');
    },
  );

  it.each<[string, FastifyInstance | (() => FastifyInstance), string]>([
    ['an origin not on the allow-list', () => app, 'https://evil.example'],
    ['any origin when no allow-list is configured', () => closed, ALLOWED],
  ])('no Access-Control-Allow-Origin for %s', async (_name, target, origin) => {
    const instance = typeof target === 'function' ? target() : target;
    const res = await instance.inject({ method: 'GET', url: '/health', headers: { origin } });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('a simple GET from an allowed origin carries the origin header', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/cds-services',
      headers: { origin: ALLOWED },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe(ALLOWED);
  });
});
