/**
 * Explicit local mode: with no trusted JWT issuer the CDS endpoints are unauthenticated, so the
 * server may only listen on loopback, unless the operator sets the insecure flag on purpose.
 */
import { isIP } from 'node:net';
import { SoleusError } from '@soleus/core';

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

/**
 * Tells whether a listen host is loopback only.
 * @param host - the host to bind
 * @returns true for localhost, 127.0.0.0/8 and ::1
 */
export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_NAMES.has(host) || (isIP(host) === 4 && host.startsWith('127.'));
}

/**
 * Refuses a non-loopback bind in local mode.
 * @param host - the host to bind
 * @param authenticated - whether trusted issuers are configured
 * @param allowInsecure - the explicit insecure flag
 * @throws {SOLEUS_SERVER_INSECURE_BIND} when unauthenticated, not loopback and not explicitly allowed
 */
export function assertBindAllowed(
  host: string,
  authenticated: boolean,
  allowInsecure: boolean,
): void {
  if (authenticated || allowInsecure || isLoopbackHost(host)) {
    return;
  }
  throw new SoleusError(
    'SOLEUS_SERVER_INSECURE_BIND',
    `HOST: expected a loopback address (127.0.0.1, ::1, localhost) because no JWT issuer is configured; found "${host}". Configure auth.issuers or set SOLEUS_ALLOW_INSECURE_BIND=1 for a throw-away test`,
  );
}
