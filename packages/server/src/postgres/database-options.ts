/**
 * How a replica reaches the PostgreSQL database that all replicas share (`database` in the config,
 * `SOLEUS_DATABASE_URL` and friends in the environment). Defaults live in the configuration schema.
 */

/** PostgreSQL connection and pool bounds. */
export interface DatabaseOptions {
  /** Connection URL (`postgres://user:password@host:5432/db`); a credential, never logged. */
  readonly url: string;
  /** Most connections this replica opens (default 10). */
  readonly poolMax?: number;
  /** Longest wait for a connection, ms (default 2,000). */
  readonly connectionTimeoutMs?: number;
  /** Longest a statement may run, ms (default 5,000). */
  readonly statementTimeoutMs?: number;
  /** Idle connections close after this long, ms (default 30,000). */
  readonly idleTimeoutMs?: number;
}
