/**
 * Client-JWT verification end to end through the HTTP app (CDS Hooks §trusting-cds-clients):
 * accepted ES384/RS384 tokens, the refusal table (each → bare 401), jku allow-listing and key
 * rotation, discovery with and without auth, and tokens never reaching the logs.
 */
import type { FastifyInstance } from 'fastify';
import { validateCdsResponse } from '@soleus/fhir';
import { startFhirStub, type FhirStub } from '../../fhir/test/support/fhir-stub';
import { buildApp } from '../src/build-app';
import { patientViewRequest, FHIR_AUTHORIZATION } from './support/cds-requests';
import {
  generateTestKey,
  signHs256,
  signToken,
  unsignedToken,
  type TestKey,
  type TokenSpec,
} from './support/jwt-client';
import { captureLogs, type LogCapture } from './support/log-capture';
import { loadTestRuleSet, NOW, PATIENT_VIEW } from './support/test-rule-set';

const BASE = 'https://cds.example.org';
const EHR = 'https://ehr.example.org';
const JKU_EHR = 'https://jku-ehr.example.org';
const BROKEN_JKU_EHR = 'https://broken-jku-ehr.example.org';
const SANDBOX_JKU = 'https://sandbox.cds-hooks.org/.well-known/jwks.json';
const IAT = Math.floor(NOW.getTime() / 1000);
const DISCOVERY_AUD = `${BASE}/cds-services`;
const SERVICE_AUD = `${BASE}/cds-services/${PATIENT_VIEW}`;

let es: TestKey;
let rs: TestKey;
let stranger: TestKey;
let rotated: TestKey;
let jkuKeys: TestKey[];
let jwks: FhirStub;
let app: FastifyInstance;
let logs: LogCapture;

beforeAll(async () => {
  [es, rs, stranger, rotated] = await Promise.all([
    generateTestKey('ES384', 'es-1'),
    generateTestKey('RS384', 'rs-1'),
    generateTestKey('ES384', 'es-1'),
    generateTestKey('ES384', 'es-rotated'),
  ]);
  jkuKeys = [await generateTestKey('ES384', 'jku-1')];
  jwks = await startFhirStub({
    jwks: () => ({ body: { keys: jkuKeys.map((k) => k.publicJwk) } }),
    'broken-jwks': { status: 500, body: { error: 'down' } },
  });
  logs = captureLogs();
  app = buildApp({
    ruleSet: await loadTestRuleSet(),
    clock: () => NOW,
    publicBaseUrl: `${BASE}/`,
    logStream: logs.stream,
    logLevel: 'debug',
    auth: {
      issuers: [
        { iss: EHR, jwks: { keys: [es.publicJwk, rs.publicJwk] } },
        { iss: JKU_EHR, jkuAllowList: [`${jwks.baseUrl}/jwks`], tenants: ['hospital-a'] },
        {
          iss: BROKEN_JKU_EHR,
          jkuAllowList: [`${jwks.baseUrl}/broken-jwks`, 'http://127.0.0.1:1/jwks.json'],
        },
      ],
      jwksCooldownMs: 0,
    },
  });
});

afterAll(async () => {
  await app.close();
  await jwks.close();
});

function token(overrides: Partial<TokenSpec> = {}): Promise<string> {
  return signToken({ key: es, iss: EHR, aud: SERVICE_AUD, iat: IAT, ...overrides });
}

function callService(jwt: string | undefined, body: object = patientViewRequest()) {
  return app.inject({
    method: 'POST',
    url: `/cds-services/${PATIENT_VIEW}`,
    headers: jwt === undefined ? {} : { authorization: `Bearer ${jwt}` },
    payload: body,
  });
}

