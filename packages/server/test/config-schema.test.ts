/**
 * The configuration schema is the single source of truth. These tests keep the TypeScript types, the
 * code defaults and the environment mapping in step with it: adding a field to `ServerConfig`,
 * `AuthOptions`, `TrustedIssuer`, `DatabaseOptions` or `ContentDirs` fails type-checking here until it
 * is listed, and the listing fails at run time until the schema has the property.
 */
import type { AuthOptions, TrustedIssuer } from '../src/auth/auth-options';
import { DEFAULT_ALGORITHMS } from '../src/auth/auth-options';
import { CONFIG_SCHEMA, type ConfigSchemaNode } from '../src/config/config-schema';
import { listConfigSettings, type ConfigSetting } from '../src/config/config-settings';
import { loadServerConfig } from '../src/config/load-server-config';
import type { ServerConfig } from '../src/config/server-config';
import { DATABASE_DEFAULTS } from '../src/postgres/create-postgres-pool';
import type { DatabaseOptions } from '../src/postgres/database-options';
import { DEFAULT_PREFETCH_MAX_BYTES } from '@soleus/fhir';
import {
  DEFAULT_BODY_LIMIT_BYTES,
  DEFAULT_EVALUATION_TIMEOUT_MS,
  DEFAULT_HEADERS_TIMEOUT_MS,
  DEFAULT_PREFETCH_TIMEOUT_MS,
  DEFAULT_REQUEST_TIMEOUT_MS,
} from '../src/server-options';

type KeysOf<T> = Record<keyof T, true>;

const SERVER_KEYS: KeysOf<ServerConfig> = {
  port: true,
  host: true,
  allowInsecureBind: true,
  publicBaseUrl: true,
  auth: true,
  bodyLimitBytes: true,
  evaluationTimeoutMs: true,
  prefetchTimeoutMs: true,
  prefetchMaxBytes: true,
  requestTimeoutMs: true,
  headersTimeoutMs: true,
  corsOrigins: true,
  feedbackFile: true,
  database: true,
  logLevel: true,
  demo: true,
  smartClientId: true,
  content: true,
  rxnormIndex: true,
};
const AUTH_KEYS: KeysOf<AuthOptions> = {
  issuers: true,
  algorithms: true,
  clockSkewSeconds: true,
  maxTokenLifetimeSeconds: true,
  replayCacheSize: true,
  jwksCooldownMs: true,
  jwksCacheMaxAgeMs: true,
  jwksTimeoutMs: true,
};
const ISSUER_KEYS: KeysOf<TrustedIssuer> = {
  iss: true,
  jwks: true,
  jkuAllowList: true,
  tenants: true,
};
const DATABASE_KEYS: KeysOf<DatabaseOptions> = {
  url: true,
  poolMax: true,
  connectionTimeoutMs: true,
  statementTimeoutMs: true,
  idleTimeoutMs: true,
};
const CONTENT_KEYS: KeysOf<NonNullable<ServerConfig['content']>> = {
  rulesDir: true,
  factsDir: true,
  valueSetsDir: true,
  packDirs: true,
};

const props = (node: ConfigSchemaNode | undefined): string[] =>
  Object.keys(node?.properties ?? {}).filter((k) => k !== '$schema');
const top = CONFIG_SCHEMA.properties ?? {};

