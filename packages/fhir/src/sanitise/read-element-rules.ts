/**
 * The per-resource-type validators of `schema/fhir-read-elements.schema.json`, compiled once (at server
 * start through {@link prepareReadElementRules}, else on first use) and shared by every request. A type the schema does not describe is checked for its
 * identity only (`resourceType`, `id`): Soleus reads nothing else of it.
 */
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** How one resource type is checked. */
export interface ReadElementRules {
  readonly validate: ValidateFunction;
  /** Top-level elements whose invalidity skips the whole resource (identity always included). */
  readonly critical: ReadonlySet<string>;
}

const CRITICAL = 'x-soleus-critical';
// src/sanitise and dist/sanitise are both two levels below the package root (see cds-schemas.ts).
/** The schema file, shipped with `@soleus/fhir`. */
export const READ_ELEMENTS_SCHEMA_PATH = join(
  __dirname,
  '..',
  '..',
  'schema',
  'fhir-read-elements.schema.json',
);

interface SchemaFile {
  readonly $id: string;
  readonly [CRITICAL]: readonly string[];
  readonly $defs: Readonly<
    Record<string, { readonly $ref?: string; readonly [CRITICAL]?: readonly string[] }>
  >;
}

let rulesByType: ReadonlyMap<string, ReadElementRules> | undefined;
let identityRules: ReadElementRules | undefined;

function compileAll(): void {
  const schema = JSON.parse(readFileSync(READ_ELEMENTS_SCHEMA_PATH, 'utf8')) as SchemaFile;
  // allErrors: every broken element of a resource is reported at once, not one per request.
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false });
  ajv.addKeyword({ keyword: CRITICAL, schemaType: 'array' });
  ajv.addSchema(schema);
  const identity = new Set(schema[CRITICAL]);
  const compile = (name: string): ReadElementRules => ({
    validate: ajv.compile({ $ref: `${schema.$id}#/$defs/${name}` }),
    critical: new Set([...identity, ...(schema.$defs[name]?.[CRITICAL] ?? [])]),
  });
  identityRules = compile('resourceBase');
  // A resource type is a definition built on resourceBase; the rest are data types.
  const types = Object.entries(schema.$defs)
    .filter(([, definition]) => definition.$ref === '#/$defs/resourceBase')
    .map(([name]) => name);
  rulesByType = new Map(types.map((name) => [name, compile(name)]));
}

/**
 * Compiles the validators now (about 0.2–0.3 s, once per process) so the first service call does not
 * pay it; a server calls this at start. Later calls do nothing.
 */
export function prepareReadElementRules(): void {
  if (!rulesByType) {
    compileAll();
  }
}

/**
 * The rules of one resource type.
 * @param resourceType - e.g. `Observation`
 * @returns its validator and critical elements (identity only for types Soleus does not read)
 */
export function readElementRules(resourceType: string): ReadElementRules {
  if (!rulesByType) {
    compileAll();
  }
  return rulesByType?.get(resourceType) ?? (identityRules as ReadElementRules);
}
