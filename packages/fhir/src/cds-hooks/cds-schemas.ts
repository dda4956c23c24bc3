/**
 * The CDS Hooks JSON Schemas shipped in `packages/fhir/schema/`, compiled once on first use and
 * reused for every request (compiling per request would cost milliseconds on the hot path).
 */
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// src/cds-hooks and dist/cds-hooks are both two levels below the package root, so one relative path
// serves jest (running src) and the built package (running dist).
/** Directory of the CDS Hooks JSON Schemas shipped in `@soleus/fhir`. */
export const CDS_SCHEMA_DIR = join(__dirname, '..', '..', 'schema');

/** The schemas a caller can validate against (file name without `.schema.json`). */
export type CdsSchemaName =
  | 'cds-request.patient-view'
  | 'cds-request.order-select'
  | 'cds-request.order-sign'
  | 'cds-response'
  | 'cds-feedback';

const NAMES: readonly CdsSchemaName[] = [
  'cds-request.patient-view',
  'cds-request.order-select',
  'cds-request.order-sign',
  'cds-response',
  'cds-feedback',
];

let validators: ReadonlyMap<CdsSchemaName, ValidateFunction> | undefined;

function readSchema(name: string): object {
  return JSON.parse(readFileSync(join(CDS_SCHEMA_DIR, `${name}.schema.json`), 'utf8')) as object;
}

function compileAll(): ReadonlyMap<CdsSchemaName, ValidateFunction> {
  // strictRequired/strictTypes are off because if/then branches name properties declared elsewhere;
  // unknown keywords and formats are still rejected.
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    strictRequired: false,
    strictTypes: false,
    verbose: true,
  });
  addFormats(ajv);
  ajv.addSchema(readSchema('cds-common'));
  return new Map(NAMES.map((name) => [name, ajv.compile(readSchema(name))]));
}

/**
 * Compiles every CDS Hooks schema now (about a second on a busy 2-core machine, once per process), so
 * the first service call does not pay it; a server calls this at start. Later calls do nothing.
 */
export function prepareCdsSchemas(): void {
  validators ??= compileAll();
}

/**
 * Returns the compiled validator of one CDS Hooks schema, compiling all of them on the first call.
 * @param name - the schema name, e.g. `cds-request.patient-view`
 * @returns the ajv validate function
 */
export function getCdsSchemaValidator(name: CdsSchemaName): ValidateFunction {
  validators ??= compileAll();
  const validate = validators.get(name);
  if (!validate) {
    // Unreachable: NAMES lists every member of CdsSchemaName.
    throw new TypeError(`no CDS Hooks schema named ${name}`);
  }
  return validate;
}
