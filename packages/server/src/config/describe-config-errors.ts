/**
 * Turns ajv's errors over the merged configuration into operator messages that name where the value
 * came from (the variable, or the config file and key), what was expected and what was found, with a
 * "did you mean" for a misspelt key or enum value. Secrets (`x-soleus-secret`) are never echoed.
 */
import type { ErrorObject } from 'ajv';
import { suggestName, type Issue } from '@soleus/core';
import type { ConfigSchemaNode } from './config-schema';
import { configIssue } from './config-issue';
import { dottedPath, type ConfigSetting } from './config-settings';

/** Where the values under validation came from. */
export interface ConfigSources {
  /** JSON Pointer → environment variable, for values the environment set. */
  readonly env: ReadonlyMap<string, string>;
  /** The config file path, when one was read. */
  readonly file?: string;
  /** The schema's settings, to name the variable of a value that is missing. */
  readonly settings: readonly ConfigSetting[];
}

/**
 * Describes every schema error.
 * @param errors - ajv's errors (validator compiled with `verbose`)
 * @param sources - where values came from
 * @returns one issue per error
 */
export function describeConfigErrors(
  errors: readonly ErrorObject[],
  sources: ConfigSources,
): Issue[] {
  return errors.map((error) => {
    const path = pathOf(error);
    const schema = error.parentSchema as ConfigSchemaNode | undefined;
    const [expected, found] = explain(error, schema);
    return configIssue(where(path, sources, error.keyword === 'required'), expected, found);
  });
}

function pathOf(error: ErrorObject): string[] {
  const path = error.instancePath
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  const params = error.params as { additionalProperty?: string; missingProperty?: string };
  const extra = params.additionalProperty ?? params.missingProperty;
  return extra === undefined ? path : [...path, extra];
}

function where(path: readonly string[], sources: ConfigSources, missing: boolean): string {
  const key = dottedPath(path) || '(top level)';
  const setting = sources.settings.find((s) => s.path.join('/') === path.join('/'));
  if (missing) {
    return setting?.env ? `${key} (or ${setting.env})` : key;
  }
  const pointer = `/${path.join('/')}`;
  const fromEnv = [...sources.env.entries()]
    .filter(([p]) => pointer === p || pointer.startsWith(`${p}/`))
    .sort(([a], [b]) => b.length - a.length)[0];
  if (fromEnv) {
    const [p, variable] = fromEnv;
    return p === pointer ? variable : `${variable} ${dottedPath(path)}`;
  }
  if (sources.file !== undefined) {
    return `${sources.file} ${key}`;
  }
  return setting?.env ? `${key} (${setting.env})` : key;
}

function explain(error: ErrorObject, schema: ConfigSchemaNode | undefined): [string, string] {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const name = String(params['additionalProperty']);
      const known = Object.keys(schema?.properties ?? {});
      return [`a known setting${suggestName(name, known)}`, 'an unknown key'];
    }
    case 'required':
      return ['a value (required)', 'nothing'];
    case 'enum': {
      const allowed = (schema?.enum ?? []).map(String);
      const hint = typeof error.data === 'string' ? suggestName(error.data, allowed) : '';
      return [`one of ${allowed.join(', ')}${hint}`, show(error.data, schema)];
    }
    default:
      return [expectation(error, params, schema), show(error.data, schema)];
  }
}

function expectation(
  error: ErrorObject,
  params: Record<string, unknown>,
  schema: ConfigSchemaNode | undefined,
): string {
  const limit = params['limit'];
  switch (error.keyword) {
    case 'type':
      return article(String(params['type']));
    case 'minimum':
      return `a number ≥ ${String(limit)}`;
    case 'maximum':
      return `a number ≤ ${String(limit)}`;
    case 'minLength':
      return 'a non-empty string';
    case 'minItems':
      return `at least ${String(limit)} item(s)`;
    case 'pattern': {
      const example = schema?.examples?.[0];
      return example === undefined
        ? `text matching ${String(params['pattern'])}`
        : `a value like ${JSON.stringify(example)}`;
    }
    default:
      return error.message ?? 'a valid value';
  }
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function show(value: unknown, schema: ConfigSchemaNode | undefined): string {
  if (schema !== undefined && holdsSecret(schema)) {
    return 'a value (hidden: it is a secret)';
  }
  if (value === undefined) {
    return 'nothing';
  }
  if (typeof value === 'string') {
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  }
  if (Array.isArray(value)) {
    return `an array of ${value.length}`;
  }
  return value === null ? 'null' : typeof value === 'object' ? 'an object' : String(value);
}

/** A secret itself, or an object or list with a secret inside (its text could hold the secret). */
function holdsSecret(schema: ConfigSchemaNode): boolean {
  return (
    schema['x-soleus-secret'] === true ||
    Object.values(schema.properties ?? {}).some(holdsSecret) ||
    (schema.items !== undefined && holdsSecret(schema.items))
  );
}
