/**
 * Operational endpoints, open without a JWT (bind them to a private network or scrape them through
 * the load balancer): `GET /health` answers liveness and readiness together (ready once the rule
 * packs are loaded: at least one active rule) and `GET /metrics` serves this app's Prometheus registry.
 */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../app-context';

/**
 * Registers `/health` and `/metrics`.
 * @param app - the Fastify app
 * @param ctx - the shared app state
 */
export function registerOpsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const activeRules = ctx.ruleSet.rules.filter((r) => r.definition.status === 'active').length;
  app.get('/health', async (_request, reply) => {
    const ready = activeRules > 0;
    return reply.code(ready ? 200 : 503).send({
      status: ready ? 'ok' : 'not-ready',
      live: true,
      ready,
      activeRules,
      contentVersion: ctx.ruleSet.contentVersion,
    });
  });
  app.get('/metrics', async (_request, reply) => {
    const text = await ctx.metrics.registry.metrics();
    return reply.code(200).type(ctx.metrics.registry.contentType).send(text);
  });
}
