/**
 * Where seen JWT `jti` values are remembered. One replica can keep them in memory; N replicas behind a
 * load balancer must share them (PostgreSQL), or a token replayed on another replica is accepted.
 * The check is asynchronous for that reason, and a store that cannot answer rejects: the verifier
 * then refuses the token (fails closed), since accepting it could accept a replay.
 */
import { ReplayCache } from './replay-cache';

/** A shared or local set of seen nonces. */
export interface ReplayStore {
  /**
   * Records a nonce unless it is already known and unexpired.
   * @param key - issuer-scoped nonce (`iss` + `jti`)
   * @param expiresAtMs - when the nonce may be forgotten (epoch ms)
   * @param nowMs - the current instant (epoch ms)
   * @returns true when the nonce was new, false for a replay; rejects when the store is unavailable
   */
  remember(key: string, expiresAtMs: number, nowMs: number): Promise<boolean>;
}

/**
 * The single-replica default: a bounded in-memory cache.
 * @param maxEntries - most nonces remembered at once
 * @returns the store
 */
export function createMemoryReplayStore(maxEntries: number): ReplayStore {
  const cache = new ReplayCache(maxEntries);
  return {
    remember: (key, expiresAtMs, nowMs) => Promise.resolve(cache.remember(key, expiresAtMs, nowMs)),
  };
}
