/**
 * Which `jku` URLs may be allow-listed: https on any host, plain http only on a loopback host
 * (`localhost`, `127.0.0.0/8`, `[::1]`) — a test kit such as Inferno serves its JWKS at
 * `http://localhost/...` when run locally, and nothing on the network can sit between the two.
 */

const LOOPBACK_HOSTS = new Set(['localhost', '[::1]']);

/**
 * Tells whether a URL may be fetched as a JWK Set.
 * @param value - a configured `jku`
 * @returns true for an absolute https URL, or an http URL on a loopback host
 */
export function isAcceptableJku(value: unknown): boolean {
  if (typeof value !== 'string') {
    return false;
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol === 'https:') {
    return true;
  }
  return (
    url.protocol === 'http:' &&
    (LOOPBACK_HOSTS.has(url.hostname) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(url.hostname))
  );
}
