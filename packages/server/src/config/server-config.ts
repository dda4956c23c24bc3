/**
 * Process-level configuration of `main`: where to listen and the app options, read from environment
 * variables and an optional JSON config file (`SOLEUS_CONFIG`). Environment wins over the file, the
 * file over defaults. Trusted issuers (structured: keys, jku allow-lists, tenants) come from the file
 * only. Every variable is documented in docs/reference/http-api.md.
 */
import type { ContentDirs } from '@soleus/core';
import type { LevelWithSilent } from 'pino';
import type { AuthOptions } from '../auth/auth-options';

/** What `main` needs to start. */
export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  /** Allow a non-loopback host in local mode (no issuer). Never for patient data. */
  readonly allowInsecureBind: boolean;
  readonly publicBaseUrl?: string;
  readonly auth?: AuthOptions;
  readonly bodyLimitBytes?: number;
  readonly evaluationTimeoutMs?: number;
  readonly prefetchTimeoutMs?: number;
  readonly corsOrigins: readonly string[];
  /** JSONL feedback file; absent means the in-memory store. */
  readonly feedbackFile?: string;
  readonly logLevel: LevelWithSilent;
  /** Rule-pack directories replacing the bundled ones (`rulesDir`, `valueSetsDir`, `factsDir`). */
  readonly content?: Partial<ContentDirs>;
  /** A site's medication index file (`soleus rxnorm import`) replacing the shipped one. */
  readonly rxnormIndex?: string;
  /** OAuth client id of the Wells SMART app as registered with the EHR (default `soleus-wells`). */
  readonly smartClientId?: string;
}

/** The JSON config file: the same settings, camelCase. */
export type ServerConfigFile = Partial<ServerConfig>;

/** Environment variable → setting, for docs and the loader. */
export const ENV_VARS = {
  PORT: 'port',
  HOST: 'host',
  SOLEUS_CONFIG: 'config file path',
  SOLEUS_PUBLIC_BASE_URL: 'publicBaseUrl',
  SOLEUS_ALLOW_INSECURE_BIND: 'allowInsecureBind',
  SOLEUS_BODY_LIMIT_BYTES: 'bodyLimitBytes',
  SOLEUS_EVALUATION_TIMEOUT_MS: 'evaluationTimeoutMs',
  SOLEUS_PREFETCH_TIMEOUT_MS: 'prefetchTimeoutMs',
  SOLEUS_CORS_ORIGINS: 'corsOrigins',
  SOLEUS_FEEDBACK_FILE: 'feedbackFile',
  SOLEUS_LOG_LEVEL: 'logLevel',
  SOLEUS_RXNORM_INDEX: 'rxnormIndex',
  SOLEUS_SMART_CLIENT_ID: 'smartClientId',
} as const;
