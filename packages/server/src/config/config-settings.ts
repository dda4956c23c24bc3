/**
 * Every setting of the configuration schema with its environment variable. The name is derived from
 * the key path so a new schema property gets its variable without further code: `SOLEUS_` + the path
 * in upper snake case (`database.poolMax` → `SOLEUS_DATABASE_POOL_MAX`), unless the property names
 * another with `x-soleus-env` (`PORT`, `HOST`). Objects with declared properties are walked into;
 * everything else (scalars, lists, free-form objects) is one setting.
 */
import { CONFIG_SCHEMA, type ConfigSchemaNode } from './config-schema';

/** One settable value. */
export interface ConfigSetting {
  /** Key path in the config file, e.g. `["database", "url"]`. */
  readonly path: readonly string[];
  /** The environment variable, or undefined when the setting has none (`$schema`). */
  readonly env: string | undefined;
  readonly schema: ConfigSchemaNode;
  /** Whether the enclosing object requires it. */
  readonly required: boolean;
}

/** The variable naming the JSON config file; it is not a setting itself. */
export const CONFIG_FILE_VARIABLE = 'SOLEUS_CONFIG';

/** Prefix of every derived variable name. */
export const ENV_PREFIX = 'SOLEUS_';

/**
 * Lists the settings of a configuration schema, depth first in schema order.
 * @param schema - the schema (default: the shipped one)
 * @returns one entry per settable value
 */
export function listConfigSettings(schema: ConfigSchemaNode = CONFIG_SCHEMA): ConfigSetting[] {
  return walk(schema, []);
}

function walk(node: ConfigSchemaNode, path: readonly string[]): ConfigSetting[] {
  const required = new Set(node.required ?? []);
  return Object.entries(node.properties ?? {}).flatMap(([name, child]) => {
    const childPath = [...path, name];
    if (child.type === 'object' && child.properties) {
      return walk(child, childPath);
    }
    return [
      {
        path: childPath,
        env: envName(child, childPath),
        schema: child,
        required: required.has(name),
      },
    ];
  });
}

function envName(node: ConfigSchemaNode, path: readonly string[]): string | undefined {
  const override = node['x-soleus-env'];
  if (override === false) {
    return undefined;
  }
  return override ?? `${ENV_PREFIX}${path.map(upperSnake).join('_')}`;
}

function upperSnake(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}

/**
 * Renders a key path for messages: `auth.issuers[0].jwks`.
 * @param path - the key path (array indexes as digit strings)
 * @returns the dotted path
 */
export function dottedPath(path: readonly string[]): string {
  return path.reduce(
    (text, key) => (/^\d+$/.test(key) ? `${text}[${key}]` : text === '' ? key : `${text}.${key}`),
    '',
  );
}
