/**
 * One resource through the read-elements schema (`schema/fhir-read-elements.schema.json`): a valid
 * resource is returned as it is (no copy, the common case); otherwise a shallow copy leaves out every
 * top-level element with an invalid part, or the resource is skipped when such an element is critical
 * (its identity, status, subject, what it is about, or an element whose presence stops it counting).
 * Contained resources go through the same check. Each problem becomes one data-quality issue naming
 * the resource (`Type/id`) and the element path, with JSON types but never values (no PHI).
 * A resource that carries a `modifierExtension` (on itself or on any of its elements) is skipped: Soleus
 * understands no modifier extension, and FHIR R4 (§2.6, extensibility) forbids processing a resource
 * whose modifiers are not understood as if they were absent; what it says is unknown, never negative.
 */
import type { ErrorObject } from 'ajv';
import type { FhirResource } from 'fhir/r4';
import type { Issue } from '@soleus/core';
import { isResourceObject } from '../fhir/bundle-resources';
import { readElementRules } from './read-element-rules';

/** The resource to read (the input when valid, a repaired copy, or undefined when skipped) and why. */
export interface SanitisedResource {
  readonly resource: FhirResource | undefined;
  readonly issues: readonly Issue[];
}

const NO_ISSUES: readonly Issue[] = [];

/**
 * Checks one resource against the elements Soleus reads.
 * @param value - anything found where a resource should be
 * @param container - `Type/id` of the resource that contains this one, for contained resources
 * @returns the resource to index (or undefined) and the data-quality issues
 */
export function sanitiseResource(value: unknown, container?: string): SanitisedResource {
  if (!isResourceObject(value)) {
    const label = container ? `${container} contained resource` : 'a record entry';
    return {
      resource: undefined,
      issues: [
        issueOf('SOLEUS_FHIR_INVALID_RESOURCE', container ?? '(no resource)', '', {
          what: `${label}: expected a FHIR resource (a JSON object with a resourceType string), found ${jsonType(value)}; skipped`,
        }),
      ],
    };
  }
  const resource = value as ResourceObject;
  const modifier = modifierPath(resource);
  if (modifier !== undefined) {
    const ref = labelOf(resource, container);
    const what = `carries a modifier extension Soleus does not understand (${modifier.urls.join(', ') || 'no url'}); a modifier can change what the resource means, so it was skipped and what it says is unknown`;
    return {
      resource: undefined,
      issues: [issueOf('SOLEUS_FHIR_UNINTERPRETABLE', ref, modifier.path, { what })],
    };
  }
  const rules = readElementRules(resource.resourceType);
  const valid = rules.validate(resource);
  const broken = valid ? undefined : brokenElements(rules.validate.errors ?? []);
  const ref = labelOf(resource, container);
  const contained = broken?.has('contained') ? undefined : sanitiseContained(resource, ref);
  if (broken === undefined && contained === undefined) {
    return { resource: value, issues: NO_ISSUES };
  }
  const elements = [...(broken?.keys() ?? [])];
  const fatal = elements.filter((element) => element === '' || rules.critical.has(element));
  if (fatal.length > 0) {
    const issues = fatal.map((element) =>
      describe('SOLEUS_FHIR_INVALID_RESOURCE', ref, resource, broken?.get(element), 'skip'),
    );
    return { resource: undefined, issues };
  }
  const copy: Record<string, unknown> = { ...resource };
  const issues: Issue[] = [];
  for (const element of elements) {
    delete copy[element];
    issues.push(
      describe('SOLEUS_FHIR_UNINTERPRETABLE', ref, resource, broken?.get(element), 'drop'),
    );
  }
  if (contained) {
    copy['contained'] = contained.resources;
    issues.push(...contained.issues);
  }
  return { resource: copy as unknown as FhirResource, issues };
}

/** A resource-shaped object whose other members are not trusted yet. */
interface ResourceObject {
  readonly resourceType: string;
  readonly id?: unknown;
  readonly contained?: unknown;
}

function labelOf(resource: ResourceObject, container: string | undefined): string {
  const id = typeof resource.id === 'string' ? resource.id : '(no id)';
  return container ? `${container}#${id}` : `${resource.resourceType}/${id}`;
}

/**
 * The first element (outside contained resources, which are checked on their own) that carries a
 * non-empty `modifierExtension`, with the extension urls.
 */
function modifierPath(resource: ResourceObject): { path: string; urls: string[] } | undefined {
  // Almost no resource carries one: a walk that builds no paths answers first (it was ~5 % of a call's
  // CPU, docs/reference/performance.md); the walk below, which names the element, runs only on a hit.
  if (!hasModifierExtension(resource, true)) {
    return undefined;
  }
  const walk = (node: unknown, path: string): { path: string; urls: string[] } | undefined => {
    if (Array.isArray(node)) {
      for (const [i, item] of node.entries()) {
        const found = walk(item, `${path}[${i}]`);
        if (found) {
          return found;
        }
      }
      return undefined;
    }
    if (node === null || typeof node !== 'object') {
      return undefined;
    }
    for (const [key, child] of Object.entries(node)) {
      const at = path === '' ? key : `${path}.${key}`;
      if (key === 'modifierExtension' && Array.isArray(child) && child.length > 0) {
        const urls = child.flatMap((e: unknown) => {
          const url = (e as { url?: unknown } | null)?.url;
          return typeof url === 'string' ? [url] : [];
        });
        return { path: at, urls };
      }
      const found = key === 'contained' && path === '' ? undefined : walk(child, at);
      if (found) {
        return found;
      }
    }
    return undefined;
  };
  return walk(resource, '');
}

