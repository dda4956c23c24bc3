/**
 * Reads `*.valueset.json` files and checks the shape the index relies on. All problems of all files are
 * collected; when there is any, no value set is returned (a half-loaded terminology would make rules
 * silently stop firing).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { sep } from 'node:path';
import type { ErrorCode, Issue } from '../errors';
import type { ValueSetResource } from './value-set-resource';
import { contentFileEntries, type ExtraContentDir } from '../files/content-file-entries';

/** What {@link loadValueSets} found. */
export interface LoadedValueSets {
  /** The value sets, in file-name order; empty when `issues` is not. */
  readonly valueSets: readonly ValueSetResource[];
  /** Value-set url → file it was read from, relative to the directory (e.g. `dvt/fever.valueset.json`). */
  readonly files: ReadonlyMap<string, string>;
  /** Every problem found, each with file and JSON Pointer. */
  readonly issues: readonly Issue[];
}

const SUFFIX = '.valueset.json';

/**
 * Reads every `*.valueset.json` in a directory tree and validates its shape without throwing.
 * @param dir - directory holding FHIR R4 ValueSet JSON files, directly or in sub-directories
 * @param extraDirs - more such directories (a site pack's `valuesets/`), their files reported under
 *   `label/`; one that does not exist holds no value sets
 * @returns the value sets, or none plus issues (SOLEUS_VALUESET_INVALID, SOLEUS_VALUESET_DUPLICATE)
 */
export function loadValueSets(
  dir: string,
  extraDirs: readonly ExtraContentDir[] = [],
): LoadedValueSets {
  const issues: Issue[] = [];
  const valueSets: ValueSetResource[] = [];
  const files = new Map<string, string>();
  const entries = contentFileEntries(dir, extraDirs, (d) => listFiles(d, issues));
  for (const { path, name } of entries) {
    const json = readJson(path, name, issues);
    if (json === undefined || !checkShape(json, name, issues)) {
      continue;
    }
    const clash = findClash(json, valueSets, files);
    if (clash) {
      issues.push(issue('SOLEUS_VALUESET_DUPLICATE', name, clash.pointer, clash.what));
      continue;
    }
    files.set(json.url, name);
    valueSets.push(json);
  }
  return issues.length > 0
    ? { valueSets: [], files: new Map(), issues }
    : { valueSets, files, issues };
}

/** Urls and ids must each name one value set: both are lookup keys of the index. */
function findClash(
  json: ValueSetResource,
  loaded: readonly ValueSetResource[],
  files: ReadonlyMap<string, string>,
): { pointer: string; what: string } | undefined {
  const first = files.get(json.url);
  if (first !== undefined) {
    return {
      pointer: '/url',
      what: `url "${json.url}" is already used by ${first}; expected each value set url once`,
    };
  }
  const sameId = json.id === undefined ? undefined : loaded.find((vs) => vs.id === json.id);
  if (sameId) {
    return {
      pointer: '/id',
      what: `id "${json.id ?? ''}" is already used by ${files.get(sameId.url) ?? sameId.url}; expected each value set id once`,
    };
  }
  return undefined;
}

function listFiles(dir: string, issues: Issue[]): string[] {
  try {
    // Value sets are grouped by domain in sub-directories (valuesets/dvt/, valuesets/shared/, …).
    return readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .map((name) => name.split(sep).join('/'))
      .filter((name) => name.endsWith(SUFFIX))
      .sort();
  } catch (err) {
    issues.push(
      issue(
        'SOLEUS_VALUESET_INVALID',
        dir,
        '',
        `cannot read value-set directory (${errorName(err)}); expected a readable directory`,
      ),
    );
    return [];
  }
}

function readJson(path: string, file: string, issues: Issue[]): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (err) {
    issues.push(
      issue(
        'SOLEUS_VALUESET_INVALID',
        file,
        '',
        `not readable as JSON (${errorName(err)}); expected a FHIR R4 ValueSet JSON file`,
      ),
    );
    return undefined;
  }
}

