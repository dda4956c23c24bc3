/**
 * A bounded `jti` replay cache (CDS Hooks best practice: reject a `jti` already seen, keeping seen
 * values for the longest token lifetime). Entries live until the token's own expiry plus skew; when
 * the cache is full the oldest entry is dropped, which only reopens a window for a token that old.
 */

/** Remembers nonces until they expire. */
export class ReplayCache {
  private readonly seen = new Map<string, number>();

  /**
   * @param maxEntries - most nonces remembered at once
   */
  constructor(private readonly maxEntries: number) {}

  /**
   * Records a nonce unless it is already known and unexpired.
   * @param key - issuer-scoped nonce (`iss` + `jti`)
   * @param expiresAtMs - when the nonce may be forgotten (epoch ms)
   * @param nowMs - the current instant (epoch ms)
   * @returns true when the nonce was new, false for a replay
   */
  remember(key: string, expiresAtMs: number, nowMs: number): boolean {
    const known = this.seen.get(key);
    if (known !== undefined && known > nowMs) {
      return false;
    }
    this.seen.delete(key);
    this.evict(nowMs);
    this.seen.set(key, expiresAtMs);
    return true;
  }

  /** Number of nonces held (for tests and metrics). */
  get size(): number {
    return this.seen.size;
  }

  private evict(nowMs: number): void {
    for (const [key, expiresAt] of this.seen) {
      if (this.seen.size < this.maxEntries && expiresAt > nowMs) {
        return;
      }
      this.seen.delete(key);
    }
  }
}
