/**
 * The Fastify CDS Hooks service, built without listening (Fastify testing guide: `inject()` in tests,
 * `listen()` only in main). Wiring only: JSON body parsing with a size limit, CORS allow-list, the
 * JWT gate (or explicit local mode), the CDS routes over `@soleus/fhir`, health and metrics, the
 * read-only `/fhir` knowledge endpoint and the Wells SMART app, and one error mapping to FHIR
 * OperationOutcome. All behaviour lives in the registered modules.
 */
import cors from '@fastify/cors';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { loadCanonicalResources, SoleusError } from '@soleus/core';
import { prepareCdsSchemas, prepareReadElementRules } from '@soleus/fhir';
import type { AppContext } from './app-context';
import { createJwtVerifier } from './auth/jwt-verifier';
import { registerAuth } from './auth/register-auth';
import { createLogger } from './create-logger';
import { createMemoryFeedbackStore } from './feedback/memory-feedback-store';
import { registerFhirRoutes } from './fhir-endpoint/register-fhir-routes';
import { registerErrorHandling } from './http/register-error-handling';
import { registerLocalHostCheck } from './http/register-local-host-check';
import { transportErrorOptions } from './http/transport-error-options';
import { createMetrics } from './metrics/create-metrics';
import { registerDemoRoutes } from './routes/register-demo-routes';
import { registerDiscoveryRoute } from './routes/register-discovery-route';
import { registerFeedbackRoutes } from './routes/register-feedback-routes';
import { registerOpsRoutes } from './routes/register-ops-routes';
import { registerServiceRoute } from './routes/register-service-route';
import {
  DEFAULT_BODY_LIMIT_BYTES,
  DEFAULT_EVALUATION_TIMEOUT_MS,
  DEFAULT_HEADERS_TIMEOUT_MS,
  DEFAULT_PREFETCH_TIMEOUT_MS,
  DEFAULT_REQUEST_TIMEOUT_MS,
  DEFAULT_SMART_CLIENT_ID,
  type ServerOptions,
} from './server-options';
import { wallClock } from './wall-clock';
import { registerWellsAppRoutes } from './wells-app/register-wells-app-routes';

/**
 * Builds the CDS Hooks app (routes registered, not listening).
 * @param options - rule set, clock, trust, limits, store and logging
 * @returns the Fastify instance; call `listen` or `inject` on it
 * @throws {SOLEUS_SERVER_CONFIG} when `auth` is set without `publicBaseUrl`, or with no issuer
 */
export function buildApp(options: ServerOptions): FastifyInstance {
  const logger = createLogger(options.logLevel ?? 'info', options.logStream);
  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    bodyLimit: options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES,
    ...clientTimeouts(options),
    ...transportErrorOptions(),
  });
  // CDS Hooks bodies are JSON only: without this, Fastify's default text/plain parser would accept them.
  app.removeContentTypeParser('text/plain');
  // FHIR clients post JSON as application/fhir+json (MedplumClient does by default): same parser.
  app.addContentTypeParser(
    'application/fhir+json',
    { parseAs: 'string' },
    app.getDefaultJsonParser('error', 'ignore'),
  );
  // The FHIR reading layer's and the CDS Hooks request/response validators compile here, at start,
  // not in the first EHR call (the CDS schemas alone took ~1.3 s there on a busy machine).
  prepareReadElementRules();
  prepareCdsSchemas();
  const ctx = contextOf(options);
  if (options.auth === undefined && options.allowAnyHost !== true) {
    registerLocalHostCheck(app);
  }
  registerErrorHandling(app, ctx.metrics);
  registerCors(app, options.corsOrigins ?? []);
  registerTrust(app, options, ctx.clock);
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const status = String(reply.statusCode);
    ctx.metrics.requests.inc({ route, method: request.method, status });
    if (reply.statusCode >= 400) {
      ctx.metrics.errors.inc({ kind: status });
    }
  });
  registerDiscoveryRoute(app, ctx);
  registerServiceRoute(app, ctx);
  registerFeedbackRoutes(app, ctx);
  registerOpsRoutes(app, ctx);
  const canonical = options.canonicalResources ?? loadCanonicalResources();
  registerFhirRoutes(app, ctx, canonical, ctx.publicBaseUrl);
  registerWellsAppRoutes(app, ctx, canonical, {
    clientId: options.smartClientId ?? DEFAULT_SMART_CLIENT_ID,
    allowHttpFhir: options.auth === undefined,
  });
  if (options.demo ?? options.auth === undefined) {
    registerDemoRoutes(app, ctx); // public synthetic assets; the page calls the gated endpoints
  }
  app.addHook('onClose', async () => ctx.store.close());
  return app;
}

