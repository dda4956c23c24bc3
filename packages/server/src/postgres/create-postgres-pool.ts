/**
 * The bounded connection pool of one replica: at most `poolMax` connections, a bounded wait for one,
 * a server-side statement timeout and a client-side query timeout, TCP keep-alive to notice dead
 * peers. An idle connection that breaks (database restart, failover) is reported and replaced on the
 * next use; without the `error` listener it would crash the process.
 */
import { Pool } from 'pg';
import type { DatabaseOptions } from './database-options';

/** Pool defaults; the configuration schema documents the same values. */
export const DATABASE_DEFAULTS = {
  poolMax: 10,
  connectionTimeoutMs: 2000,
  statementTimeoutMs: 5000,
  idleTimeoutMs: 30_000,
} as const;

/**
 * Creates the pool (connections open lazily).
 * @param options - URL and bounds
 * @param onIdleError - told when an idle connection fails (log it; never the URL)
 * @returns the pool
 */
export function createPostgresPool(
  options: DatabaseOptions,
  onIdleError: (err: Error) => void,
): Pool {
  const statementTimeoutMs = options.statementTimeoutMs ?? DATABASE_DEFAULTS.statementTimeoutMs;
  const pool = new Pool({
    connectionString: options.url,
    max: options.poolMax ?? DATABASE_DEFAULTS.poolMax,
    connectionTimeoutMillis: options.connectionTimeoutMs ?? DATABASE_DEFAULTS.connectionTimeoutMs,
    idleTimeoutMillis: options.idleTimeoutMs ?? DATABASE_DEFAULTS.idleTimeoutMs,
    statement_timeout: statementTimeoutMs,
    // The client gives up a little after the server would have cancelled, e.g. on a dead link.
    query_timeout: statementTimeoutMs + 1000,
    keepAlive: true,
    application_name: 'soleus-server',
  });
  pool.on('error', onIdleError);
  return pool;
}
