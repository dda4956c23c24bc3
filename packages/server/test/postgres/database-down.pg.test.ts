/**
 * A replica started by `main` on a real database, then the database taken away behind a proxy: cut
 * (connections refused) and hung (accepted, never answered). Hooks keep answering, JWTs are refused
 * because a replay cannot be ruled out, feedback gets 503, `/health` is not-ready, every answer stays
 * within the configured bounds; when the database returns, so does everything else.
 */
import type { FastifyInstance } from 'fastify';
import { main } from '../../src/main';
import { expectDatabaseDownBehaviour } from '../support/database-down';
import { generateTestKey, signToken, type TestKey } from '../support/jwt-client';
import { captureLogs } from '../support/log-capture';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';
import { PATIENT_VIEW, TEST_CONTENT } from '../support/test-rule-set';
import { createTestDatabase, type TestDatabase } from './support/test-database';

const PUBLIC_BASE = 'https://cds.example.test';
const ISS = 'https://ehr.example.test';
const FEEDBACK = `/cds-services/${PATIENT_VIEW}/feedback`;

let db: TestDatabase;
let proxy: TcpProxy;
let key: TestKey;
let local: FastifyInstance;
let secured: FastifyInstance;

const tokenFor = (path: string): Promise<string> =>
  signToken({ key, iss: ISS, aud: `${PUBLIC_BASE}${path}`, iat: Math.floor(Date.now() / 1000) });

beforeAll(async () => {
  db = await createTestDatabase();
  const target = new URL(db.url);
  proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port) });
  const viaProxy = new URL(db.url);
  viaProxy.host = `127.0.0.1:${proxy.port}`;
  key = await generateTestKey('ES384', 'ehr-1');
  const env = {
    PORT: '0',
    HOST: '127.0.0.1',
    SOLEUS_DATABASE_URL: viaProxy.toString(),
    SOLEUS_DATABASE_CONNECTION_TIMEOUT_MS: '500',
    SOLEUS_DATABASE_STATEMENT_TIMEOUT_MS: '1000',
    SOLEUS_CONTENT_RULES_DIR: TEST_CONTENT.rulesDir,
    SOLEUS_CONTENT_FACTS_DIR: TEST_CONTENT.factsDir,
    SOLEUS_LOG_LEVEL: 'warn',
  };
  const io = { logStream: captureLogs().stream };
  local = await main(env, io);
  secured = await main(
    {
      ...env,
      SOLEUS_PUBLIC_BASE_URL: PUBLIC_BASE,
      SOLEUS_AUTH_ISSUERS: JSON.stringify([{ iss: ISS, jwks: { keys: [key.publicJwk] } }]),
    },
    io,
  );
});

afterAll(async () => {
  await local?.close();
  await secured?.close();
  await proxy?.close();
  await db?.drop();
});

async function expectHealthy(): Promise<void> {
  const health = await local.inject({ method: 'GET', url: '/health' });
  expect(health.json()).toMatchObject({ ready: true, checks: { database: 'up' } });
  const feedback = await local.inject({
    method: 'POST',
    url: FEEDBACK,
    payload: {
      feedback: [{ card: 'c-1', outcome: 'overridden', outcomeTimestamp: '2026-01-15T10:00:00Z' }],
    },
  });
  expect(feedback.statusCode).toBe(200);
  const path = `/cds-services/${PATIENT_VIEW}`;
  const gated = await secured.inject({
    method: 'POST',
    url: path,
    headers: { authorization: `Bearer ${await tokenFor(path)}` },
    payload: {
      hook: 'patient-view',
      hookInstance: 'h',
      context: { userId: 'Practitioner/1', patientId: 'pat-1' },
      prefetch: { patient: { resourceType: 'Patient', id: 'pat-1' } },
    },
  });
  expect(gated.statusCode).toBe(200);
}

describe('the shared database goes away and comes back', () => {
  it('healthy while the database answers', async () => {
    await expectHealthy();
  });

  it('cut (connection refused): degraded as designed, within the bounds', async () => {
    await proxy.cut();
    await expectDatabaseDownBehaviour({ local, secured, tokenFor, withinMs: 5000 });
  });

  it('restored: ready again and storing again, without a restart', async () => {
    await proxy.restore();
    await expectHealthy();
  });

  it('hung (accepted, never answered): still degraded within the connection and health time boxes', async () => {
    proxy.blackhole();
    // Three waits at most: the JWT (500 ms connect), feedback and summary (500 ms each), health (2 s box).
    await expectDatabaseDownBehaviour({ local, secured, tokenFor, withinMs: 8000 });
    await proxy.restore();
  });
});
