/**
 * Everything N replicas share, on one PostgreSQL database: the feedback store, the JWT replay store
 * and the readiness check, over one bounded pool. Created by `main` when `SOLEUS_DATABASE_URL` is set;
 * the schema is migrated before the replica starts listening.
 */
import type { Pool } from 'pg';
import type { FeedbackStore } from '../feedback/feedback-store';
import type { ReplayStore } from '../auth/replay-store';
import type { ReadinessCheck } from '../health/readiness-check';
import { createPostgresFeedbackStore } from './postgres-feedback-store';
import { createPostgresPool } from './create-postgres-pool';
import { createPostgresReplayStore } from './postgres-replay-store';
import type { DatabaseOptions } from './database-options';
import { migratePostgres, type MigrationReport } from './migrate-postgres';

/** The shared state of a replica. */
export interface PostgresBackend {
  readonly feedbackStore: FeedbackStore;
  readonly replayStore: ReplayStore;
  /** `database`: a `SELECT 1` through the pool. */
  readonly readiness: ReadinessCheck;
  /** Closes the pool after in-flight queries. */
  close(): Promise<void>;
}

/** Where the backend reports what happens in the background (a pino logger fits). */
export interface BackendLog {
  warn(details: object, message: string): void;
}

/**
 * Creates the backend without touching the database (connections open on first use).
 * @param options - URL and pool bounds
 * @param log - receives idle-connection and purge failures (error names only, never the URL)
 * @returns the backend
 */
export function createPostgresBackend(options: DatabaseOptions, log: BackendLog): PostgresBackend {
  return backendOver(poolFor(options, log), log);
}

function poolFor(options: DatabaseOptions, log: BackendLog): Pool {
  return createPostgresPool(options, (err) =>
    log.warn(
      { code: 'SOLEUS_SERVER_STORE_UNAVAILABLE', err: errorName(err) },
      'database connection failed while idle',
    ),
  );
}

function backendOver(pool: Pool, log: BackendLog): PostgresBackend {
  const report = (err: unknown): void =>
    log.warn(
      { code: 'SOLEUS_SERVER_STORE_UNAVAILABLE', err: errorName(err) },
      'jti replay purge failed',
    );
  return {
    feedbackStore: createPostgresFeedbackStore(pool),
    replayStore: createPostgresReplayStore(pool, report),
    readiness: {
      name: 'database',
      check: async () => {
        await pool.query('SELECT 1');
      },
    },
    close: () => pool.end(),
  };
}

/**
 * Creates the backend and brings the schema up to date (one replica migrates, the others wait).
 * @param options - URL and pool bounds
 * @param log - background failures
 * @returns the backend and what the migration did
 * @throws when the database cannot be reached or a migration fails (the pool is closed first)
 */
export async function openPostgresBackend(
  options: DatabaseOptions,
  log: BackendLog,
): Promise<{ readonly backend: PostgresBackend; readonly migration: MigrationReport }> {
  const pool = poolFor(options, log);
  const backend = backendOver(pool, log);
  try {
    return { backend, migration: await migratePostgres(pool) };
  } catch (err) {
    await backend.close().catch(() => undefined);
    throw err;
  }
}

function errorName(err: unknown): string {
  const e = err as { code?: unknown; name?: unknown } | null;
  return String(e?.code ?? e?.name ?? 'error');
}
