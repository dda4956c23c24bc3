/**
 * Turns ajv errors into one readable {@link Issue} per real problem (per JSON Pointer): `request#/context/patientId:
 * expected …; found …`. The `if` wrapper errors are dropped (the `then` error says it better), and a
 * schema's `$comment` is appended so an invariant failure names its rule (cds-resp-3, cds-fb-2, …).
 * Found values are described by type only, except for short enum/const strings: request values may be
 * PHI (patient ids) or secrets (access tokens) and never reach a message.
 */
import type { ErrorObject } from 'ajv';
import type { ErrorCode, Issue } from '@soleus/core';

/** What the validated JSON document is called in messages, e.g. `request` or `response`. */
export type DocumentLabel = 'request' | 'response' | 'feedback';

/**
 * Converts ajv errors to located, PHI-free issues.
 * @param errors - ajv `validate.errors` (validator compiled with `verbose: true`)
 * @param code - the issue code to use
 * @param label - what the document is called in messages
 * @returns one issue per distinct problem, in ajv's order
 */
export function schemaErrorsToIssues(
  errors: readonly ErrorObject[],
  code: ErrorCode,
  label: DocumentLabel,
): Issue[] {
  const seen = new Set<string>();
  const issues: Issue[] = [];
  for (const error of errors) {
    if (error.keyword === 'if') {
      continue;
    }
    const { pointer, what } = describe(error);
    const message = `${label}#${pointer}: ${what}${comment(error)}`;
    // One issue per location: a value that breaks minLength and pattern at once is one problem.
    if (!seen.has(pointer)) {
      seen.add(pointer);
      issues.push({
        severity: 'error',
        code,
        message,
        location: { pointer },
        details: { keyword: error.keyword, schemaPath: error.schemaPath },
      });
    }
  }
  return issues;
}

function describe(error: ErrorObject): { pointer: string; what: string } {
  const params = error.params as Record<string, unknown>;
  const at = error.instancePath;
  switch (error.keyword) {
    case 'required':
      return {
        pointer: `${at}/${String(params['missingProperty'])}`,
        what: 'missing required property',
      };
    case 'dependentRequired':
      return {
        pointer: `${at}/${String(params['missingProperty'])}`,
        what: `missing; required when "${String(params['property'])}" is present`,
      };
    case 'additionalProperties': {
      const allowed = Object.keys((error.parentSchema?.['properties'] as object | undefined) ?? {});
      return {
        pointer: `${at}/${String(params['additionalProperty'])}`,
        what: `unknown property; expected only ${allowed.join(', ')}`,
      };
    }
    case 'not':
      return { pointer: at, what: 'property is not allowed here' };
    default:
      return { pointer: at, what: `expected ${expected(error, params)}; found ${found(error)}` };
  }
}

function expected(error: ErrorObject, params: Record<string, unknown>): string {
  switch (error.keyword) {
    case 'const':
      return JSON.stringify(params['allowedValue']);
    case 'enum':
      return `one of ${(params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'type':
      return String(params['type']).split(',').join(' or ');
    case 'minLength':
      return `at least ${String(params['limit'])} character(s)`;
    case 'maxLength':
      return `at most ${String(params['limit'])} characters`;
    case 'minItems':
      return `at least ${String(params['limit'])} item(s)`;
    case 'minProperties':
      return 'a non-empty object';
    case 'contains':
      return `at most ${String(params['maxContains'] ?? params['max'] ?? 1)} matching item(s)`;
    case 'pattern':
    case 'format':
      return (
        describeSchema(error) ?? `a string of ${error.keyword} ${String(params[error.keyword])}`
      );
    default:
      return error.message ?? 'a valid value';
  }
}

function found(error: ErrorObject): string {
  const data: unknown = error.data;
  if (error.keyword === 'minLength' || error.keyword === 'maxLength') {
    return `${String((data as string).length)} characters`;
  }
  if (error.keyword === 'minItems' || error.keyword === 'contains') {
    return Array.isArray(data) ? `${String(data.length)} item(s)` : typeOf(data);
  }
  const shortToken = typeof data === 'string' && /^[A-Za-z-]{1,24}$/.test(data);
  if ((error.keyword === 'enum' || error.keyword === 'const') && shortToken) {
    return JSON.stringify(data);
  }
  if (error.keyword === 'pattern' || error.keyword === 'format') {
    return 'a string that does not match';
  }
  return typeOf(data);
}

function typeOf(data: unknown): string {
  if (data === null) {
    return 'null';
  }
  return Array.isArray(data) ? 'array' : typeof data;
}

function describeSchema(error: ErrorObject): string | undefined {
  const description = (error.parentSchema as Record<string, unknown> | undefined)?.['description'];
  if (typeof description !== 'string') {
    return undefined;
  }
  const text = description.replace(/\.$/, '');
  return `${text.charAt(0).toLowerCase()}${text.slice(1)}`;
}

function comment(error: ErrorObject): string {
  const note = (error.parentSchema as Record<string, unknown> | undefined)?.['$comment'];
  return typeof note === 'string' ? ` (${note.replace(/\.$/, '')})` : '';
}