describe('accepted tokens', () => {
  it.each<[string, () => Promise<string>]>([
    ['REQ 205: ES384 from the static JWKS', () => token()],
    ['REQ 205: RS384 from the static JWKS', () => token({ key: rs })],
    [
      'aud as an array holding the endpoint',
      () => token({ aud: ['https://other.example', SERVICE_AUD] }),
    ],
    [
      'extra claims (Epic sub and nbf) tolerated',
      () => token({ claims: { sub: 'epic-client', nbf: IAT - 300 } }),
    ],
    ['iat 30 s in the future (within the 60 s skew)', () => token({ iat: IAT + 30 })],
  ])('%s → 200 with a valid CDS response', async (_name, make) => {
    const res = await callService(await make());
    expect(res.statusCode).toBe(200);
    expect(validateCdsResponse(res.json())).toEqual([]);
  });

  it('REQ 199/195: a key from an allow-listed jku with an allowed tenant → 200', async () => {
    const jku = `${jwks.baseUrl}/jwks`;
    const jwt = await token({
      key: jkuKeys[0],
      iss: JKU_EHR,
      jku,
      claims: { tenant: 'hospital-a' },
    });
    expect((await callService(jwt)).statusCode).toBe(200);
  });

  it('a static-JWKS issuer verifies whatever jku the token names (the sandbox sends its own), by kid, without fetching it', async () => {
    const before = jwks.requests.length;
    const jwt = await token({ jku: SANDBOX_JKU });
    expect((await callService(jwt)).statusCode).toBe(200);
    const other = await token({ key: rs, jku: `${jwks.baseUrl}/jwks` });
    expect((await callService(other)).statusCode).toBe(200);
    expect(jwks.requests.length).toBe(before);
  });

  it('jku key rotation: an unknown kid refetches the key set once and then verifies', async () => {
    jkuKeys = [...jkuKeys, rotated];
    const before = jwks.requests.length;
    const jku = `${jwks.baseUrl}/jwks`;
    const jwt = await token({ key: rotated, iss: JKU_EHR, jku, claims: { tenant: 'hospital-a' } });
    expect((await callService(jwt)).statusCode).toBe(200);
    expect(jwks.requests.length).toBeGreaterThan(before);
  });
});

describe('refused tokens → 401 with no detail', () => {
  const jkuOf = (): string => `${jwks.baseUrl}/jwks`;
  it.each<[string, string, () => Promise<string | undefined>]>([
    ['no Authorization header', 'no-bearer-token', () => Promise.resolve(undefined)],
    [
      'expired (exp 10 min ago)',
      'ERR_JWT_EXPIRED',
      () => token({ iat: IAT - 900, expiresIn: 300 }),
    ],
    [
      'REQ 10/38: aud of discovery used on the service endpoint',
      'ERR_JWT_CLAIM_VALIDATION_FAILED',
      () => token({ aud: DISCOVERY_AUD }),
    ],
    [
      'aud of another host',
      'ERR_JWT_CLAIM_VALIDATION_FAILED',
      () => token({ aud: `https://evil.example/cds-services/${PATIENT_VIEW}` }),
    ],
    [
      'aud of the feedback endpoint',
      'ERR_JWT_CLAIM_VALIDATION_FAILED',
      () => token({ aud: `${SERVICE_AUD}/feedback` }),
    ],
    ['unknown kid', 'ERR_JWKS_NO_MATCHING_KEY', () => token({ kid: 'no-such-kid' })],
    [
      'signed by another key under a trusted kid',
      'ERR_JWS_SIGNATURE_VERIFICATION_FAILED',
      () => token({ key: stranger }),
    ],
    [
      'REQ 203: HS256',
      'alg-refused',
      () => signHs256({ iss: EHR, aud: SERVICE_AUD, iat: IAT, exp: IAT + 300, jti: 'h-1' }),
    ],
    [
      'REQ 201: alg none',
      'alg-refused',
      () =>
        Promise.resolve(
          unsignedToken({ iss: EHR, aud: SERVICE_AUD, iat: IAT, exp: IAT + 300, jti: 'n-1' }),
        ),
    ],
    ['untrusted issuer', 'untrusted-iss', () => token({ iss: 'https://unknown-ehr.example' })],
    [
      'REQ 195: jku not on the allow-list',
      'untrusted-jku',
      () =>
        token({
          key: jkuKeys[0],
          iss: JKU_EHR,
          jku: 'https://attacker.example/jwks',
          claims: { tenant: 'hospital-a' },
        }),
    ],
    [
      'static-JWKS issuer, a jku and a kid not in the configured set (the jku is not fetched)',
      'ERR_JWKS_NO_MATCHING_KEY',
      () => token({ key: jkuKeys[0], jku: `${jwks.baseUrl}/jwks` }),
    ],
    [
      'jku issuer with a tenant not allowed',
      'untrusted-tenant',
      () =>
        token({ key: jkuKeys[0], iss: JKU_EHR, jku: jkuOf(), claims: { tenant: 'hospital-b' } }),
    ],
    [
      'jku issuer without tenant',
      'untrusted-tenant',
      () => token({ key: jkuKeys[0], iss: JKU_EHR, jku: jkuOf() }),
    ],
    ['no jti', 'ERR_JWT_CLAIM_VALIDATION_FAILED', () => token({ jti: null })],
    [
      'iat 10 min in the future',
      'ERR_JWT_CLAIM_VALIDATION_FAILED',
      () => token({ iat: IAT + 600 }),
    ],
    [
      'nbf 10 min in the future',
      'ERR_JWT_CLAIM_VALIDATION_FAILED',
      () => token({ claims: { nbf: IAT + 600 } }),
    ],
    [
      'lifetime beyond the maximum (iat 2 h ago, exp in 1 h)',
      'ERR_JWT_EXPIRED',
      () => token({ iat: IAT - 7200, expiresIn: 10_800 }),
    ],
    ['malformed token', 'malformed', () => Promise.resolve('not.a.jwt')],
  ])('%s (logged reason %s)', async (_name, reason, make) => {
    const res = await callService(await make());
    expect(res.statusCode).toBe(401);
    const refusals = logs.lines().filter((l) => l['msg'] === 'jwt refused');
    expect(refusals.at(-1)).toMatchObject({ code: 'SOLEUS_HOOK_UNAUTHORIZED', reason });
    expect(res.headers['www-authenticate']).toBe('Bearer');
    expect(res.json()).toEqual({
      resourceType: 'OperationOutcome',
      issue: [{ severity: 'error', code: 'security', diagnostics: 'Unauthorized' }],
    });
  });

  it.each([
    ['answers 500', () => `${jwks.baseUrl}/broken-jwks`],
    ['refuses the connection', () => 'http://127.0.0.1:1/jwks.json'],
  ])(
    'a JWKS fetch failure is named in the log (jku, cause), never with the token: the jku %s',
    async (_name, jkuOf) => {
      const jku = jkuOf();
      const jwt = await token({ key: jkuKeys[0], iss: BROKEN_JKU_EHR, jku });
      expect((await callService(jwt)).statusCode).toBe(401);
      const line = logs
        .lines()
        .filter((l) => l['msg'] === 'jwt refused')
        .at(-1);
      expect(line).toMatchObject({ reason: 'jwks-fetch-failed', jku, level: 40 });
      expect(typeof line?.['cause']).toBe('string');
      expect(logs.text()).not.toContain(jwt);
    },
  );

  it('best practice: a replayed jti is refused the second time', async () => {
    const jwt = await token({ jti: 'once-only' });
    expect((await callService(jwt)).statusCode).toBe(200);
    expect((await callService(jwt)).statusCode).toBe(401);
  });
});

