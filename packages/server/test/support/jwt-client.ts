/**
 * A spec-derived CDS client signer (CDS Hooks §trusting-cds-clients): keys generated in the test
 * (ES384 and RS384), tokens with `alg`, `kid`, `typ: JWT`, optional `jku` in the header and `iss`,
 * `aud`, `exp`, `iat`, `jti` in the payload. Overrides produce the bad tokens of the refusal table.
 */
import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';

/** A generated signing key with its public JWK. */
export interface TestKey {
  readonly alg: 'ES384' | 'RS384';
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly publicJwk: JWK;
}

/**
 * Generates a key pair and its public JWK.
 * @param alg - ES384 or RS384
 * @param kid - key id
 * @returns the key
 */
export async function generateTestKey(alg: 'ES384' | 'RS384', kid: string): Promise<TestKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' };
  return { alg, kid, privateKey, publicJwk };
}

/** What a token may override. */
export interface TokenSpec {
  readonly key: TestKey;
  readonly iss: string;
  readonly aud: string | string[];
  /** Seconds since epoch; defaults to the test NOW. */
  readonly iat: number;
  readonly expiresIn?: number;
  readonly jti?: string | null;
  readonly kid?: string;
  readonly jku?: string;
  readonly claims?: Record<string, unknown>;
}

/**
 * Signs a client JWT.
 * @param spec - key, claims and header overrides
 * @returns the compact JWS
 */
export async function signToken(spec: TokenSpec): Promise<string> {
  const jti = spec.jti === undefined ? randomUUID() : spec.jti;
  const jwt = new SignJWT({ ...(jti === null ? {} : { jti }), ...spec.claims })
    .setProtectedHeader({
      alg: spec.key.alg,
      kid: spec.kid ?? spec.key.kid,
      typ: 'JWT',
      ...(spec.jku ? { jku: spec.jku } : {}),
    })
    .setIssuer(spec.iss)
    .setAudience(spec.aud)
    .setIssuedAt(spec.iat)
    .setExpirationTime(spec.iat + (spec.expiresIn ?? 300));
  return jwt.sign(spec.key.privateKey);
}

/**
 * Signs an HS256 token (which CDS Hooks forbids).
 * @param payload - claims
 * @returns the compact JWS
 */
export async function signHs256(payload: Record<string, unknown>): Promise<string> {
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'HS256', kid: 'es-1', typ: 'JWT' })
    .sign(new TextEncoder().encode('a-shared-secret-of-at-least-32-bytes!!'));
}

/**
 * Builds an unsigned `alg: none` token.
 * @param payload - claims
 * @returns the token
 */
export function unsignedToken(payload: Record<string, unknown>): string {
  const part = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', kid: 'es-1', typ: 'JWT' })}.${part(payload)}.`;
}
