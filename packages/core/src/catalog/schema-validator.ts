/**
 * Structural validation of content files with ajv (JSON Schema 2020-12, allErrors, strict).
 *
 * Condition schemas are a `oneOf` over all/any/not/leaf, so ajv reports every branch's complaint for a
 * single mistake. The noise is cut before it reaches an author: for each condition object only the
 * branch its own keys select (`all`, `any`, `not`, or `fact`/`operator` for a leaf) is kept, and a
 * `oneOf` error is dropped when a more specific error explains it.
 */
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ErrorCode, Issue } from '../errors';
import { createIssue } from './create-issue';
import { SCHEMA_DIR } from './default-content';

/** Validates one parsed content file and returns its structural issues. */
export type SchemaCheck = (json: unknown, file: string) => readonly Issue[];

/** One validator per content schema. */
export interface SchemaValidators {
  readonly rule: SchemaCheck;
  readonly pack: SchemaCheck;
  readonly facts: SchemaCheck;
  readonly table: SchemaCheck;
}

/** Ajv messages that the rule checks report with a more precise code (summary length). */
const SUMMARY_LENGTH = /\/(summary)$/;

/**
 * Compiles the shipped rule, pack and facts schemas once.
 * @param schemaDir - directory holding `rule.schema.json`, `pack.schema.json`, `facts.schema.json`
 * @returns validators that turn ajv errors into located issues
 */
export function createSchemaValidators(schemaDir: string = SCHEMA_DIR): SchemaValidators {
  const ajv = new Ajv2020({ allErrors: true, strict: true, verbose: true });
  addFormats(ajv);
  const compile = (name: string): ValidateFunction => {
    const schema = JSON.parse(readFileSync(join(schemaDir, name), 'utf8')) as { $id?: string };
    const validate = ajv.compile(schema);
    return Object.assign(validate, { schemaId: schema.$id ?? '' });
  };
  const rule = compile('rule.schema.json');
  const pack = compile('pack.schema.json');
  const facts = compile('facts.schema.json');
  const table = compile('table.schema.json');
  return {
    // Too-long summaries pass through to checkRule, which reports SOLEUS_RULE_SUMMARY_TOO_LONG.
    rule: (json, file) =>
      run(rule, json, file, 'SOLEUS_RULE_SCHEMA').filter(
        (i) =>
          !(
            i.details?.['keyword'] === 'maxLength' && SUMMARY_LENGTH.test(i.location?.pointer ?? '')
          ),
      ),
    pack: (json, file) => run(pack, json, file, 'SOLEUS_RULE_SCHEMA'),
    facts: (json, file) => run(facts, json, file, 'SOLEUS_FACT_SCHEMA'),
    table: (json, file) => run(table, json, file, 'SOLEUS_RULE_SCHEMA'),
  };
}

function run(
  validate: ValidateFunction & { schemaId?: string },
  json: unknown,
  file: string,
  code: ErrorCode,
): Issue[] {
  const major = checkSchemaMajor(json, validate.schemaId ?? '', file, code);
  if (validate(json)) {
    return major;
  }
  const issues = pruneBranchNoise(validate.errors ?? [], json).map((e) => toIssue(e, file, code));
  return [...major, ...issues];
}

/**
 * The schema `$id` is versioned (`…/schema/rule/v1`): a file that declares another major of the same
 * schema by URL was written for a different loader and is rejected rather than half-understood.
 * Relative paths (`../../schema/rule.schema.json`) carry no version and are accepted.
 */
function checkSchemaMajor(json: unknown, schemaId: string, file: string, code: ErrorCode): Issue[] {
  const own = /^(.*\/)v(\d+)$/.exec(schemaId);
  const declared = (json as { $schema?: unknown } | null)?.$schema;
  if (!own || typeof declared !== 'string' || !declared.startsWith(own[1] ?? '')) {
    return [];
  }
  if (declared === schemaId) {
    return [];
  }
  const what = `schema "${declared}" is not a version this loader reads; expected "${schemaId}"`;
  return [createIssue(code, file, '/$schema', what)];
}

function pruneBranchNoise(errors: readonly ErrorObject[], root: unknown): ErrorObject[] {
  const kept = errors.filter((error) => {
    const branch = branchOf(error.parentSchema);
    return (
      branch === undefined || branch === selectBranch(resolvePointer(root, error.instancePath))
    );
  });
  const seen = new Set<string>();
  return kept.filter((error) => {
    const key = `${error.instancePath} ${error.keyword} ${JSON.stringify(error.params)}`;
    const explained =
      error.keyword === 'oneOf' &&
      kept.some((other) => other !== error && other.instancePath.startsWith(error.instancePath));
    const duplicate = seen.has(key);
    seen.add(key);
    return !explained && !duplicate;
  });
}

/**
 * Which condition branch an object-level error (required, additionalProperties) comes from, told by
 * the properties its schema declares; undefined when the error is not from a condition branch.
 * (Ajv's schemaPath restarts at each $ref, so it cannot tell the branches apart.)
 */
function branchOf(schema: unknown): string | undefined {
  const properties = (schema as { properties?: Record<string, unknown> } | undefined)?.properties;
  if (!properties) {
    return undefined;
  }
  const keys = Object.keys(properties);
  if (keys.length === 1 && (keys[0] === 'all' || keys[0] === 'any' || keys[0] === 'not')) {
    return keys[0];
  }
  return keys.includes('fact') && keys.includes('operator') ? 'leaf' : undefined;
}

function selectBranch(node: unknown): string {
  if (typeof node !== 'object' || node === null) {
    return 'leaf';
  }
  const keys = Object.keys(node);
  return keys.find((k) => k === 'all' || k === 'any' || k === 'not') ?? 'leaf';
}

function toIssue(error: ErrorObject, file: string, code: ErrorCode): Issue {
  const params = error.params as Record<string, unknown>;
  let pointer = error.instancePath;
  let what: string;
  switch (error.keyword) {
    case 'additionalProperties': {
      pointer = `${pointer}/${String(params['additionalProperty'])}`;
      const allowed = Object.keys((error.parentSchema?.['properties'] as object | undefined) ?? {});
      what = `unknown property "${String(params['additionalProperty'])}"; expected one of ${allowed.join(', ')}`;
      break;
    }
    case 'required':
      what = `missing required property "${String(params['missingProperty'])}"`;
      break;
    case 'enum':
      what = `expected one of ${(params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}; found ${brief(error.data)}`;
      break;
    case 'oneOf':
      what =
        'expected a condition object with exactly one of all, any, not, or a leaf {fact, operator}';
      break;
    default:
      what = `${error.message ?? 'invalid'}; found ${brief(error.data)}`;
  }
  const issue = createIssue(code, file, pointer, what);
  return { ...issue, details: { keyword: error.keyword, schemaPath: error.schemaPath } };
}

function resolvePointer(root: unknown, pointer: string): unknown {
  let node = root;
  for (const token of pointer.split('/').slice(1)) {
    const key = token.replace(/~1/g, '/').replace(/~0/g, '~');
    node =
      typeof node === 'object' && node !== null
        ? (node as Record<string, unknown>)[key]
        : undefined;
  }
  return node;
}

/** Short rendering of a found value: rule files hold no PHI, but whole objects would drown the message. */
function brief(value: unknown): string {
  const text = JSON.stringify(value) ?? 'nothing';
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
