/**
 * What "the database is down" must look like from outside, shared by the suite without PostgreSQL
 * (a backend pointed at a closed port) and the PostgreSQL suite (a real database behind a cut proxy):
 * hook calls still answer in local mode, a JWT is refused (the replay check fails closed), feedback
 * and its summary answer 503 with Retry-After, `/health` is not-ready while `/health/live` stays up,
 * and nothing waits longer than the configured bounds.
 */
import type { FastifyInstance } from 'fastify';
import { PARTIAL_PATIENT, PATIENT, patientViewRequest } from './cds-requests';
import { PATIENT_VIEW } from './test-rule-set';

const SERVICE = `/cds-services/${PATIENT_VIEW}`;

/** Two apps over the same unavailable database. */
export interface DownApps {
  /** Local mode (no JWT). */
  readonly local: FastifyInstance;
  /** JWT-gated, its replay store in the database. */
  readonly secured: FastifyInstance;
  /** A fresh, valid bearer token for a path of `secured`. */
  readonly tokenFor: (path: string) => Promise<string>;
  /** Longest any answer may take, ms. */
  readonly withinMs: number;
}

/**
 * Asserts the outage behaviour.
 * @param apps - the apps under test
 */
export async function expectDatabaseDownBehaviour(apps: DownApps): Promise<void> {
  const { local, secured } = apps;
  const started = performance.now();

  const hook = await local.inject({
    method: 'POST',
    url: SERVICE,
    payload: patientViewRequest(PARTIAL_PATIENT),
  });
  expect(hook.statusCode).toBe(200);
  expect(hook.json<{ cards: unknown[] }>().cards).toHaveLength(1);

  const gated = await secured.inject({
    method: 'POST',
    url: SERVICE,
    headers: { authorization: `Bearer ${await apps.tokenFor(SERVICE)}` },
    payload: patientViewRequest({ patient: PATIENT }),
  });
  expect(gated.statusCode).toBe(401);

  const feedback = await local.inject({
    method: 'POST',
    url: `${SERVICE}/feedback`,
    payload: {
      feedback: [
        {
          card: 'c-1',
          outcome: 'overridden',
          outcomeTimestamp: '2026-01-15T10:00:00Z',
          overrideReason: { userComment: 'n/a' },
        },
      ],
    },
  });
  expect(feedback.statusCode).toBe(503);
  expect(feedback.headers['retry-after']).toBe('30');
  expect(feedback.json()).toMatchObject({
    issue: [{ code: 'transient', details: { text: 'SOLEUS_SERVER_STORE_UNAVAILABLE' } }],
  });
  expect(
    (await local.inject({ method: 'GET', url: `${SERVICE}/feedback/summary` })).statusCode,
  ).toBe(503);

  const health = await local.inject({ method: 'GET', url: '/health' });
  expect(health.statusCode).toBe(503);
  expect(health.json()).toMatchObject({
    ready: false,
    status: 'not-ready',
    checks: { database: 'down' },
  });
  expect((await local.inject({ method: 'GET', url: '/health/live' })).statusCode).toBe(200);

  expect(performance.now() - started).toBeLessThan(apps.withinMs);
}
