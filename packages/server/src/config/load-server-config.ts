/**
 * Reads {@link ServerConfig} from the environment and the optional JSON file, checking every value
 * and reporting all problems at once as one `SOLEUS_SERVER_CONFIG` error (the operator fixes them in
 * one go). Messages name the variable or file property, what was expected and what was found.
 */
import { readFileSync } from 'node:fs';
import { SoleusError, type Issue } from '@soleus/core';
import { checkAuthConfig } from './check-auth-config';
import type { ServerConfig, ServerConfigFile } from './server-config';

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * Loads the server configuration.
 * @param env - the environment (`process.env`)
 * @param readFile - reads the config file (injected for tests)
 * @returns the configuration with defaults applied
 * @throws {SOLEUS_SERVER_CONFIG} listing every invalid setting
 */
export function loadServerConfig(
  env: Readonly<Record<string, string | undefined>>,
  readFile: (path: string) => string = (path) => readFileSync(path, 'utf8'),
): ServerConfig {
  const issues: Issue[] = [];
  const file = readConfigFile(env['SOLEUS_CONFIG'], readFile, issues);
  const int = (name: string, fallback: number | undefined, min = 1): number | undefined =>
    parseInteger(name, env[name], { fallback, min }, issues);
  const logLevel = env['SOLEUS_LOG_LEVEL'] ?? file.logLevel ?? 'info';
  if (!(LEVELS as readonly string[]).includes(logLevel)) {
    issues.push(issue('SOLEUS_LOG_LEVEL', `one of ${LEVELS.join(', ')}`, `"${logLevel}"`));
  }
  const config: ServerConfig = {
    ...file,
    port: int('PORT', file.port ?? 3000, 0) ?? 3000,
    host: env['HOST'] ?? file.host ?? '127.0.0.1',
    allowInsecureBind: isTrue(env['SOLEUS_ALLOW_INSECURE_BIND']) || file.allowInsecureBind === true,
    corsOrigins: listOf(env['SOLEUS_CORS_ORIGINS']) ?? file.corsOrigins ?? [],
    logLevel: logLevel as ServerConfig['logLevel'],
  };
  const overrides = {
    publicBaseUrl: env['SOLEUS_PUBLIC_BASE_URL'] ?? file.publicBaseUrl,
    bodyLimitBytes: int('SOLEUS_BODY_LIMIT_BYTES', file.bodyLimitBytes),
    evaluationTimeoutMs: int('SOLEUS_EVALUATION_TIMEOUT_MS', file.evaluationTimeoutMs),
    prefetchTimeoutMs: int('SOLEUS_PREFETCH_TIMEOUT_MS', file.prefetchTimeoutMs),
    feedbackFile: env['SOLEUS_FEEDBACK_FILE'] ?? file.feedbackFile,
    rxnormIndex: env['SOLEUS_RXNORM_INDEX'] ?? file.rxnormIndex,
    smartClientId: env['SOLEUS_SMART_CLIENT_ID'] ?? file.smartClientId,
  };
  if (
    overrides.smartClientId !== undefined &&
    !/^[\x21-\x7e]{1,200}$/.test(overrides.smartClientId)
  ) {
    issues.push(
      issue('SOLEUS_SMART_CLIENT_ID', 'an OAuth client id (printable, no spaces)', 'another value'),
    );
  }
  checkUrl('SOLEUS_PUBLIC_BASE_URL', overrides.publicBaseUrl, issues);
  issues.push(...checkAuthConfig(file.auth));
  if (file.auth !== undefined && overrides.publicBaseUrl === undefined) {
    issues.push(
      issue(
        'SOLEUS_PUBLIC_BASE_URL',
        'the base URL the EHR calls (JWT aud) when auth is set',
        'nothing',
      ),
    );
  }
  if (issues.length > 0) {
    throw new SoleusError('SOLEUS_SERVER_CONFIG', issues.map((i) => i.message).join('; '), {
      issues,
    });
  }
  const defined = Object.entries(overrides).filter(([, v]) => v !== undefined);
  return { ...config, ...Object.fromEntries(defined) };
}

function readConfigFile(
  path: string | undefined,
  readFile: (path: string) => string,
  issues: Issue[],
): ServerConfigFile {
  if (path === undefined || path === '') {
    return {};
  }
  try {
    const value = JSON.parse(readFile(path)) as unknown;
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      return value as ServerConfigFile;
    }
    issues.push(issue(`SOLEUS_CONFIG (${path})`, 'a JSON object', 'another JSON value'));
  } catch {
    issues.push(
      issue(`SOLEUS_CONFIG (${path})`, 'a readable JSON file', 'a missing or unparsable file'),
    );
  }
  return {};
}

function parseInteger(
  name: string,
  raw: string | undefined,
  bounds: { readonly fallback: number | undefined; readonly min: number },
  issues: Issue[],
): number | undefined {
  if (raw === undefined || raw === '') {
    return bounds.fallback;
  }
  const value = Number(raw);
  if (!Number.isInteger(value) || value < bounds.min) {
    const expected = bounds.min === 0 ? 'an integer ≥ 0' : 'a positive integer';
    issues.push(issue(name, expected, `"${raw.slice(0, 40)}"`));
    return bounds.fallback;
  }
  return value;
}

function checkUrl(name: string, value: string | undefined, issues: Issue[]): void {
  if (value !== undefined && !/^https?:\/\/[^\s/]+(\/[^\s]*)?$/.test(value)) {
    issues.push(
      issue(
        name,
        'an absolute http(s) URL such as https://cds.example.org',
        `"${value.slice(0, 80)}"`,
      ),
    );
  }
}

function listOf(raw: string | undefined): string[] | undefined {
  return raw === undefined
    ? undefined
    : raw
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');
}

function isTrue(raw: string | undefined): boolean {
  return raw === '1' || raw?.toLowerCase() === 'true';
}

function issue(name: string, expected: string, found: string): Issue {
  return {
    severity: 'error',
    code: 'SOLEUS_SERVER_CONFIG',
    message: `${name}: expected ${expected}; found ${found}`,
  };
}
