/**
 * `GET /cds-services`: discovery (CDS Hooks §discovery, REQ 4–12), built once from the loaded rule
 * set. Guarded by the JWT gate like every CDS endpoint: clients send the JWT on discovery too, with
 * `aud` = `{base}/cds-services`.
 */
import type { FastifyInstance } from 'fastify';
import { buildDiscovery } from '@soleus/fhir';
import type { AppContext } from '../app-context';

/**
 * Registers the discovery route.
 * @param app - the Fastify app
 * @param ctx - the shared app state
 */
export function registerDiscoveryRoute(app: FastifyInstance, ctx: AppContext): void {
  const discovery = buildDiscovery(ctx.ruleSet);
  app.get('/cds-services', { config: { auth: true } }, async (_request, reply) =>
    reply.code(200).send(discovery),
  );
}
