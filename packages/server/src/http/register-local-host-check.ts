/**
 * DNS-rebinding guard of local mode: with no JWT issuer the endpoints are unauthenticated and bound to
 * loopback, but a web page on a hostile domain that re-resolves to 127.0.0.1 could still drive them
 * from the user's browser. Its requests carry the hostile name in `Host`, so only loopback names are
 * answered (`localhost`, 127.0.0.0/8, `[::1]`, any port); the rest get 403 before any route runs.
 */
import type { FastifyInstance } from 'fastify';
import { isLoopbackHost } from '../config/assert-bind-allowed';
import { errorOutcome } from './error-outcome';

/**
 * Installs the Host check as the first onRequest hook.
 * @param app - the Fastify app
 */
export function registerLocalHostCheck(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    const name = hostName(request.headers.host);
    if (name === undefined || !isLoopbackHost(name)) {
      request.log.warn(
        { code: 'SOLEUS_SERVER_HOST_REFUSED' },
        'non-loopback Host refused in local mode',
      );
      const { status, body } = errorOutcome('forbiddenHost');
      return reply.code(status).type('application/json').send(body);
    }
    return undefined;
  });
}

/**
 * The host name of a Host header, without its port.
 * @param header - `localhost:3000`, `[::1]:3000`, `127.0.0.1` …
 * @returns the name (`[::1]` keeps its brackets), or undefined without a header
 */
export function hostName(header: string | undefined): string | undefined {
  if (header === undefined || header === '') {
    return undefined;
  }
  if (header.startsWith('[')) {
    const end = header.indexOf(']');
    return end === -1 ? undefined : header.slice(0, end + 1);
  }
  return header.split(':')[0]?.toLowerCase();
}
