/**
 * CDS client JWT verification with jose (CDS Hooks §trusting-cds-clients; best-practice checklist):
 * the header's `alg` must be an allowed asymmetric algorithm (never `none` or HMAC, REQ 201/203), `kid`
 * must be present, `iss` must be a trusted issuer, `aud` must be the exact endpoint URL, exp/iat/nbf
 * hold within the skew, the lifetime is bounded, `tenant` is allow-listed when configured, and a `jti`
 * is accepted once. Extra claims (Epic's `sub`) are tolerated.
 *
 * The key: a `jku` on the issuer's allow-list is fetched (cached by kid, refetched on an unknown kid);
 * otherwise an issuer with a static JWKS is verified against it by `kid`, whatever `jku` the token
 * names (`jku` is optional in CDS Hooks and clients such as the sandbox always send one) — a token
 * can only name a key, never supply one. A `jku` that is neither allow-listed nor backed by a static
 * JWKS is refused. The verdict carries only a reason code (and, for a JWKS fetch failure, the `jku`
 * and its cause) for the log: the client gets a bare 401.
 */
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
} from '../vendor/jose';
import { DEFAULT_ALGORITHMS, type AuthOptions, type TrustedIssuer } from './auth-options';
import { isAcceptableJku } from './is-acceptable-jku';
import { createMemoryReplayStore, type ReplayStore } from './replay-store';

/** The outcome of a verification: the trusted claims, or a reason code for the log only. */
export type JwtVerdict =
  | { readonly ok: true; readonly iss: string; readonly tenant?: string; readonly jti: string }
  | {
      readonly ok: false;
      readonly reason: string;
      /** The allow-listed `jku` whose fetch failed (reason `jwks-fetch-failed`). */
      readonly jku?: string;
      /** Why that fetch failed: a jose or network error code, never a token. */
      readonly cause?: string;
    };

/** Verifies the bearer token of one call against the exact endpoint URL. */
export type JwtVerifier = (token: string, audience: string, now: Date) => Promise<JwtVerdict>;

const REFUSED_ALGORITHMS = /^(none|HS\d+)$/i;

/**
 * Builds a verifier for the configured issuers.
 * @param options - trusted issuers and bounds
 * @param replayStore - where seen `jti` values live (default: in memory, `replayCacheSize` entries);
 *   shared by all replicas when they run against one database
 * @returns the verifier; it never throws
 */
export function createJwtVerifier(options: AuthOptions, replayStore?: ReplayStore): JwtVerifier {
  const algorithms = (options.algorithms ?? DEFAULT_ALGORITHMS).filter(
    (alg) => !REFUSED_ALGORITHMS.test(alg),
  );
  const skew = options.clockSkewSeconds ?? 60;
  const maxLifetime = options.maxTokenLifetimeSeconds ?? 3600;
  const replay = replayStore ?? createMemoryReplayStore(options.replayCacheSize ?? 100_000);
  const keySets = createKeySetResolver(options);
  const issuers = new Map(options.issuers.map((issuer) => [issuer.iss, issuer]));
  return async (token, audience, now) => {
    const pre = precheck(token, algorithms, issuers);
    if (!pre.ok) {
      return pre;
    }
    const getKey = keySets(pre.issuer, pre.jku);
    if (!getKey) {
      return { ok: false, reason: pre.jku === undefined ? 'no-jku' : 'untrusted-jku' };
    }
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, getKey, {
        algorithms,
        issuer: pre.issuer.iss,
        audience,
        clockTolerance: skew,
        maxTokenAge: maxLifetime,
        currentDate: now,
        requiredClaims: ['iss', 'aud', 'exp', 'iat', 'jti'],
      }));
    } catch (err) {
      return err instanceof JwksFetchFailure
        ? { ok: false, reason: 'jwks-fetch-failed', jku: err.jku, cause: err.reason }
        : { ok: false, reason: joseCode(err) };
    }
    return checkClaims(payload, pre.issuer, replay, { nowMs: now.getTime(), skewMs: skew * 1000 });
  };
}

interface Precheck {
  readonly ok: true;
  readonly issuer: TrustedIssuer;
  readonly jku?: string;
}

