/**
 * Reads the settings given as environment variables into a partial config object, coercing each text
 * by its schema type: numbers and booleans (`1`/`true`/`yes`, `0`/`false`/`no`) are parsed, lists are
 * comma-separated (or a JSON array), structured values are JSON. A text that does not parse is kept as
 * text so schema validation reports it with the variable's name. An unknown `SOLEUS_…` variable is a
 * problem too (a misspelt name would otherwise be ignored in silence), except the variables of the
 * repository's own tools: the `SOLEUS_TEST_…` namespace of test harnesses and {@link TOOL_VARIABLES}.
 */
import { suggestName, type Issue } from '@soleus/core';
import type { ConfigSchemaNode } from './config-schema';
import { CONFIG_FILE_VARIABLE, ENV_PREFIX, type ConfigSetting } from './config-settings';
import { configIssue } from './config-issue';

/** Variables of this namespace belong to test harnesses, not to the server. */
export const TEST_ENV_PREFIX = 'SOLEUS_TEST_';

/** Other variables the repository's tools read (the browser tests' Chromium); never settings. */
export const TOOL_VARIABLES: ReadonlySet<string> = new Set(['SOLEUS_CHROMIUM']);

/** What the environment contributed. */
export interface EnvironmentValues {
  /** The settings found, nested like the config file. */
  readonly value: Record<string, unknown>;
  /** JSON Pointer of each value found → the variable that set it. */
  readonly sources: ReadonlyMap<string, string>;
  readonly issues: readonly Issue[];
}

/**
 * Reads every setting that has a non-empty variable.
 * @param env - the environment
 * @param settings - the settings of the schema
 * @returns the values, where each came from, and the problems found
 */
export function readEnvironment(
  env: Readonly<Record<string, string | undefined>>,
  settings: readonly ConfigSetting[],
): EnvironmentValues {
  const value: Record<string, unknown> = {};
  const sources = new Map<string, string>();
  const issues: Issue[] = [];
  for (const setting of settings) {
    const raw = setting.env === undefined ? undefined : env[setting.env];
    if (setting.env === undefined || raw === undefined || raw.trim() === '') {
      continue;
    }
    const parsed = coerce(raw.trim(), setting.schema);
    if (parsed.ok) {
      setAt(value, setting.path, parsed.value);
      sources.set(`/${setting.path.join('/')}`, setting.env);
    } else {
      issues.push(configIssue(setting.env, parsed.expected, 'text that does not parse as JSON'));
    }
  }
  issues.push(...unknownVariables(env, settings));
  return { value, sources, issues };
}

type Coerced = { ok: true; value: unknown } | { ok: false; expected: string };

function coerce(raw: string, schema: ConfigSchemaNode): Coerced {
  switch (schema.type) {
    case 'integer':
    case 'number':
      return { ok: true, value: /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw };
    case 'boolean':
      return { ok: true, value: BOOLEANS.get(raw.toLowerCase()) ?? raw };
    case 'array':
      if (raw.startsWith('[') || schema.items?.type !== 'string') {
        return json(raw, 'a JSON array');
      }
      return { ok: true, value: splitList(raw) };
    case 'object':
      return json(raw, 'a JSON object');
    default:
      return { ok: true, value: raw };
  }
}

const BOOLEANS = new Map<string, boolean>([
  ['1', true],
  ['true', true],
  ['yes', true],
  ['0', false],
  ['false', false],
  ['no', false],
]);

function json(raw: string, expected: string): Coerced {
  try {
    return { ok: true, value: JSON.parse(raw) as unknown };
  } catch {
    return { ok: false, expected };
  }
}

function splitList(raw: string): string[] {
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function setAt(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  path.slice(0, -1).forEach((key) => {
    node[key] ??= {};
    node = node[key] as Record<string, unknown>;
  });
  node[path[path.length - 1] ?? ''] = value;
}

function unknownVariables(
  env: Readonly<Record<string, string | undefined>>,
  settings: readonly ConfigSetting[],
): Issue[] {
  const known = new Set<string>([CONFIG_FILE_VARIABLE]);
  settings.forEach((s) => s.env !== undefined && known.add(s.env));
  return Object.keys(env)
    .filter((name) => name.startsWith(ENV_PREFIX) && !name.startsWith(TEST_ENV_PREFIX))
    .filter((name) => !known.has(name) && !TOOL_VARIABLES.has(name))
    .sort()
    .map((name) =>
      configIssue(
        name,
        `a known setting${suggestName(name, known)}`,
        'an unknown variable (see docs/reference/configuration.md)',
      ),
    );
}
