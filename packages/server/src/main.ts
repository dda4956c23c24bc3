/**
 * Process entry point: `node packages/server/dist/main.js`. Loads configuration (environment + optional
 * JSON file), the bundled rule packs (or the configured ones), the feedback store, builds the app and
 * listens. Local mode (no trusted issuer) binds loopback only. SIGTERM/SIGINT close the server
 * gracefully (in-flight calls finish, the feedback store flushes); a second signal exits at once.
 */
import type { FastifyInstance } from 'fastify';
import {
  DEFAULT_CANONICAL_DIRS,
  DEFAULT_CONTENT,
  loadCanonicalResources,
  loadRuleSet,
} from '@soleus/core';
import { loadRxnormIndex, shippedRxnormIndex } from '@soleus/fhir';
import { buildApp } from './build-app';
import { assertBindAllowed } from './config/assert-bind-allowed';
import { publicBaseUrlOf } from './config/public-base-url-of';
import { loadServerConfig } from './config/load-server-config';
import type { ServerConfig } from './config/server-config';
import { createJsonlFeedbackStore } from './feedback/jsonl-feedback-store';

/**
 * Starts the service from the environment.
 * @param env - the environment (default `process.env`)
 * @returns the listening app (`app.server.address()` tells the port; `app.close()` stops it)
 * @throws {SOLEUS_SERVER_CONFIG}, {SOLEUS_SERVER_INSECURE_BIND} or {SOLEUS_RXNORM_INDEX} before
 *   anything listens
 */
export async function main(
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<FastifyInstance> {
  const config = loadServerConfig(env);
  assertBindAllowed(config.host, config.auth !== undefined, config.allowInsecureBind);
  const ruleSet = await loadRuleSet({ ...DEFAULT_CONTENT, ...config.content });
  // Read at start, never on the first call: a site index that does not load stops the start-up.
  const rxnormIndex = config.rxnormIndex
    ? loadRxnormIndex(config.rxnormIndex)
    : shippedRxnormIndex();
  const valueSetsDir = config.content?.valueSetsDir ?? DEFAULT_CANONICAL_DIRS.valueSetsDir;
  const app = buildApp({
    ruleSet,
    rxnormIndex,
    canonicalResources: loadCanonicalResources({ ...DEFAULT_CANONICAL_DIRS, valueSetsDir }),
    ...appOptions(config),
    ...(config.feedbackFile
      ? { feedbackStore: createJsonlFeedbackStore(config.feedbackFile) }
      : {}),
  });
  await app.listen({ port: config.port, host: config.host });
  app.log.info(
    {
      host: config.host,
      port: config.port,
      rules: ruleSet.rules.length,
      auth: config.auth !== undefined,
      medicationIndex: `${rxnormIndex.origin} (${rxnormIndex.file.products.length} products)`,
    },
    'soleus CDS Hooks service listening',
  );
  return app;
}

function appOptions(config: ServerConfig): Omit<Parameters<typeof buildApp>[0], 'ruleSet'> {
  return {
    logLevel: config.logLevel,
    corsOrigins: config.corsOrigins,
    ...(config.auth ? { auth: config.auth } : {}),
    ...publicBaseUrlOf(config),
    ...(config.smartClientId ? { smartClientId: config.smartClientId } : {}),
    ...(config.bodyLimitBytes ? { bodyLimitBytes: config.bodyLimitBytes } : {}),
    ...(config.evaluationTimeoutMs ? { evaluationTimeoutMs: config.evaluationTimeoutMs } : {}),
    ...(config.prefetchTimeoutMs ? { prefetchTimeoutMs: config.prefetchTimeoutMs } : {}),
  };
}

function onSignals(app: FastifyInstance): void {
  let closing = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (closing) {
      process.exit(1);
    }
    closing = true;
    process.stderr.write(`${signal}: closing soleus server\n`);
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

if (require.main === module) {
  main().then(onSignals, (err: unknown) => {
    const e = err as { code?: string; message?: string };
    process.stderr.write(
      `soleus server failed to start: ${e.code ?? 'error'}: ${e.message ?? ''}\n`,
    );
    process.exit(1);
  });
}