describe('discovery and feedback audiences', () => {
  it('REQ 4/10: discovery without a token → 401 when issuers are configured', async () => {
    const res = await app.inject({ method: 'GET', url: '/cds-services' });
    expect(res.statusCode).toBe(401);
  });

  it('REQ 4/10: discovery with aud = {base}/cds-services → 200 with services', async () => {
    const jwt = await token({ aud: DISCOVERY_AUD });
    const res = await app.inject({
      method: 'GET',
      url: '/cds-services',
      headers: { authorization: `Bearer ${jwt}` },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json<{ services: { id: string }[] }>().services.map((s) => s.id)).toContain(
      PATIENT_VIEW,
    );
  });

  it('REQ 148: feedback needs aud = {base}/cds-services/{id}/feedback', async () => {
    const body = {
      feedback: [{ card: 'c-1', outcome: 'overridden', outcomeTimestamp: NOW.toISOString() }],
    };
    const url = `/cds-services/${PATIENT_VIEW}/feedback`;
    const good = await token({ aud: `${SERVICE_AUD}/feedback` });
    const wrong = await token({ aud: SERVICE_AUD });
    expect(
      (
        await app.inject({
          method: 'POST',
          url,
          payload: body,
          headers: { authorization: `Bearer ${wrong}` },
        })
      ).statusCode,
    ).toBe(401);
    expect(
      (
        await app.inject({
          method: 'POST',
          url,
          payload: body,
          headers: { authorization: `Bearer ${good}` },
        })
      ).statusCode,
    ).toBe(200);
  });

  it('health and metrics stay open without a token', async () => {
    expect((await app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(200);
  });
});

describe('no secrets in logs', () => {
  it('best practice: neither the JWT nor fhirAuthorization appears in any log line', async () => {
    const jwt = await token();
    const body = patientViewRequest(
      {}, // the Patient is fetched with the token (and fails): the failure is logged, the token never
      {
        fhirServer: 'https://ehr.example.org/fhir',
        fhirAuthorization: FHIR_AUTHORIZATION,
      },
    );
    await callService(jwt, body);
    await callService(jwt, body); // the replay: a refusal is logged too
    const text = logs.text();
    expect(text).toContain('cds service call');
    expect(text).toContain('jwt refused');
    expect(text).not.toContain(jwt);
    expect(text).not.toContain(jwt.split('.')[2]);
    expect(text).not.toContain(FHIR_AUTHORIZATION.access_token);
    expect(text).not.toContain('pat-1');
  });
});
