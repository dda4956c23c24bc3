/**
 * The PostgreSQL backend with its database unreachable (a closed loopback port), on any machine:
 * hooks still answer, a JWT is refused because a replay cannot be ruled out, feedback gets 503, and
 * `/health` reports not-ready. The real-server version of this (cut and restored) is
 * test/postgres/database-down.pg.test.ts.
 */
import { createServer } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/build-app';
import {
  createPostgresBackend,
  type PostgresBackend,
} from '../src/postgres/create-postgres-backend';
import { expectDatabaseDownBehaviour } from './support/database-down';
import { generateTestKey, signToken, type TestKey } from './support/jwt-client';
import { captureLogs, type LogCapture } from './support/log-capture';
import { loadTestRuleSet, NOW } from './support/test-rule-set';

const PUBLIC_BASE = 'https://cds.example.test';
const ISS = 'https://ehr.example.test';

let backend: PostgresBackend;
let key: TestKey;
let logs: LogCapture;
let local: FastifyInstance;
let secured: FastifyInstance;

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 1;
}

beforeAll(async () => {
  const port = await closedPort();
  logs = captureLogs();
  backend = createPostgresBackend(
    { url: `postgres://soleus:not-logged@127.0.0.1:${port}/soleus`, connectionTimeoutMs: 500 },
    { warn: () => undefined },
  );
  key = await generateTestKey('ES384', 'ehr-1');
  const ruleSet = await loadTestRuleSet();
  const shared = {
    ruleSet,
    clock: () => NOW,
    logStream: logs.stream,
    feedbackStore: backend.feedbackStore,
    replayStore: backend.replayStore,
    readinessChecks: [backend.readiness],
  };
  local = buildApp(shared);
  secured = buildApp({
    ...shared,
    publicBaseUrl: PUBLIC_BASE,
    auth: { issuers: [{ iss: ISS, jwks: { keys: [key.publicJwk] } }] },
  });
});

afterAll(async () => {
  await local.close();
  await secured.close();
  await backend.close();
});

describe('the shared database is unreachable', () => {
  // One test: the log lines checked below are those of the calls above, so the two must run in this
  // order (pnpm test runs jest --randomize, which shuffles tests within a file).
  it('hooks answer, JWT 401 (fails closed), feedback 503, health not-ready, all within the bounds; the log says why and never shows the database URL or its password', async () => {
    await expectDatabaseDownBehaviour({
      local,
      secured,
      withinMs: 5000,
      tokenFor: (path) =>
        signToken({ key, iss: ISS, aud: `${PUBLIC_BASE}${path}`, iat: NOW.getTime() / 1000 }),
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(logs.lines()).toContainEqual(
      expect.objectContaining({ reason: 'replay-store-unavailable', msg: 'jwt refused' }),
    );
    expect(logs.lines()).toContainEqual(
      expect.objectContaining({
        code: 'SOLEUS_SERVER_STORE_UNAVAILABLE',
        msg: 'could not store feedback',
      }),
    );
    expect(logs.text()).not.toContain('not-logged');
  });
});
