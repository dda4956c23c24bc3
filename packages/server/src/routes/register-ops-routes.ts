/**
 * Operational endpoints, open without a JWT (bind them to a private network or scrape them through
 * the load balancer): `GET /health` is readiness (ready once the rule packs are loaded, at least one
 * active rule, and every dependency check answers, e.g. the shared database), `GET /health/live` is
 * liveness only (the process serves HTTP; a database outage must not restart replicas), and
 * `GET /metrics` serves this app's Prometheus registry.
 */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../app-context';
import type { ReadinessCheck } from '../health/readiness-check';
import { timeBox } from './time-box';

/** Longest a readiness check may take before it counts as down, ms. */
export const READINESS_TIMEOUT_MS = 2000;

/**
 * Registers `/health`, `/health/live` and `/metrics`.
 * @param app - the Fastify app
 * @param ctx - the shared app state
 */
export function registerOpsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const activeRules = ctx.ruleSet.rules.filter((r) => r.definition.status === 'active').length;
  app.get('/health', async (_request, reply) => {
    const checks = await runChecks(ctx.readinessChecks);
    const ready = activeRules > 0 && Object.values(checks).every((state) => state === 'up');
    return reply.code(ready ? 200 : 503).send({
      status: ready ? 'ok' : 'not-ready',
      live: true,
      ready,
      activeRules,
      contentVersion: ctx.ruleSet.contentVersion,
      checks,
    });
  });
  app.get('/health/live', async (_request, reply) => reply.code(200).send({ live: true }));
  app.get('/metrics', async (_request, reply) => {
    const text = await ctx.metrics.registry.metrics();
    return reply.code(200).type(ctx.metrics.registry.contentType).send(text);
  });
}

async function runChecks(
  checks: readonly ReadinessCheck[],
): Promise<Record<string, 'up' | 'down'>> {
  const states = await Promise.all(
    checks.map(async ({ name, check }) => {
      const boxed = await timeBox(
        check().then(
          () => true,
          () => false,
        ),
        READINESS_TIMEOUT_MS,
      );
      return [name, boxed.done && boxed.value ? 'up' : 'down'] as const;
    }),
  );
  return Object.fromEntries(states);
}