describe('the configuration schema and the types agree, both ways', () => {
  it.each<[string, ConfigSchemaNode | undefined, object]>([
    ['ServerConfig', CONFIG_SCHEMA, SERVER_KEYS],
    ['AuthOptions', top['auth'], AUTH_KEYS],
    ['TrustedIssuer', top['auth']?.properties?.['issuers']?.items, ISSUER_KEYS],
    ['DatabaseOptions', top['database'], DATABASE_KEYS],
    ['ContentDirs', top['content'], CONTENT_KEYS],
  ])('%s', (_name, node, keys) => {
    expect(props(node).sort()).toEqual(Object.keys(keys).sort());
  });

  it('schema defaults are the defaults the code applies', () => {
    const auth = top['auth']?.properties ?? {};
    const database = top['database']?.properties ?? {};
    expect({
      bodyLimitBytes: top['bodyLimitBytes']?.default,
      evaluationTimeoutMs: top['evaluationTimeoutMs']?.default,
      prefetchTimeoutMs: top['prefetchTimeoutMs']?.default,
      prefetchMaxBytes: top['prefetchMaxBytes']?.default,
      requestTimeoutMs: top['requestTimeoutMs']?.default,
      headersTimeoutMs: top['headersTimeoutMs']?.default,
      algorithms: auth['algorithms']?.default,
      ...Object.fromEntries(Object.keys(DATABASE_DEFAULTS).map((k) => [k, database[k]?.default])),
    }).toEqual({
      bodyLimitBytes: DEFAULT_BODY_LIMIT_BYTES,
      evaluationTimeoutMs: DEFAULT_EVALUATION_TIMEOUT_MS,
      prefetchTimeoutMs: DEFAULT_PREFETCH_TIMEOUT_MS,
      prefetchMaxBytes: DEFAULT_PREFETCH_MAX_BYTES,
      requestTimeoutMs: DEFAULT_REQUEST_TIMEOUT_MS,
      headersTimeoutMs: DEFAULT_HEADERS_TIMEOUT_MS,
      algorithms: DEFAULT_ALGORITHMS,
      ...DATABASE_DEFAULTS,
    });
  });

  it('every property has a description (the reference is generated from them)', () => {
    const undocumented = listConfigSettings()
      .filter((s) => !s.schema.description)
      .map((s) => s.path.join('.'));
    expect(undocumented).toEqual([]);
  });
});

/** A valid value for a setting, as environment text, and the value the loader should produce. */
function sample(setting: ConfigSetting): [string, unknown] {
  const s = setting.schema;
  if (s.enum) {
    const value = s.enum[s.enum.length - 1];
    return [String(value), value];
  }
  switch (s.type) {
    case 'integer':
      return [String((s.minimum ?? 0) + 7), (s.minimum ?? 0) + 7];
    case 'boolean':
      return ['yes', true];
    case 'array':
      if (s.items?.type === 'string') {
        const item = String(s.items.examples?.[0] ?? 'ES512');
        return [` ${item} ,${item} `, [item, item]];
      }
      return [
        JSON.stringify([{ iss: 'https://ehr.example', jwks: { keys: [] } }]),
        [{ iss: 'https://ehr.example', jwks: { keys: [] } }],
      ];
    default: {
      const text = String(s.examples?.[0] ?? '/srv/soleus/x');
      return [text, text];
    }
  }
}

/** Variables another setting needs so the sample's section is complete. */
function companions(setting: ConfigSetting): Record<string, string> {
  switch (setting.path[0]) {
    case 'auth':
      return {
        SOLEUS_PUBLIC_BASE_URL: 'https://cds.example',
        SOLEUS_AUTH_ISSUERS: '[{"iss":"https://ehr.example","jwks":{"keys":[]}}]',
      };
    case 'database':
      return { SOLEUS_DATABASE_URL: 'postgres://db/soleus' };
    default:
      return {};
  }
}

describe('every setting is settable by its environment variable', () => {
  const settings = listConfigSettings().filter((s) => s.env !== undefined);

  it('variable names are unique and derived from the key path unless the schema names one', () => {
    const names = settings.map((s) => s.env);
    expect(new Set(names).size).toBe(names.length);
    expect(Object.fromEntries(settings.map((s) => [s.path.join('.'), s.env]))).toMatchObject({
      port: 'PORT',
      host: 'HOST',
      feedbackFile: 'SOLEUS_FEEDBACK_FILE',
      'database.url': 'SOLEUS_DATABASE_URL',
      'database.poolMax': 'SOLEUS_DATABASE_POOL_MAX',
      'auth.issuers': 'SOLEUS_AUTH_ISSUERS',
      'content.valueSetsDir': 'SOLEUS_CONTENT_VALUE_SETS_DIR',
    });
  });

  it.each(settings.map((s) => [s.env ?? '', s] as const))('%s', (env, setting) => {
    const [text, value] = sample(setting);
    const config = loadServerConfig({ ...companions(setting), [env]: text }, () => '{}');
    const actual = setting.path.reduce<unknown>(
      (node, key) => (node as Record<string, unknown> | undefined)?.[key],
      config,
    );
    expect(actual).toEqual(value);
  });
});
