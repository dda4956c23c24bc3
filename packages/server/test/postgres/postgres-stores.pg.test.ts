/**
 * The PostgreSQL stores against a real server: migrations (idempotent, safe when replicas start
 * together), the feedback store (the SQL aggregate equals the JSON summariser on the shared scenario;
 * a batch is stored whole or not at all) and the jti replay store (atomic across connections).
 */
import { Pool } from 'pg';
import type { FeedbackRecord } from '../../src/feedback/feedback-store';
import { summarizeFeedback } from '../../src/feedback/summarize-feedback';
import { migratePostgres } from '../../src/postgres/migrate-postgres';
import { createPostgresFeedbackStore } from '../../src/postgres/postgres-feedback-store';
import { createPostgresReplayStore } from '../../src/postgres/postgres-replay-store';
import { SCENARIO_BATCHES, SCENARIO_SUMMARY } from '../support/feedback-scenario';
import { createTestDatabase, type TestDatabase } from './support/test-database';

let db: TestDatabase;
let pool: Pool;

beforeAll(async () => {
  db = await createTestDatabase();
  pool = new Pool({ connectionString: db.url, max: 4 });
});

afterAll(async () => {
  await pool.end();
  await db.drop();
});

describe('migratePostgres', () => {
  it('applies every migration once, even when replicas start together', async () => {
    const others = [new Pool({ connectionString: db.url }), new Pool({ connectionString: db.url })];
    const reports = await Promise.all([pool, ...others].map((p) => migratePostgres(p)));
    await Promise.all(others.map((p) => p.end()));
    expect(reports.flatMap((r) => r.applied)).toEqual([1]);
    expect(reports.map((r) => r.current)).toEqual([1, 1, 1]);
    expect((await migratePostgres(pool)).applied).toEqual([]);
    const { rows } = await pool.query('SELECT version, name FROM soleus_schema_migrations');
    expect(rows).toEqual([{ version: 1, name: 'feedback store and jti replay cache' }]);
  });
});

describe('PostgreSQL feedback store', () => {
  beforeAll(async () => {
    const store = createPostgresFeedbackStore(pool);
    for (const batch of SCENARIO_BATCHES) {
      await store.append(batch);
    }
  });

  it.each(['pv', 'os'] as const)(
    'the SQL summary of service %s equals the JSON summariser’s',
    async (serviceId) => {
      const store = createPostgresFeedbackStore(pool);
      expect(await store.summarize?.(serviceId)).toEqual(SCENARIO_SUMMARY[serviceId]);
    },
  );

  it('read() gives back records that summarise the same', async () => {
    const { records, issues } = await createPostgresFeedbackStore(pool).read();
    expect(issues).toEqual([]);
    expect(summarizeFeedback(records, 'pv')).toEqual(SCENARIO_SUMMARY.pv);
    expect(records).toContainEqual(
      expect.objectContaining({
        kind: 'feedback',
        card: 'c1',
        outcomeTimestamp: '2026-01-15T11:00:00+02:00',
        overrideReason: 'https://soleus.dev/fhir/CodeSystem/override-reason|already-addressed',
      }),
    );
  });

  it('a batch is stored whole or not at all', async () => {
    const store = createPostgresFeedbackStore(pool);
    const good: FeedbackRecord = {
      kind: 'feedback',
      at: '2026-01-15T10:00:00Z',
      serviceId: 'atomic',
      card: 'a1',
      outcome: 'accepted',
      outcomeTimestamp: '2026-01-15T10:00:00Z',
    };
    const bad = { ...good, card: 'a2', outcome: 'maybe' } as unknown as FeedbackRecord;
    await expect(store.append([good, bad])).rejects.toThrow();
    expect(await store.summarize?.('atomic')).toEqual({ rules: [], unattributed: 0 });
  });
});

describe('PostgreSQL jti replay store', () => {
  const replay = (): ReturnType<typeof createPostgresReplayStore> =>
    createPostgresReplayStore(pool);

  it('a new nonce is accepted, the same one before expiry is a replay, after expiry it is new', async () => {
    const store = replay();
    expect(await store.remember('iss\u0000jti-1', 2000, 1000)).toBe(true);
    expect(await store.remember('iss\u0000jti-1', 2000, 1500)).toBe(false);
    expect(await store.remember('iss\u0000jti-1', 4000, 2000)).toBe(true);
    expect(await store.remember('iss\u0000jti-2', 4000, 2000)).toBe(true);
  });

  it('two replicas racing on one token: exactly one accepts it', async () => {
    const stores = [replay(), replay(), replay(), replay()];
    const verdicts = await Promise.all(stores.map((s) => s.remember('iss\u0000race', 9000, 1000)));
    expect(verdicts.filter(Boolean)).toHaveLength(1);
  });

  it('expired nonces are purged in the background', async () => {
    const store = replay();
    await store.remember('iss\u0000old', 5000, 1000);
    await store.remember('iss\u0000trigger', 90_000, 70_000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const { rows } = await pool.query<{ n: string }>(
      'SELECT count(*) AS n FROM soleus_jwt_replay WHERE expires_at_ms <= 70000',
    );
    expect(Number(rows[0]?.n)).toBe(0);
  });
});
