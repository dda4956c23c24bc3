/**
 * The one place @soleus/server imports jose. jose 6 is ESM-only: Node ≥ 20.19 can require() it, but
 * jest (CommonJS mode, no transform) cannot, so a consumer's default jest test that loads
 * @soleus/server failed. When the package is packed, `scripts/pack/bundle-jose.mjs` replaces this
 * module's compiled output with a CommonJS bundle of the same jose version (its MIT licence beside
 * it), so the published package never require()s an ESM-only module. In the repository the plain
 * re-export below runs (require(esm)).
 */
export {
  createLocalJWKSet,
  createRemoteJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  jwtVerify,
} from 'jose';
export type { JWTPayload, JWTVerifyGetKey } from 'jose';
