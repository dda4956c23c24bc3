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
export type {
  CardsIssuedRecord,
  FeedbackItemRecord,
  FeedbackReadResult,
  FeedbackRecord,
  FeedbackStore,
} from './feedback/feedback-store';
export { createJsonlFeedbackStore } from './feedback/jsonl-feedback-store';
export { createMemoryFeedbackStore } from './feedback/memory-feedback-store';
export {
  summarizeFeedback,
  UNKNOWN_RULE,
  type FeedbackSummary,
  type RuleFeedbackSummary,
} from './feedback/summarize-feedback';
export { loadServerConfig } from './config/load-server-config';
export { ENV_VARS, type ServerConfig, type ServerConfigFile } from './config/server-config';
export { assertBindAllowed, isLoopbackHost } from './config/assert-bind-allowed';
export { main } from './main';
