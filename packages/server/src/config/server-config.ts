/**
 * Process-level configuration of `main`: where to listen and the app options, read from environment
 * variables and an optional JSON config file (`SOLEUS_CONFIG`). Environment wins over the file, the
 * file over the schema's defaults. The schema (`packages/server/schema/server-config.schema.json`) is
 * the single source of truth; `test/config-schema-keys.test.ts` fails when these types and the
 * schema disagree, and docs/reference/configuration.md is generated from the schema.
 */
import type { ContentDirs } from '@soleus/core';
import type { LevelWithSilent } from 'pino';
import type { AuthOptions } from '../auth/auth-options';
import type { DatabaseOptions } from '../postgres/database-options';
import { CONFIG_FILE_VARIABLE, listConfigSettings } from './config-settings';

/** What `main` needs to start (defaults applied). */
export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  /** Allow a non-loopback host in local mode (no issuer). Never for patient data. */
  readonly allowInsecureBind: boolean;
  readonly publicBaseUrl?: string;
  readonly auth?: AuthOptions;
  readonly bodyLimitBytes: number;
  readonly evaluationTimeoutMs: number;
  readonly prefetchTimeoutMs: number;
  readonly prefetchMaxBytes: number;
  readonly requestTimeoutMs: number;
  readonly headersTimeoutMs: number;
  readonly corsOrigins: readonly string[];
  /** JSONL feedback file of a single replica; absent (and no database) means the in-memory store. */
  readonly feedbackFile?: string;
  /** PostgreSQL shared by every replica (feedback store and JWT replay cache). */
  readonly database?: DatabaseOptions;
  readonly logLevel: LevelWithSilent;
  /** Serve `/demo` (default: on in local mode, off with auth). */
  readonly demo?: boolean;
  /**
   * Rule-pack directories replacing the bundled ones (`rulesDir`, `valueSetsDir`, `factsDir`), and
   * extra site packs loaded on top (`packDirs`: directories or npm package names).
   */
  readonly content?: Partial<ContentDirs> & { readonly packDirs?: readonly string[] };
  /** A site's medication index file (`soleus rxnorm import`) replacing the shipped one. */
  readonly rxnormIndex?: string;
  /** OAuth client id of the Wells SMART app as registered with the EHR (default `soleus-wells`). */
  readonly smartClientId?: string;
}

/** The JSON config file: the same settings, camelCase, every one optional. */
export type ServerConfigFile = Partial<ServerConfig> & { readonly $schema?: string };

/** Environment variable → config key path (dotted), derived from the schema. */
export const ENV_VARS: Readonly<Record<string, string>> = Object.freeze(
  Object.fromEntries([
    [CONFIG_FILE_VARIABLE, 'config file path'],
    ...listConfigSettings()
      .filter((s) => s.env !== undefined)
      .map((s) => [s.env, s.path.join('.')]),
  ]) as Record<string, string>,
);
