/**
 * Readiness beyond the rule packs: a dependency the replica needs to serve every call as designed
 * (the shared database). `/health` runs each check inside a time box, so a hanging dependency makes
 * the replica not-ready instead of hanging the probe.
 */

/** One dependency check. */
export interface ReadinessCheck {
  /** Name in the `/health` body, e.g. `database`. */
  readonly name: string;
  /** Resolves when the dependency answers; rejects (or times out) when it does not. */
  readonly check: () => Promise<void>;
}
