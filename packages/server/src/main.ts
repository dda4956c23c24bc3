/**
 * Starts the service from the environment: configuration (environment + optional JSON file, checked
 * against the schema), the bundled rule packs (or the configured ones), the shared PostgreSQL backend
 * when `SOLEUS_DATABASE_URL` is set (migrated before listening) or else the JSONL / in-memory feedback
 * store, then the app listens. Local mode (no trusted issuer) binds loopback only. The `soleus-server`
 * bin (`src/bin.ts`) adds signal handling and JSON startup errors around it.
 */
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { DestinationStream } from 'pino';
import {
  DEFAULT_CANONICAL_DIRS,
  DEFAULT_CONTENT,
  loadCanonicalResources,
  loadRuleSet,
  resolvePackDirs,
} from '@soleus/core';
import { loadRxnormIndex, shippedRxnormIndex } from '@soleus/fhir';
import { buildApp } from './build-app';
import { assertBindAllowed } from './config/assert-bind-allowed';
import { loadServerConfig } from './config/load-server-config';
import { parseServerArgs } from './config/parse-server-args';
import { publicBaseUrlOf } from './config/public-base-url-of';
import type { ServerConfig } from './config/server-config';
import { createLogger } from './create-logger';
import { createJsonlFeedbackStore } from './feedback/jsonl-feedback-store';
import { openPostgresBackend, type PostgresBackend } from './postgres/create-postgres-backend';
import type { MigrationReport } from './postgres/migrate-postgres';
import type { ServerOptions } from './server-options';

/** Process plumbing `main` may be given (tests capture the log). */
export interface MainIo {
  /** Where JSON log lines go (default stdout). */
  readonly logStream?: DestinationStream;
}

/**
 * Starts the service.
 * @param env - the environment (default `process.env`)
 * @param io - log destination
 * @param argv - command-line arguments (`--pack <dir|npm-package>`, repeatable)
 * @returns the listening app (`app.server.address()` tells the port; `app.close()` stops it and
 *   closes the database pool)
 * @throws {SOLEUS_SERVER_CONFIG}, {SOLEUS_SERVER_INSECURE_BIND} or {SOLEUS_RXNORM_INDEX} before
 *   anything listens; a database error when the database cannot be reached or migrated at start
 */
export async function main(
  env: Readonly<Record<string, string | undefined>> = process.env,
  io: MainIo = {},
  argv: readonly string[] = [],
): Promise<FastifyInstance> {
  const config = loadServerConfig(env);
  const args = parseServerArgs(argv);
  assertBindAllowed(config.host, config.auth !== undefined, config.allowInsecureBind);
  // Site packs load with the shipped ones: a pack that does not resolve or load stops the start-up.
  const packDirs = resolvePackDirs([...(config.content?.packDirs ?? []), ...args.packDirs]);
  const ruleSet = await loadRuleSet({ ...DEFAULT_CONTENT, ...config.content, packDirs });
  // Read at start, never on the first call: a site index that does not load stops the start-up.
  const rxnormIndex = config.rxnormIndex
    ? loadRxnormIndex(config.rxnormIndex)
    : shippedRxnormIndex();
  const valueSetsDir = config.content?.valueSetsDir ?? DEFAULT_CANONICAL_DIRS.valueSetsDir;
  const canonicalResources = loadCanonicalResources({ ...DEFAULT_CANONICAL_DIRS, valueSetsDir });
  const shared = config.database
    ? await openPostgresBackend(config.database, createLogger(config.logLevel, io.logStream))
    : undefined;
  let app: FastifyInstance;
  try {
    app = buildApp({
      ruleSet,
      rxnormIndex,
      canonicalResources,
      ...appOptions(config, io),
      ...storeOptions(config, shared?.backend),
    });
  } catch (err) {
    await shared?.backend.close();
    throw err;
  }
  if (shared) {
    app.addHook('onClose', async () => shared.backend.close());
  }
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (err) {
    await app.close();
    throw err;
  }
  app.log.info(
    {
      host: config.host,
      port: (app.server.address() as AddressInfo).port,
      pid: process.pid,
      rules: ruleSet.rules.length,
      content: ruleSet.contentVersion,
      auth: config.auth !== undefined,
      medicationIndex: `${rxnormIndex.origin} (${rxnormIndex.file.products.length} products)`,
      store: shared ? 'postgres' : config.feedbackFile ? 'jsonl' : 'memory',
      ...(shared ? { database: databaseDetails(shared.migration) } : {}),
    },
    'soleus CDS Hooks service listening',
  );
  return app;
}

function appOptions(config: ServerConfig, io: MainIo): Omit<ServerOptions, 'ruleSet'> {
  return {
    logLevel: config.logLevel,
    corsOrigins: config.corsOrigins,
    bodyLimitBytes: config.bodyLimitBytes,
    evaluationTimeoutMs: config.evaluationTimeoutMs,
    prefetchTimeoutMs: config.prefetchTimeoutMs,
    ...(io.logStream ? { logStream: io.logStream } : {}),
    ...(config.auth ? { auth: config.auth } : {}),
    prefetchMaxBytes: config.prefetchMaxBytes,
    requestTimeoutMs: config.requestTimeoutMs,
    headersTimeoutMs: config.headersTimeoutMs,
    // The operator opened a non-loopback bind on purpose: the loopback Host check would refuse it.
    ...(config.allowInsecureBind ? { allowAnyHost: true } : {}),
    ...publicBaseUrlOf(config),
    ...(config.smartClientId ? { smartClientId: config.smartClientId } : {}),
    ...(config.demo !== undefined ? { demo: config.demo } : {}),
  };
}

/** PostgreSQL for N replicas, else the single-replica JSONL file, else memory (buildApp's default). */
function storeOptions(
  config: ServerConfig,
  backend: PostgresBackend | undefined,
): Pick<ServerOptions, 'feedbackStore' | 'replayStore' | 'readinessChecks'> {
  if (backend) {
    return {
      feedbackStore: backend.feedbackStore,
      replayStore: backend.replayStore,
      readinessChecks: [backend.readiness],
    };
  }
  return config.feedbackFile
    ? { feedbackStore: createJsonlFeedbackStore(config.feedbackFile) }
    : {};
}

function databaseDetails(migration: MigrationReport): object {
  return { schemaVersion: migration.current, migrated: migration.applied };
}
