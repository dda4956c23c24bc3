/**
 * Reads {@link ServerConfig} from the optional JSON file (`SOLEUS_CONFIG`) and the environment,
 * validates the merged result against the configuration schema and reports every problem at once as
 * one `SOLEUS_SERVER_CONFIG` error: unknown keys and variables (with "did you mean"), wrong types,
 * out-of-range values, then the rules one schema cannot say (auth needs a public base URL; one
 * feedback store). Each message names the variable or file key, what was expected and what was found.
 *
 * Adding a setting (issue owners: fetch size caps, timeouts, jku options, index paths): add a property
 * with a description and default to `packages/server/schema/server-config.schema.json` (nested objects
 * nest the variable name: `database.poolMax` → `SOLEUS_DATABASE_POOL_MAX`), add the field to
 * `ServerConfig` (or `AuthOptions`, `DatabaseOptions`), pass it on in `main`, and run
 * `node scripts/generate-config-doc.mjs`. Nothing here changes: the variable, its parsing, its
 * validation and its documentation all follow from the schema.
 */
import { readFileSync } from 'node:fs';
import { SoleusError, type Issue } from '@soleus/core';
import { checkAuthConfig } from './check-auth-config';
import { configIssue } from './config-issue';
import { compileConfigSchema } from './config-schema';
import { CONFIG_FILE_VARIABLE, listConfigSettings } from './config-settings';
import { describeConfigErrors } from './describe-config-errors';
import { readEnvironment } from './read-environment';
import type { ServerConfig } from './server-config';

const validate = compileConfigSchema();
const SETTINGS = listConfigSettings();

/**
 * Loads the server configuration.
 * @param env - the environment (`process.env`)
 * @param readFile - reads the config file (injected for tests)
 * @returns the configuration with the schema's defaults applied
 * @throws {SOLEUS_SERVER_CONFIG} listing every problem
 */
export function loadServerConfig(
  env: Readonly<Record<string, string | undefined>>,
  readFile: (path: string) => string = (path) => readFileSync(path, 'utf8'),
): ServerConfig {
  const issues: Issue[] = [];
  const filePath = env[CONFIG_FILE_VARIABLE]?.trim() || undefined;
  const file = filePath === undefined ? {} : readConfigFile(filePath, readFile, issues);
  const fromEnv = readEnvironment(env, SETTINGS);
  issues.push(...fromEnv.issues);
  const merged = mergeDeep(file, fromEnv.value);
  const errors = validate(merged) ? [] : (validate.errors ?? []);
  const sources = {
    env: fromEnv.sources,
    settings: SETTINGS,
    ...(filePath ? { file: filePath } : {}),
  };
  issues.push(...describeConfigErrors(errors, sources));
  const config = merged as unknown as ServerConfig;
  // The trust checks that JSON Schema cannot state, once the auth section has the right shape.
  if (!errors.some((e) => e.instancePath.startsWith('/auth'))) {
    issues.push(...checkAuthConfig(config.auth));
  }
  issues.push(...crossChecks(config));
  if (issues.length > 0) {
    throw new SoleusError('SOLEUS_SERVER_CONFIG', issues.map((i) => i.message).join('; '), {
      issues,
    });
  }
  return config;
}

/** Rules between settings that the schema does not express. */
function crossChecks(config: ServerConfig): Issue[] {
  const issues: Issue[] = [];
  if (config.auth !== undefined && config.publicBaseUrl === undefined) {
    issues.push(
      configIssue(
        'SOLEUS_PUBLIC_BASE_URL (publicBaseUrl)',
        'the base URL the EHR calls (JWT aud) when auth is set',
        'nothing',
      ),
    );
  }
  if (config.database !== undefined && config.feedbackFile !== undefined) {
    issues.push(
      configIssue(
        'SOLEUS_FEEDBACK_FILE (feedbackFile)',
        'no feedback file when a database is configured (feedback goes to PostgreSQL)',
        'both',
      ),
    );
  }
  return issues;
}

function readConfigFile(
  path: string,
  readFile: (path: string) => string,
  issues: Issue[],
): Record<string, unknown> {
  let text: string;
  try {
    text = readFile(path);
  } catch {
    issues.push(configIssue(`SOLEUS_CONFIG (${path})`, 'a readable JSON file', 'no readable file'));
    return {};
  }
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      return value as Record<string, unknown>;
    }
    issues.push(configIssue(`SOLEUS_CONFIG (${path})`, 'a JSON object', 'another JSON value'));
  } catch (err) {
    // Only the position: newer engines quote the text around it, which may hold a credential.
    const position = /position (\d+)/.exec(String((err as Error).message))?.[1];
    const at = position === undefined ? '' : ` at character ${position}`;
    issues.push(
      configIssue(`SOLEUS_CONFIG (${path})`, 'a readable JSON file', `invalid JSON${at}`),
    );
  }
  return {};
}

/** Environment over file, object by object; lists and scalars are replaced whole. */
function mergeDeep(
  base: Record<string, unknown>,
  over: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const current = out[key];
    out[key] = isPlainObject(current) && isPlainObject(value) ? mergeDeep(current, value) : value;
  }
  return out;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
