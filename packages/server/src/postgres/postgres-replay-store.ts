/**
 * The JWT `jti` replay cache of N replicas: a nonce seen by any replica is a replay on every other.
 * The check-and-record is one atomic upsert: a new nonce (or one whose entry expired) is written and
 * returned; an unexpired one makes the conditional update match nothing, so two replicas racing on the
 * same token cannot both accept it. Keys are stored as SHA-256 digests: fixed size whatever the
 * client's `jti`, and no NUL bytes (PostgreSQL text cannot hold them). Expired rows are purged at most
 * once a minute of the verifier's clock, in the background.
 */
import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import type { ReplayStore } from '../auth/replay-store';

const REMEMBER_SQL = `
  INSERT INTO soleus_jwt_replay (nonce_hash, expires_at_ms) VALUES ($1, $2)
  ON CONFLICT (nonce_hash) DO UPDATE SET expires_at_ms = EXCLUDED.expires_at_ms
  WHERE soleus_jwt_replay.expires_at_ms <= $3
  RETURNING 1`;

const PURGE_INTERVAL_MS = 60_000;

/**
 * Creates the shared replay store over a migrated database.
 * @param pool - the shared connection pool
 * @param onPurgeError - told when a background purge fails (the next one retries)
 * @returns the store; `remember` rejects when the database cannot answer (the verifier fails closed)
 */
export function createPostgresReplayStore(
  pool: Pool,
  onPurgeError: (err: unknown) => void = () => undefined,
): ReplayStore {
  let lastPurgeMs = -Infinity;
  return {
    remember: async (key, expiresAtMs, nowMs) => {
      const hash = createHash('sha256').update(key).digest('hex');
      const result = await pool.query(REMEMBER_SQL, [
        hash,
        Math.ceil(expiresAtMs),
        Math.floor(nowMs),
      ]);
      if (nowMs - lastPurgeMs >= PURGE_INTERVAL_MS) {
        lastPurgeMs = nowMs;
        pool
          .query('DELETE FROM soleus_jwt_replay WHERE expires_at_ms <= $1', [Math.floor(nowMs)])
          .catch(onPurgeError);
      }
      return result.rowCount === 1;
    },
  };
}