function precheck(
  token: string,
  algorithms: readonly string[],
  issuers: ReadonlyMap<string, TrustedIssuer>,
): Precheck | { readonly ok: false; readonly reason: string } {
  try {
    const header = decodeProtectedHeader(token);
    if (typeof header.alg !== 'string' || !algorithms.includes(header.alg)) {
      return { ok: false, reason: 'alg-refused' };
    }
    if (typeof header.kid !== 'string' || (header.typ !== undefined && header.typ !== 'JWT')) {
      return { ok: false, reason: 'header-invalid' };
    }
    const issuer = issuers.get(String(decodeJwt(token).iss));
    if (!issuer) {
      return { ok: false, reason: 'untrusted-iss' };
    }
    return typeof header.jku === 'string'
      ? { ok: true, issuer, jku: header.jku }
      : { ok: true, issuer };
  } catch {
    return { ok: false, reason: 'malformed' };
  }
}

async function checkClaims(
  payload: JWTPayload,
  issuer: TrustedIssuer,
  replay: ReplayStore,
  time: { readonly nowMs: number; readonly skewMs: number },
): Promise<JwtVerdict> {
  const tenant = typeof payload['tenant'] === 'string' ? payload['tenant'] : undefined;
  if (issuer.tenants && (tenant === undefined || !issuer.tenants.includes(tenant))) {
    return { ok: false, reason: 'untrusted-tenant' };
  }
  const jti = String(payload.jti);
  // Kept until the token could no longer pass the exp check anyway.
  const forgetAtMs = (payload.exp ?? 0) * 1000 + time.skewMs;
  let fresh: boolean;
  try {
    fresh = await replay.remember(`${issuer.iss}\u0000${jti}`, forgetAtMs, time.nowMs);
  } catch {
    // Fail closed: without the shared memory of seen nonces a replay cannot be ruled out.
    return { ok: false, reason: 'replay-store-unavailable' };
  }
  if (!fresh) {
    return { ok: false, reason: 'replayed-jti' };
  }
  return tenant === undefined
    ? { ok: true, iss: issuer.iss, jti }
    : { ok: true, iss: issuer.iss, tenant, jti };
}

/** One key source per static JWKS and per allow-listed `jku`, built once and reused. */
function createKeySetResolver(
  options: AuthOptions,
): (issuer: TrustedIssuer, jku: string | undefined) => JWTVerifyGetKey | undefined {
  const local = new Map<string, JWTVerifyGetKey>();
  const remote = new Map<string, JWTVerifyGetKey>();
  for (const issuer of options.issuers) {
    if (issuer.jwks) {
      local.set(issuer.iss, createLocalJWKSet(issuer.jwks));
    }
    for (const url of (issuer.jkuAllowList ?? []).filter(isAcceptableJku)) {
      if (!remote.has(url)) {
        const fetchKeySet = createRemoteJWKSet(new URL(url), {
          cooldownDuration: options.jwksCooldownMs ?? 30_000,
          cacheMaxAge: options.jwksCacheMaxAgeMs ?? 600_000,
          timeoutDuration: options.jwksTimeoutMs ?? 5000,
        });
        remote.set(url, namingFetchFailures(url, fetchKeySet));
      }
    }
  }
  return (issuer, jku) => {
    if (jku !== undefined && issuer.jkuAllowList?.includes(jku)) {
      return remote.get(jku);
    }
    return local.get(issuer.iss);
  };
}

/** A remote JWK Set could not be had (HTTP error, timeout, refused connection, not a key set). */
class JwksFetchFailure extends Error {
  constructor(
    readonly jku: string,
    readonly reason: string,
  ) {
    super(`JWKS fetch failed: ${reason}`);
  }
}

/** jose errors that mean "the key set was read but names no usable key", not a failed fetch. */
const KEY_SELECTION_ERRORS = new Set([
  'ERR_JWKS_NO_MATCHING_KEY',
  'ERR_JWKS_MULTIPLE_MATCHING_KEYS',
  'ERR_JOSE_NOT_SUPPORTED',
  'ERR_JOSE_ALG_NOT_ALLOWED',
]);

function namingFetchFailures(jku: string, getKey: JWTVerifyGetKey): JWTVerifyGetKey {
  return async (header, token) => {
    try {
      return await getKey(header, token);
    } catch (err) {
      const code = joseCode(err);
      if (KEY_SELECTION_ERRORS.has(code)) {
        throw err;
      }
      throw new JwksFetchFailure(jku, code === 'verify-failed' ? networkCode(err) : code);
    }
  };
}

/** undici's `fetch failed` TypeError carries the socket error code in its cause (ECONNREFUSED …). */
function networkCode(err: unknown): string {
  const cause = (err as { cause?: { code?: unknown } } | null)?.cause?.code;
  if (typeof cause === 'string') {
    return cause;
  }
  return err instanceof Error ? err.name : 'unknown';
}

function joseCode(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'verify-failed';
}