function contextOf(options: ServerOptions): AppContext {
  return {
    ruleSet: options.ruleSet,
    clock: options.clock ?? wallClock,
    evaluationTimeoutMs: options.evaluationTimeoutMs ?? DEFAULT_EVALUATION_TIMEOUT_MS,
    prefetchTimeoutMs: options.prefetchTimeoutMs ?? DEFAULT_PREFETCH_TIMEOUT_MS,
    ...(options.prefetchMaxBytes === undefined
      ? {}
      : { prefetchMaxBytes: options.prefetchMaxBytes }),
    metrics: createMetrics(),
    store: options.feedbackStore ?? createMemoryFeedbackStore(),
    readinessChecks: options.readinessChecks ?? [],
    explain: options.explain ?? false,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.rxnormIndex ? { rxnormIndex: options.rxnormIndex } : {}),
    ...(options.publicBaseUrl ? { publicBaseUrl: options.publicBaseUrl.replace(/\/+$/, '') } : {}),
  };
}

/**
 * Slow clients (slowloris) are cut at the configured times: Node enforces `requestTimeout` and
 * `headersTimeout` only when it checks its connections, every 30 s by default, which let a trickling
 * client hold a socket for 60–90 s whatever the setting; the check now runs at least every second.
 */
function clientTimeouts(options: ServerOptions): {
  requestTimeout: number;
  http: { requestTimeout: number; headersTimeout: number; connectionsCheckingInterval: number };
} {
  const request = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const headers = Math.min(options.headersTimeoutMs ?? DEFAULT_HEADERS_TIMEOUT_MS, request);
  const interval = Math.max(50, Math.min(1000, Math.floor(headers / 4)));
  return {
    requestTimeout: request,
    http: {
      requestTimeout: request,
      headersTimeout: headers,
      connectionsCheckingInterval: interval,
    },
  };
}

/** CORS for browser CDS clients (REQ 208): exact-origin allow-list, preflight, Authorization allowed. */
function registerCors(app: FastifyInstance, origins: readonly string[]): void {
  if (origins.length === 0) {
    return;
  }
  void app.register(cors, {
    origin: [...origins],
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: ['Authorization', 'Content-Type'],
    maxAge: 600,
  });
}

/** JWT gate, or explicit local mode with a prominent warning when no issuer is configured. */
function registerTrust(app: FastifyInstance, options: ServerOptions, clock: () => Date): void {
  const auth = options.auth;
  if (!auth) {
    app.log.warn(
      { mode: 'local' },
      'NO JWT ISSUER CONFIGURED: local mode, CDS endpoints are unauthenticated; bind to loopback only',
    );
    return;
  }
  if (auth.issuers.length === 0 || !options.publicBaseUrl) {
    throw new SoleusError(
      'SOLEUS_SERVER_CONFIG',
      'auth: expected at least one trusted issuer and publicBaseUrl (JWT aud is that URL plus the endpoint path); found ' +
        (auth.issuers.length === 0 ? 'no issuer' : 'no publicBaseUrl'),
    );
  }
  const verifier = createJwtVerifier(auth, options.replayStore);
  registerAuth(app, verifier, options.publicBaseUrl.replace(/\/+$/, ''), clock);
}