function checkShape(json: unknown, file: string, issues: Issue[]): json is ValueSetResource {
  const before = issues.length;
  const fail = (pointer: string, what: string): void => {
    issues.push(issue('SOLEUS_VALUESET_INVALID', file, pointer, what));
  };
  if (!isObject(json)) {
    fail('', `expected a JSON object; found ${describe(json)}`);
    return false;
  }
  if (json['resourceType'] !== 'ValueSet') {
    fail('/resourceType', `expected "ValueSet"; found ${describe(json['resourceType'])}`);
  }
  if (typeof json['url'] !== 'string' || json['url'] === '') {
    fail('/url', `expected a canonical url string; found ${describe(json['url'])}`);
  }
  const counted = checkExpansion(json, fail) + checkCompose(json, fail);
  if (counted === 0 && issues.length === before) {
    fail(
      '',
      'no concepts; expected at least one expansion.contains code, compose.include concept or compose.include valueSet',
    );
  }
  return issues.length === before;
}

type Fail = (pointer: string, what: string) => void;

function checkExpansion(json: Record<string, unknown>, fail: Fail): number {
  const expansion = json['expansion'];
  if (expansion === undefined) {
    return 0;
  }
  const contains = isObject(expansion) ? expansion['contains'] : undefined;
  if (contains !== undefined && !Array.isArray(contains)) {
    fail('/expansion/contains', `expected an array; found ${describe(contains)}`);
    return 0;
  }
  return countContains(contains ?? [], '/expansion/contains', fail);
}

function countContains(items: readonly unknown[], pointer: string, fail: Fail): number {
  let count = 0;
  items.forEach((item, i) => {
    const at = `${pointer}/${i}`;
    if (!isObject(item)) {
      fail(at, `expected an object with system and code; found ${describe(item)}`);
      return;
    }
    const nested = Array.isArray(item['contains']) ? (item['contains'] as unknown[]) : [];
    if (item['code'] !== undefined || nested.length === 0) {
      count += checkCode(item, at, fail);
    }
    count += countContains(nested, `${at}/contains`, fail);
  });
  return count;
}

function checkCompose(json: Record<string, unknown>, fail: Fail): number {
  const compose = json['compose'];
  const include = isObject(compose) ? compose['include'] : undefined;
  if (compose === undefined) {
    return 0;
  }
  if (!Array.isArray(include)) {
    fail('/compose/include', `expected an array; found ${describe(include)}`);
    return 0;
  }
  let count = 0;
  include.forEach((entry: unknown, i) => {
    const at = `/compose/include/${i}`;
    const concepts =
      isObject(entry) && Array.isArray(entry['concept']) ? (entry['concept'] as unknown[]) : [];
    const refs =
      isObject(entry) && Array.isArray(entry['valueSet']) ? (entry['valueSet'] as unknown[]) : [];
    refs.forEach((ref, j) => {
      if (typeof ref !== 'string' || ref === '') {
        fail(`${at}/valueSet/${j}`, `expected a value-set url; found ${describe(ref)}`);
      }
    });
    concepts.forEach((concept, j) => {
      count += checkCode(
        {
          system: isObject(entry) ? entry['system'] : undefined,
          ...(isObject(concept) ? concept : {}),
        },
        `${at}/concept/${j}`,
        fail,
        `${at}/system`,
      );
    });
    count += refs.length;
  });
  return count;
}

function checkCode(
  item: Record<string, unknown>,
  at: string,
  fail: Fail,
  systemPointer = `${at}/system`,
): number {
  const okSystem = typeof item['system'] === 'string' && item['system'] !== '';
  const okCode = typeof item['code'] === 'string' && item['code'] !== '';
  if (!okSystem) {
    fail(systemPointer, `expected a code-system uri; found ${describe(item['system'])}`);
  }
  if (!okCode) {
    fail(`${at}/code`, `expected a non-empty code; found ${describe(item['code'])}`);
  }
  return okSystem && okCode ? 1 : 0;
}

function issue(code: ErrorCode, file: string, pointer: string, what: string): Issue {
  return {
    severity: 'error',
    code,
    message: `${file}#${pointer}: ${what}`,
    location: { file, pointer },
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === undefined) {
    return 'nothing';
  }
  return typeof value === 'string'
    ? `"${value}"`
    : Array.isArray(value)
      ? 'an array'
      : typeof value;
}

function errorName(err: unknown): string {
  return err instanceof Error ? err.name : 'unknown error';
}