/**
 * Whether `modifierPath` would find something: the same walk (arrays, objects, `contained` skipped at
 * the top only), allocating nothing.
 */
function hasModifierExtension(node: object, top: boolean): boolean {
  // Primitives are skipped before the call: they are most of a resource's nodes.
  if (Array.isArray(node)) {
    for (const item of node as unknown[]) {
      if (typeof item === 'object' && item !== null && hasModifierExtension(item, false)) {
        return true;
      }
    }
    return false;
  }
  const record = node as Record<string, unknown>;
  // The one key that answers is read directly; the loop below then only descends. Primitives are
  // dismissed before the own-property check: they are most members (25 % less CPU at ~500 resources).
  const own = Object.hasOwn(record, 'modifierExtension') ? record['modifierExtension'] : undefined;
  if (Array.isArray(own) && own.length > 0) {
    return true;
  }
  for (const key in record) {
    const child = record[key];
    if (typeof child !== 'object' || child === null || !Object.hasOwn(record, key)) {
      continue;
    }
    if (!(top && key === 'contained') && hasModifierExtension(child, false)) {
      return true;
    }
  }
  return false;
}

/** The first error of each top-level element ('' for the resource itself). */
function brokenElements(errors: readonly ErrorObject[]): Map<string, ErrorObject> {
  const broken = new Map<string, ErrorObject>();
  for (const error of errors) {
    const element = unescape(error.instancePath.split('/')[1] ?? '');
    if (!broken.has(element)) {
      broken.set(element, error);
    }
  }
  return broken;
}

/** Contained resources, checked one by one; undefined when they need no change. */
function sanitiseContained(
  resource: ResourceObject,
  ref: string,
): { resources: unknown[]; issues: Issue[] } | undefined {
  if (!Array.isArray(resource.contained)) {
    return undefined;
  }
  let changed = false;
  const resources: unknown[] = [];
  const issues: Issue[] = [];
  for (const item of resource.contained as unknown[]) {
    const checked = sanitiseResource(item, ref);
    changed ||= checked.resource !== item;
    if (checked.resource) {
      resources.push(checked.resource);
    }
    issues.push(...checked.issues);
  }
  return changed ? { resources, issues } : undefined;
}

function describe(
  code: 'SOLEUS_FHIR_INVALID_RESOURCE' | 'SOLEUS_FHIR_UNINTERPRETABLE',
  ref: string,
  resource: object,
  error: ErrorObject | undefined,
  outcome: 'skip' | 'drop',
): Issue {
  const pointer = error?.instancePath ?? '';
  const path = fhirPath(pointer);
  const expected = expectedOf(error);
  const found = error?.keyword === 'required' ? 'none' : jsonType(valueAt(resource, pointer));
  const then =
    outcome === 'skip'
      ? `the resource was skipped (without ${path.split(/[.[]/)[0] || 'it'} it cannot be read safely)`
      : 'this element was left out, so what it says is unknown';
  return issueOf(code, ref, path, { what: `expected ${expected}, found ${found}; ${then}` });
}

function issueOf(code: Issue['code'], ref: string, path: string, text: { what: string }): Issue {
  const where = path === '' ? ref : `${ref} ${path}`;
  return {
    severity: 'warning',
    code,
    message: `${where}: ${text.what}`,
    location: { resource: ref, ...(path === '' ? {} : { path }) },
  };
}

function expectedOf(error: ErrorObject | undefined): string {
  if (error?.keyword === 'type') {
    return `${String((error.params as { type?: unknown }).type)} (FHIR R4 JSON)`;
  }
  if (error?.keyword === 'required') {
    return `a ${String((error.params as { missingProperty?: unknown }).missingProperty)}`;
  }
  return 'valid FHIR R4 JSON';
}

/** `/code/coding/0/system` → `code.coding[0].system`. */
function fhirPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map(unescape)
    .reduce(
      (path, token) =>
        /^\d+$/.test(token) ? `${path}[${token}]` : path === '' ? token : `${path}.${token}`,
      '',
    );
}

function valueAt(resource: object, pointer: string): unknown {
  let node: unknown = resource;
  for (const token of pointer.split('/').slice(1).map(unescape)) {
    node =
      node !== null && typeof node === 'object'
        ? (node as Record<string, unknown>)[token]
        : undefined;
  }
  return node;
}

function unescape(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

function jsonType(value: unknown): string {
  if (value === null) {
    return 'null';
  }
  return Array.isArray(value) ? 'array' : typeof value === 'undefined' ? 'nothing' : typeof value;
}
