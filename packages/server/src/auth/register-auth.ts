/**
 * The bearer-token gate of the CDS endpoints. CDS Hooks sends the JWT on every call, discovery
 * included (§trusting-cds-clients), and `aud` is the exact URL of the endpoint called, so the
 * audience is the configured public base URL plus this request's path. Routes opt in with
 * `config: { auth: true }`; health, metrics and CORS preflights stay open. Any failure is a bare 401:
 * the reason goes to the log as a code, the token never does.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errorOutcome } from '../http/error-outcome';
import type { JwtVerifier } from './jwt-verifier';

/** Route config flag read by the gate. */
export interface AuthRouteConfig {
  readonly auth?: boolean;
}

/**
 * Adds the JWT gate to every route whose config has `auth: true`.
 * @param app - the Fastify app
 * @param verifier - the JWT verifier
 * @param publicBaseUrl - the base URL the EHR calls (no trailing slash)
 * @param clock - the server clock
 */
export function registerAuth(
  app: FastifyInstance,
  verifier: JwtVerifier,
  publicBaseUrl: string,
  clock: () => Date,
): void {
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if ((request.routeOptions.config as AuthRouteConfig).auth !== true) {
      return;
    }
    const token = bearerToken(request.headers.authorization);
    const audience = `${publicBaseUrl}${request.url.split('?')[0] ?? ''}`;
    const verdict = token
      ? await verifier(token, audience, clock())
      : { ok: false as const, reason: 'no-bearer-token' };
    if (verdict.ok) {
      request.log.debug({ iss: verdict.iss, tenant: verdict.tenant, jti: verdict.jti }, 'jwt ok');
      return;
    }
    if (verdict.reason === 'jwks-fetch-failed') {
      // An operator problem (the EHR's key set is unreachable or broken), not a bad client: warn.
      const { reason, jku, cause } = verdict;
      request.log.warn({ code: 'SOLEUS_HOOK_UNAUTHORIZED', reason, jku, cause }, 'jwt refused');
    } else {
      request.log.info({ code: 'SOLEUS_HOOK_UNAUTHORIZED', reason: verdict.reason }, 'jwt refused');
    }
    const { status, body } = errorOutcome('unauthorized');
    await reply.code(status).header('www-authenticate', 'Bearer').send(body);
  });
}

function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}
