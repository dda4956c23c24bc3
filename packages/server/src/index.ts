/** @packageDocumentation server */
export const PACKAGE_NAME = '@soleus/server';
export { buildApp } from './build-app';
export {
  DEFAULT_BODY_LIMIT_BYTES,
  DEFAULT_EVALUATION_TIMEOUT_MS,
  DEFAULT_PREFETCH_TIMEOUT_MS,
  DEFAULT_SMART_CLIENT_ID,
  type ServerOptions,
} from './server-options';
export {
  DEFAULT_ALGORITHMS,
  type AuthOptions,
  type JsonWebKeySet,
  type TrustedIssuer,
} from './auth/auth-options';
export { createJwtVerifier, type JwtVerdict, type JwtVerifier } from './auth/jwt-verifier';
export { createMemoryReplayStore, type ReplayStore } from './auth/replay-store';
export type { ReadinessCheck } from './health/readiness-check';
export type { DatabaseOptions } from './postgres/database-options';
export {
  createPostgresBackend,
  openPostgresBackend,
  type BackendLog,
  type PostgresBackend,
} from './postgres/create-postgres-backend';
export type { MigrationReport } from './postgres/migrate-postgres';
export type {
  CardsIssuedRecord,
  FeedbackItemRecord,
  FeedbackReadResult,
  FeedbackRecord,
  FeedbackStore,
} from './feedback/feedback-store';
export { createJsonlFeedbackStore } from './feedback/jsonl-feedback-store';
export { createMemoryFeedbackStore } from './feedback/memory-feedback-store';
export { summarizeStore } from './feedback/summarize-store';
export {
  summarizeFeedback,
  UNKNOWN_RULE,
  type FeedbackSummary,
  type RuleFeedbackSummary,
} from './feedback/summarize-feedback';
export { loadServerConfig } from './config/load-server-config';
export { ENV_VARS, type ServerConfig, type ServerConfigFile } from './config/server-config';
export { CONFIG_SCHEMA_PATH } from './config/config-schema';
export { assertBindAllowed, isLoopbackHost } from './config/assert-bind-allowed';
export { main, type MainIo } from './main';
