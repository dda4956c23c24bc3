/**
 * Applies pending schema migrations at start. Replicas may start together, so the whole run holds a
 * transaction-scoped advisory lock: one replica migrates, the others wait and then find nothing to
 * do. Each migration and its bookkeeping row commit together, so a failed start leaves the schema at
 * the last complete step.
 */
import type { Pool } from 'pg';
import { MIGRATIONS, type Migration } from './postgres-migrations';

/** Advisory lock key of the migration run ("soleus" in ASCII, as a number). */
const MIGRATION_LOCK = 0x736f6c657573;

/** What a run did. */
export interface MigrationReport {
  /** Versions applied by this run. */
  readonly applied: readonly number[];
  /** Highest version now in the database (may exceed this release's during a rolling update). */
  readonly current: number;
}

/**
 * Brings the database schema up to date.
 * @param pool - the connection pool
 * @param migrations - the migrations (default: the shipped ones)
 * @returns the versions applied and the current version
 */
export async function migratePostgres(
  pool: Pool,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<MigrationReport> {
  const client = await pool.connect();
  let failed = false;
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(
      `CREATE TABLE IF NOT EXISTS soleus_schema_migrations (
         version integer PRIMARY KEY,
         name text NOT NULL,
         applied_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
    const done = await client.query<{ version: number }>(
      'SELECT version FROM soleus_schema_migrations',
    );
    const known = new Set(done.rows.map((r) => r.version));
    const pending = migrations.filter((m) => !known.has(m.version));
    for (const migration of pending) {
      await client.query(migration.sql);
      await client.query('INSERT INTO soleus_schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
    }
    await client.query('COMMIT');
    const versions = [...known, ...pending.map((m) => m.version)];
    return { applied: pending.map((m) => m.version), current: Math.max(0, ...versions) };
  } catch (err) {
    failed = true;
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release(failed); // a failed connection is discarded, not returned to the pool
  }
}
