/**
 * N replicas behind a load balancer behave as one service when they share PostgreSQL: two real
 * server processes (the `soleus-server` bin) on one database. A token accepted by one replica is a
 * replay on the other (401), and feedback sent to either replica, for cards either replica issued,
 * gives the same summary on both.
 */
import { randomUUID } from 'node:crypto';
import { PARTIAL_PATIENT, PATIENT, patientViewRequest } from '../support/cds-requests';
import { generateTestKey, signToken, type TestKey } from '../support/jwt-client';
import { PATIENT_VIEW, TEST_CONTENT } from '../support/test-rule-set';
import { startReplica, type Replica } from './support/replica-process';
import { createTestDatabase, type TestDatabase } from './support/test-database';

const PUBLIC_BASE = 'https://cds.example.test';
const ISS = 'https://ehr.example.test';
const SERVICE = `/cds-services/${PATIENT_VIEW}`;

let db: TestDatabase;
let key: TestKey;
let a: Replica;
let b: Replica;

beforeAll(async () => {
  db = await createTestDatabase();
  key = await generateTestKey('ES384', 'ehr-1');
  const env = {
    SOLEUS_DATABASE_URL: db.url,
    SOLEUS_PUBLIC_BASE_URL: PUBLIC_BASE,
    SOLEUS_AUTH_ISSUERS: JSON.stringify([{ iss: ISS, jwks: { keys: [key.publicJwk] } }]),
    SOLEUS_CONTENT_RULES_DIR: TEST_CONTENT.rulesDir,
    SOLEUS_CONTENT_FACTS_DIR: TEST_CONTENT.factsDir,
  };
  // One after the other is the harder case for the second (it finds the schema migrated); the
  // concurrent start is covered in postgres-stores.pg.test.ts.
  a = await startReplica(env);
  b = await startReplica(env);
});

afterAll(async () => {
  const codes = await Promise.all([a?.stop(), b?.stop()]);
  await db?.drop();
  expect(codes).toEqual([0, 0]);
});

/** A fresh token for `path`, unless one is given (to replay it). */
async function token(path: string, jti: string = randomUUID()): Promise<string> {
  const iat = Math.floor(Date.now() / 1000);
  return signToken({ key, iss: ISS, aud: `${PUBLIC_BASE}${path}`, iat, jti });
}

async function call(
  replica: Replica,
  path: string,
  bearer: string,
  body?: object,
): Promise<Response> {
  return fetch(`${replica.base}${path}`, {
    method: body ? 'POST' : 'GET',
    headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
}

async function issueCard(replica: Replica): Promise<string> {
  const body = patientViewRequest(PARTIAL_PATIENT);
  const res = await call(replica, SERVICE, await token(SERVICE), body);
  expect(res.status).toBe(200);
  const uuid = ((await res.json()) as { cards: { uuid: string }[] }).cards[0]?.uuid;
  expect(uuid).toEqual(expect.any(String));
  return uuid ?? '';
}

async function summary(replica: Replica): Promise<unknown> {
  const path = `${SERVICE}/feedback/summary`;
  const res = await call(replica, path, await token(path));
  expect(res.status).toBe(200);
  return res.json();
}

describe('two replicas on one PostgreSQL database', () => {
  it('both use the shared store', () => {
    for (const replica of [a, b]) {
      expect(replica.logs).toContainEqual(
        expect.objectContaining({
          store: 'postgres',
          database: expect.objectContaining({ schemaVersion: 1 }),
        }),
      );
    }
  });

  it('a token accepted by one replica is refused as a replay by the other (and by itself)', async () => {
    const body = patientViewRequest({ patient: PATIENT });
    const once = await token(SERVICE);
    expect((await call(a, SERVICE, once, body)).status).toBe(200);
    expect((await call(b, SERVICE, once, body)).status).toBe(401);
    expect((await call(a, SERVICE, once, body)).status).toBe(401);
    expect((await call(b, SERVICE, await token(SERVICE), body)).status).toBe(200);
  });

  it('feedback sent to both replicas gives identical summaries that count both halves', async () => {
    const fromA = await issueCard(a);
    const fromB = await issueCard(b);
    const feedback = `${SERVICE}/feedback`;
    const send = async (replica: Replica, card: string, outcome: string): Promise<number> => {
      const item = { card, outcome, outcomeTimestamp: new Date().toISOString() };
      const extra =
        outcome === 'accepted'
          ? { acceptedSuggestions: [{ id: randomUUID() }] }
          : { overrideReason: { userComment: 'not relevant' } };
      const res = await call(replica, feedback, await token(feedback), {
        feedback: [{ ...item, ...extra }],
      });
      return res.status;
    };
    // Each replica gets the feedback on the card the other one issued.
    expect(await send(b, fromA, 'accepted')).toBe(200);
    expect(await send(a, fromB, 'overridden')).toBe(200);

    const expected = {
      serviceId: PATIENT_VIEW,
      rules: [
        {
          ruleId: 'data-quality',
          cardsIssued: 2,
          accepted: 1,
          overridden: 1,
          acceptRate: 0.5,
          overrideRate: 0.5,
        },
      ],
      unattributed: 0,
      skippedLines: 0,
    };
    // Issued cards are recorded just after the answer; wait (bounded) until both are in.
    const deadline = Date.now() + 5000;
    let fromASummary = await summary(a);
    while (JSON.stringify(fromASummary) !== JSON.stringify(expected) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      fromASummary = await summary(a);
    }
    expect(fromASummary).toEqual(expected);
    expect(await summary(b)).toEqual(expected);
  });
});
