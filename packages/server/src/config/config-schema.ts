/**
 * The server configuration schema (`packages/server/schema/server-config.schema.json`), the single
 * source of truth of every setting: its type, bounds, default, description and environment variable.
 * Two vendor annotations extend JSON Schema: `x-soleus-env` names a variable other than the derived one
 * (or `false` for none) and `x-soleus-secret` keeps a value out of every message.
 */
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A node of the configuration schema, as far as the loader and the reference generator read it. */
export interface ConfigSchemaNode {
  readonly type?: string;
  readonly enum?: readonly unknown[];
  readonly description?: string;
  readonly default?: unknown;
  readonly examples?: readonly unknown[];
  readonly properties?: Readonly<Record<string, ConfigSchemaNode>>;
  readonly items?: ConfigSchemaNode;
  readonly required?: readonly string[];
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minLength?: number;
  readonly minItems?: number;
  readonly pattern?: string;
  /** Environment variable name overriding the derived `SOLEUS_…` one; `false` = none. */
  readonly 'x-soleus-env'?: string | false;
  /** The value is a credential: messages say "(hidden)" instead of echoing it. */
  readonly 'x-soleus-secret'?: boolean;
}

// src/config and dist/config are both two levels below the package root.
/** Path of the shipped configuration schema. */
export const CONFIG_SCHEMA_PATH = join(
  __dirname,
  '..',
  '..',
  'schema',
  'server-config.schema.json',
);

/** The parsed configuration schema. */
export const CONFIG_SCHEMA = JSON.parse(
  readFileSync(CONFIG_SCHEMA_PATH, 'utf8'),
) as ConfigSchemaNode;

/**
 * Compiles the configuration schema: every error at once, defaults filled in, strict keywords (the two
 * vendor annotations are declared so a misspelt keyword in the schema itself still fails).
 * @returns the ajv validator; it mutates its input to add defaults
 */
export function compileConfigSchema(): ValidateFunction {
  const ajv = new Ajv2020({ allErrors: true, strict: true, verbose: true, useDefaults: true });
  ajv.addKeyword({ keyword: 'x-soleus-env', schemaType: ['string', 'boolean'] });
  ajv.addKeyword({ keyword: 'x-soleus-secret', schemaType: 'boolean' });
  return ajv.compile(CONFIG_SCHEMA);
}
