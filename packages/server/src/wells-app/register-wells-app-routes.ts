/**
 * The Wells assessment SMART app (clinical-spec §9.1): `GET /apps/wells/launch` (SMART launch page:
 * EHR launch with `iss` + `launch`, or standalone with `iss`), `GET /apps/wells/` (the app), its
 * assets, `GET /apps/wells/config.json` (client id, scopes, the Questionnaire to render), and two JSON
 * calls the app makes: `POST /apps/wells/queries` (the FHIR queries to run against the EHR for this
 * patient: the patient-view prefetch templates, filled) and `POST /apps/wells/evaluate` (the record
 * it read, evaluated by the service's own pipeline). Public like the demo page: the app holds no
 * data of its own, and the two calls compute on what the browser sends without fetching or storing.
 */
import type { FastifyInstance } from 'fastify';
import type { CanonicalResource } from '@soleus/core';
import { checkTemplateTokens, fillPrefetchTemplate, type CdsContext } from '@soleus/fhir';
import type { AppContext } from '../app-context';
import { errorOutcome } from '../http/error-outcome';
import { timeBox } from '../routes/time-box';
import { evaluateWells, patientViewTemplates } from './evaluate-wells';
import { readWellsAppAssets } from './wells-app-assets';
import { wellsAppScopes } from './wells-app-scopes';

/** Settings of the Wells app. */
export interface WellsAppSettings {
  /** OAuth client id registered with the EHR. */
  readonly clientId: string;
  /** Local mode: the EHR's FHIR server may be plain http (a sandbox on this machine). */
  readonly allowHttpFhir: boolean;
}

/**
 * Registers the app routes.
 * @param app - the Fastify app
 * @param ctx - the shared app state
 * @param resources - the served canonical resources (the Questionnaire the app renders is one)
 * @param settings - client id and transport policy
 */
export function registerWellsAppRoutes(
  app: FastifyInstance,
  ctx: AppContext,
  resources: readonly CanonicalResource[],
  settings: WellsAppSettings,
): void {
  const csp =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
    `connect-src 'self' https:${settings.allowHttpFhir ? ' http:' : ''}; base-uri 'none'; form-action 'none'`;
  for (const [url, asset] of readWellsAppAssets()) {
    app.get(url, async (_request, reply) =>
      reply
        .code(200)
        .type(asset.type)
        .header('content-security-policy', csp)
        .header('x-content-type-options', 'nosniff')
        .header('referrer-policy', 'no-referrer')
        .header('cache-control', 'no-cache')
        .send(asset.body),
    );
  }
  const templates = patientViewTemplates(ctx.ruleSet);
  const parameters = ctx.ruleSet.packs.get('dvt')?.parameters as
    Record<string, unknown> | undefined;
  const canonical = parameters?.['wellsQuestionnaire'];
  const questionnaire = resources.find(
    (r) => r.resourceType === 'Questionnaire' && r.url === canonical,
  );
  const config = {
    clientId: settings.clientId,
    scope: wellsAppScopes(templates),
    ...(questionnaire
      ? {
          questionnaire: {
            url: questionnaire.url,
            ...(questionnaire.version ? { version: questionnaire.version } : {}),
            // Relative to /apps/wells/, so a service behind a path prefix still works.
            href: `../../fhir/Questionnaire/${questionnaire.id}`,
          },
        }
      : {}),
  };
  app.get('/apps/wells/config.json', async (_request, reply) =>
    reply.code(200).header('cache-control', 'no-cache').send(config),
  );
  app.post('/apps/wells/queries', async (request, reply) => {
    const context = (request.body as { context?: unknown } | null)?.context;
    // Token values must be FHIR ids: a patient id of ".." would make the app read every patient.
    if (!isContext(context) || checkTemplateTokens(templates, context).length > 0) {
      const { status, body } = errorOutcome('badRequest');
      return reply.code(status).send(body);
    }
    const queries: Record<string, string> = {};
    for (const [key, template] of Object.entries(templates)) {
      const filled = fillPrefetchTemplate(template, context);
      if (filled.ok) {
        queries[key] = filled.query;
      }
    }
    return reply.code(200).send({ queries });
  });
  app.post('/apps/wells/evaluate', async (request, reply) => {
    const call = evaluateWells(request.body, {
      ruleSet: ctx.ruleSet,
      now: ctx.clock().toISOString(),
    });
    const boxed = await timeBox(call, ctx.evaluationTimeoutMs);
    if (!boxed.done) {
      request.log.warn(
        { code: 'SOLEUS_HOOK_EVALUATION_TIMEOUT' },
        'wells app evaluation timed out',
      );
      const { body } = errorOutcome('internal');
      return reply.code(503).send(body);
    }
    const result = boxed.value;
    const fired = result.status === 200 ? result.body.cards.map((c) => c.id) : [];
    request.log.info({ status: result.status, firedRuleIds: fired }, 'wells app evaluation');
    return reply.code(result.status).send(result.body);
  });
}

function isContext(value: unknown): value is CdsContext {
  const patientId = (value as { patientId?: unknown } | null)?.patientId;
  return typeof patientId === 'string' && patientId !== '';
}
