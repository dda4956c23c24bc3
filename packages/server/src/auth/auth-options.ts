/**
 * Client-JWT trust configuration (CDS Hooks §trusting-cds-clients, REQ 195–205): which issuers are
 * trusted, where their keys come from, and the bounds on algorithms, skew, lifetime and replay.
 */
import type { JsonWebKey } from 'node:crypto';

/**
 * A JSON Web Key Set (RFC 7517 §5) as an EHR publishes it. Declared here rather than taken from jose
 * so that the published types do not depend on jose, which the package bundles (see vendor/jose.ts).
 */
export interface JsonWebKeySet {
  readonly keys: JsonWebKey[];
}

/** One trusted CDS client (an EHR). */
export interface TrustedIssuer {
  /** Exact `iss` claim value. */
  readonly iss: string;
  /**
   * Keys exchanged out of band (REQ 199), chosen by `kid`. Used for every token of this issuer whose
   * `jku` is absent or not on `jkuAllowList` (the `jku` is then never fetched).
   */
  readonly jwks?: JsonWebKeySet;
  /**
   * `jku` URLs of this issuer that are fetched (https; http only on a loopback host). Without a static
   * `jwks`, a token naming any other `jku` is refused.
   */
  readonly jkuAllowList?: readonly string[];
  /** When set, the token's `tenant` claim must be one of these. */
  readonly tenants?: readonly string[];
}

/** Client-JWT verification options. */
export interface AuthOptions {
  readonly issuers: readonly TrustedIssuer[];
  /** Accepted `alg` values (default ES384, RS384). `none` and HMAC are refused whatever this says. */
  readonly algorithms?: readonly string[];
  /** Tolerated clock skew on exp/iat/nbf, seconds (default 60). */
  readonly clockSkewSeconds?: number;
  /** Longest accepted token lifetime (now − iat), seconds (default 3,600); also the replay-cache TTL bound. */
  readonly maxTokenLifetimeSeconds?: number;
  /** Most `jti` values remembered (default 100,000); the oldest go first when full. */
  readonly replayCacheSize?: number;
  /** Shortest gap between two `jku` refetches for an unknown `kid`, ms (default 30,000). */
  readonly jwksCooldownMs?: number;
  /** Age after which a fetched `jku` key set is refetched, ms (default 600,000). */
  readonly jwksCacheMaxAgeMs?: number;
  /** Time box of one `jku` fetch, ms (default 5,000). */
  readonly jwksTimeoutMs?: number;
}

/** Default accepted algorithms (REQ 205: ES384 and RS384 are recommended). */
export const DEFAULT_ALGORITHMS: readonly string[] = ['ES384', 'RS384'];
