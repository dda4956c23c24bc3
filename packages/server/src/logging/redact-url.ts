/**
 * Request URLs as they may be logged: the values of query parameters that carry credentials
 * (`access_token`, `token`, `code`, `client_secret`, `password`, API keys …) and any user-info of an
 * absolute URL are replaced by `[REDACTED]`. A client that puts its token in the query string (allowed
 * by RFC 6750 §2.3, used by some EHR test tools) must not leave it in the service's logs.
 */

/** Query parameter names (lower case) whose values are credentials. */
const SECRET_PARAMS = new Set([
  'access_token',
  'token',
  'id_token',
  'refresh_token',
  'code',
  'client_secret',
  'client_assertion',
  'assertion',
  'password',
  'pass',
  'secret',
  'api_key',
  'apikey',
  'key',
  'jwt',
  'sig',
  'signature',
  'session',
  'auth',
  'authorization',
]);

/** What replaces a secret. */
export const REDACTED = '[REDACTED]';

/**
 * Redacts the credentials of a URL or request target.
 * @param url - `/path?query`, or an absolute URL
 * @returns the same URL with secret parameter values and user-info replaced
 */
export function redactUrl(url: string): string {
  const withoutUserInfo = url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@?#]*@/i, `$1${REDACTED}@`);
  const queryAt = withoutUserInfo.indexOf('?');
  if (queryAt === -1) {
    return withoutUserInfo;
  }
  const hashAt = withoutUserInfo.indexOf('#', queryAt);
  const end = hashAt === -1 ? withoutUserInfo.length : hashAt;
  const query = withoutUserInfo
    .slice(queryAt + 1, end)
    .split(/([&;])/)
    .map((part) => {
      const eq = part.indexOf('=');
      const name = safeDecode(eq === -1 ? part : part.slice(0, eq)).toLowerCase();
      return eq !== -1 && SECRET_PARAMS.has(name) ? `${part.slice(0, eq)}=${REDACTED}` : part;
    })
    .join('');
  return `${withoutUserInfo.slice(0, queryAt + 1)}${query}${withoutUserInfo.slice(end)}`;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}
