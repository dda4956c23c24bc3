/**
 * `POST /cds-services/{id}/feedback` (CDS Hooks §feedback, REQ 148–166) and
 * `GET /cds-services/{id}/feedback/summary`. Feedback is validated as a whole (cds-fb-1..3) and
 * stored item by item in one durable batch; repeats and batches across hook instances are legal and
 * kept (the summary counts each card's latest outcome). Override comments are free text that may hold
 * PHI, so only the reason code is stored. When the store cannot answer (database down, disk full) the
 * answer is 503 with `Retry-After`: nothing was stored and the client may resend.
 */
import type { FastifyBaseLogger, FastifyInstance, FastifyReply } from 'fastify';
import { servicesOf, validateFeedback, type CdsFeedbackItem } from '@soleus/fhir';
import type { AppContext } from '../app-context';
import type { FeedbackItemRecord } from '../feedback/feedback-store';
import { summarizeStore } from '../feedback/summarize-store';
import { errorOutcome } from '../http/error-outcome';

/** Seconds a client is asked to wait before resending when the store is unavailable. */
const RETRY_AFTER_SECONDS = 30;

/**
 * Registers the feedback and summary routes.
 * @param app - the Fastify app
 * @param ctx - the shared app state
 */
export function registerFeedbackRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post<{ Params: { id: string } }>(
    '/cds-services/:id/feedback',
    { config: { auth: true } },
    async (request, reply) => {
      const serviceId = request.params.id;
      if (!servicesOf(ctx.ruleSet).has(serviceId)) {
        const { status, body } = errorOutcome('notFound');
        return reply.code(status).send(body);
      }
      const validation = validateFeedback(request.body);
      if (!validation.ok) {
        return reply.code(400).send(validation.outcome);
      }
      const at = ctx.clock().toISOString();
      const records = validation.feedback.feedback.map((item) => toRecord(item, serviceId, at));
      try {
        await ctx.store.append(records);
      } catch (err) {
        return storeUnavailable(ctx, request.log, reply, err, 'could not store feedback');
      }
      records.forEach((r) => ctx.metrics.feedback.inc({ outcome: r.outcome }));
      request.log.info({ serviceId, items: records.length }, 'cds feedback stored');
      return reply.code(200).send();
    },
  );
  app.get<{ Params: { id: string } }>(
    '/cds-services/:id/feedback/summary',
    { config: { auth: true } },
    async (request, reply) => {
      const serviceId = request.params.id;
      if (!servicesOf(ctx.ruleSet).has(serviceId)) {
        const { status, body } = errorOutcome('notFound');
        return reply.code(status).send(body);
      }
      let result: Awaited<ReturnType<typeof summarizeStore>>;
      try {
        result = await summarizeStore(ctx.store, serviceId);
      } catch (err) {
        return storeUnavailable(ctx, request.log, reply, err, 'could not read feedback');
      }
      result.issues.forEach((issue) => request.log.warn({ code: issue.code }, issue.message));
      return reply
        .code(200)
        .send({ serviceId, ...result.summary, skippedLines: result.issues.length });
    },
  );
}

/** 503 with Retry-After: the client may resend; nothing was stored (a batch is all or nothing). */
function storeUnavailable(
  ctx: AppContext,
  log: FastifyBaseLogger,
  reply: FastifyReply,
  err: unknown,
  message: string,
): FastifyReply {
  ctx.metrics.errors.inc({ kind: 'store' });
  const e = err as { code?: unknown; name?: unknown } | null;
  log.error({ code: 'SOLEUS_SERVER_STORE_UNAVAILABLE', err: String(e?.code ?? e?.name) }, message);
  const { status, body } = errorOutcome('unavailable');
  return reply.code(status).header('retry-after', String(RETRY_AFTER_SECONDS)).send(body);
}

function toRecord(item: CdsFeedbackItem, serviceId: string, at: string): FeedbackItemRecord {
  const reason = item.overrideReason?.reason;
  return {
    kind: 'feedback',
    at,
    serviceId,
    card: item.card,
    outcome: item.outcome,
    outcomeTimestamp: item.outcomeTimestamp,
    ...(item.acceptedSuggestions
      ? { acceptedSuggestions: item.acceptedSuggestions.map((s) => s.id) }
      : {}),
    // FHIR token notation: `|code` is a code without a system (the client sent none).
    ...(reason ? { overrideReason: `${reason.system ?? ''}|${reason.code}` } : {}),
  };
}
