/**
 * `POST /cds-services/{id}`: the service call. The server supplies `now` from its clock, runs the
 * transport-neutral `handleCdsRequest` inside the evaluation time box, and on timeout fails open to
 * `{"cards": []}` with a warning (the EHR must not wait on us). One structured log line per call
 * carries hookInstance, service id, status, fired rule ids, issue codes and timings: no PHI, no tokens.
 * An unexpected exception (a 500) is logged at error level with its type and stack frames and counted
 * as `soleus_errors_total{kind="internal"}`; cards or suggestions the handler dropped for breaking the
 * CDS Hooks response rules are logged at error level too (`kind="invalid-response"`).
 * Cards issued are recorded (uuid → rule id) for feedback analytics without delaying the answer.
 */
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { handleCdsRequest, servicesOf, type CdsCard, type CdsResult } from '@soleus/fhir';
import type { AppContext } from '../app-context';
import { timeBox } from './time-box';

/**
 * Registers the service-call route.
 * @param app - the Fastify app
 * @param ctx - the shared app state
 */
export function registerServiceRoute(app: FastifyInstance, ctx: AppContext): void {
  app.post<{ Params: { id: string } }>(
    '/cds-services/:id',
    { config: { auth: true } },
    async (request, reply) => {
      const serviceId = request.params.id;
      const known = servicesOf(ctx.ruleSet).has(serviceId);
      const now = ctx.clock();
      const started = performance.now();
      const call = handleCdsRequest(serviceId, request.body, {
        ruleSet: ctx.ruleSet,
        now: now.toISOString(),
        prefetchTimeoutMs: ctx.prefetchTimeoutMs,
        ...(ctx.prefetchMaxBytes === undefined ? {} : { prefetchMaxBytes: ctx.prefetchMaxBytes }),
        ...(ctx.fetch ? { fetch: ctx.fetch } : {}),
        ...(ctx.explain ? { explain: true } : {}),
        ...(ctx.rxnormIndex ? { rxnormIndex: ctx.rxnormIndex } : {}),
        ...(ctx.publicBaseUrl ? { serviceBaseUrl: ctx.publicBaseUrl } : {}),
      });
      const boxed = await timeBox(call, ctx.evaluationTimeoutMs);
      const seconds = (performance.now() - started) / 1000;
      ctx.metrics.serviceLatency.observe({ service: known ? serviceId : 'unknown' }, seconds);
      const hookInstance = hookInstanceOf(request.body);
      if (!boxed.done) {
        ctx.metrics.errors.inc({ kind: 'timeout' });
        request.log.warn(
          { code: 'SOLEUS_HOOK_EVALUATION_TIMEOUT', serviceId, hookInstance, ms: seconds * 1000 },
          `service call exceeded ${ctx.evaluationTimeoutMs} ms; answered with no cards`,
        );
        return reply.code(200).send({ cards: [] });
      }
      const result = boxed.value;
      logCall(request.log, { serviceId, hookInstance, result, ms: seconds * 1000 });
      logFailures(ctx, request.log, { serviceId, hookInstance, result, ms: seconds * 1000 });
      if (result.status === 200) {
        // Only evaluated calls raise data-quality issues; a 4xx answer's issues are request errors.
        for (const issue of result.issues ?? []) {
          ctx.metrics.dataIssues.inc({ code: issue.code, audience: issue.audience ?? 'clinician' });
        }
        afterCards(ctx, request.log, { serviceId, hookInstance, at: now.toISOString(), result });
      }
      return reply.code(result.status).send(result.body);
    },
  );
}

interface CallFacts {
  readonly serviceId: string;
  readonly hookInstance: string | undefined;
  readonly result: CdsResult;
  readonly ms: number;
}

function logCall(log: FastifyBaseLogger, call: CallFacts): void {
  for (const warning of call.result.requestWarnings ?? []) {
    log.warn(
      { code: warning.code, pointer: warning.location?.pointer, hookInstance: call.hookInstance },
      warning.message,
    );
  }
  if (call.result.ignoredPrefetchKeys) {
    log.debug(
      { hookInstance: call.hookInstance, keys: call.result.ignoredPrefetchKeys.slice(0, 20) },
      'prefetch keys this service does not declare were ignored',
    );
  }
  log.info(
    {
      serviceId: call.serviceId,
      hookInstance: call.hookInstance,
      hook: call.result.hook,
      status: call.result.status,
      firedRuleIds: call.result.firedRuleIds ?? [],
      issueCodes: [...new Set((call.result.issues ?? []).map((i) => i.code))],
      timings: { total: Math.round(call.ms * 10) / 10, ...call.result.timings },
    },
    'cds service call',
  );
}

/** Internal errors and dropped response parts: error level, counted, without request data. */
function logFailures(ctx: AppContext, log: FastifyBaseLogger, call: CallFacts): void {
  const { serviceId, hookInstance, result } = call;
  if (result.internalError) {
    ctx.metrics.errors.inc({ kind: 'internal' });
    log.error(
      { code: 'SOLEUS_SERVER_INTERNAL_ERROR', serviceId, hookInstance, err: result.internalError },
      'unexpected error in a service call; answered 500',
    );
  }
  if (result.responseIssues && result.responseIssues.length > 0) {
    ctx.metrics.errors.inc({ kind: 'invalid-response' });
    log.error(
      {
        code: 'SOLEUS_HOOK_INVALID_RESPONSE',
        serviceId,
        hookInstance,
        pointers: result.responseIssues.map((i) => i.location?.pointer),
      },
      'cards or suggestions broke the CDS Hooks response rules and were dropped; the rest was sent',
    );
  }
}

/** Counts cards and records uuid → rule id (not awaited). */
function afterCards(
  ctx: AppContext,
  log: FastifyBaseLogger,
  call: { serviceId: string; hookInstance: string | undefined; at: string; result: CdsResult },
): void {
  const cards = ((call.result.body as { cards?: CdsCard[] }).cards ?? []).map((card) => ({
    uuid: card.uuid ?? '',
    ruleId: ruleIdOf(ctx, card),
    indicator: card.indicator,
  }));
  cards.forEach((c) => ctx.metrics.cards.inc({ rule_id: c.ruleId, indicator: c.indicator }));
  const recorded = cards.filter((c) => c.uuid !== '');
  if (recorded.length === 0) {
    return;
  }
  const record = {
    kind: 'cards' as const,
    at: call.at,
    serviceId: call.serviceId,
    hookInstance: call.hookInstance ?? '',
    cards: recorded,
  };
  ctx.store.append([record]).catch((err: unknown) => {
    ctx.metrics.errors.inc({ kind: 'store' });
    log.error({ err: { name: (err as Error).name } }, 'could not record issued cards');
  });
}

function ruleIdOf(ctx: AppContext, card: CdsCard): string {
  const code = card.source.topic?.code;
  return code !== undefined && ctx.ruleSet.rulesById.has(code) ? code : 'unknown';
}

/** The hookInstance for logs: a short opaque id, never more than 64 characters. */
function hookInstanceOf(body: unknown): string | undefined {
  const value = (body as { hookInstance?: unknown } | null)?.hookInstance;
  return typeof value === 'string' ? value.slice(0, 64) : undefined;
}
