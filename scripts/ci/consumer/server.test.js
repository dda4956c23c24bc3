/**
 * A consumer's jest test with jest's DEFAULT configuration (no transform for node_modules): it
 * loads @soleus/server, serves discovery in local mode, and verifies an ES384 client JWT signed here
 * with node:crypto (accepted once, its replay refused), which runs the server's bundled jose.
 */
const { generateKeyPairSync, randomUUID, sign } = require('node:crypto');
const { DEFAULT_CONTENT, loadRuleSet } = require('@soleus/core');
const { buildApp } = require('@soleus/server');

const BASE = 'https://cds.example.org';
const b64url = (value) => Buffer.from(value).toString('base64url');

function es384Token(privateKey, kid, claims) {
  const head = b64url(JSON.stringify({ alg: 'ES384', kid, typ: 'JWT' }));
  const body = b64url(JSON.stringify(claims));
  const signature = sign('sha384', Buffer.from(`${head}.${body}`), {
    key: privateKey,
    dsaEncoding: 'ieee-p1363',
  });
  return `${head}.${body}.${signature.toString('base64url')}`;
}

let ruleSet;
beforeAll(async () => {
  ruleSet = await loadRuleSet(DEFAULT_CONTENT);
});

test('local mode serves discovery for the three hooks', async () => {
  const app = buildApp({ ruleSet, logLevel: 'silent' });
  const res = await app.inject({ method: 'GET', url: '/cds-services' });
  expect(res.statusCode).toBe(200);
  expect(
    res
      .json()
      .services.map((s) => s.hook)
      .sort(),
  ).toEqual(['order-select', 'order-sign', 'patient-view']);
  await app.close();
});

test('an ES384 client JWT is verified by the bundled jose, and its replay is refused', async () => {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-384' });
  const kid = 'ehr-1';
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid, alg: 'ES384', use: 'sig' };
  const app = buildApp({
    ruleSet,
    logLevel: 'silent',
    publicBaseUrl: BASE,
    auth: { issuers: [{ iss: 'https://ehr.example.org', jwks: { keys: [jwk] } }] },
  });
  const iat = Math.floor(Date.now() / 1000);
  const token = es384Token(privateKey, kid, {
    iss: 'https://ehr.example.org',
    aud: `${BASE}/cds-services`,
    iat,
    exp: iat + 300,
    jti: randomUUID(),
  });
  const call = (authorization) =>
    app.inject({
      method: 'GET',
      url: '/cds-services',
      headers: authorization ? { authorization } : {},
    });
  expect((await call(`Bearer ${token}`)).statusCode).toBe(200);
  expect((await call(`Bearer ${token}`)).statusCode).toBe(401);
  expect((await call(undefined)).statusCode).toBe(401);
  await app.close();
});
