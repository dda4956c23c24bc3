import type { FactDefinition, FactSet } from '@soleus/core';
import type { ResourceDescription } from '../text/describe-resource';
import { formatFactValue } from './format-fact';

/** Values a template may refer to besides facts: `{{context.<field>}}` and `{{service.baseUrl}}`. */
export interface TemplateScope {
  readonly facts: FactSet;
  readonly context: Readonly<Record<string, unknown>>;
  /** The service's own values: `baseUrl` (public base URL, no trailing slash) when configured. */
  readonly service?: { readonly baseUrl?: string };
  /** Evaluation instant, epoch ms: dates read "20 Nov 2026, 2 days ago" (ISO text without it). */
  readonly nowMs?: number;
  /** The fact catalogue: types (dates), units and the labels of the "Based on" list. */
  readonly catalogue?: ReadonlyMap<string, FactDefinition>;
  /** Names and dates resources of the record for card text (never their ids). */
  readonly describe?: (reference: string) => ResourceDescription | undefined;
}

const TOKEN = /\{\{\s*(fact|context|service)\.([A-Za-z0-9_.]+)\s*\}\}/g;

/**
 * Replaces `{{fact.name}}`, `{{context.field}}` and `{{service.baseUrl}}` tokens in card text. Unknown
 * facts read "unknown"; a context field that is absent or not a primitive, and a service value that is
 * not configured, read as an empty string.
 * @param template - text with tokens
 * @param scope - facts and hook context
 * @returns the text with every token replaced
 */
export function interpolate(template: string, scope: TemplateScope): string {
  // Most strings of a card (and of the resources its suggestions carry) hold no token.
  if (!template.includes('{{')) {
    return template;
  }
  return expandListLines(template, scope).replace(TOKEN, (_match, kind: string, name: string) => {
    if (kind === 'fact') {
      return formatFactValue(scope.facts.get(name), formatOf(name, scope));
    }
    if (kind === 'service') {
      return name === 'baseUrl' ? (scope.service?.baseUrl ?? '') : '';
    }
    const value = scope.context[name];
    return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  });
}

const LIST_LINE_WITH_BREAK = /^[ \t]*\{\{\s*fact\.([A-Za-z0-9_.]+)\s*\}\}[ \t]*(?:\n|$)/gm;
const MAX_LIST_ITEMS = 20;

/**
 * @param name - a fact name
 * @param scope - the template scope
 * @returns how to format the fact in card text
 */
export function formatOf(
  name: string,
  scope: TemplateScope,
): { nowMs?: number; definition?: FactDefinition } {
  // Built by assignment, not by spreading: it runs for every fact a card names.
  const format: { nowMs?: number; definition?: FactDefinition } = {};
  if (scope.nowMs !== undefined) {
    format.nowMs = scope.nowMs;
  }
  const definition = scope.catalogue?.get(name);
  if (definition) {
    format.definition = definition;
  }
  return format;
}

/**
 * A `{{fact.x}}` token alone on its line, where the fact is a list, becomes a markdown bullet list
 * (capped, with a count of the rest) instead of a comma-joined run; an empty list removes the line.
 */
function expandListLines(template: string, scope: TemplateScope): string {
  return template.replace(LIST_LINE_WITH_BREAK, (line, name: string) => {
    const value = scope.facts.get(name)?.value;
    if (!Array.isArray(value)) {
      return line;
    }
    if (value.length === 0) {
      return '';
    }
    const items = value.slice(0, MAX_LIST_ITEMS).map((item) => `- ${String(item)}`);
    if (value.length > MAX_LIST_ITEMS) {
      items.push(`- … and ${value.length - MAX_LIST_ITEMS} more`);
    }
    return `${items.join('\n')}${line.endsWith('\n') ? '\n' : ''}`;
  });
}

/**
 * Interpolates every string inside a JSON value (FHIR resource templates in suggestions). This is data
 * for a machine, so dates stay ISO 8601 instants (see {@link machineScope}).
 * @param value - a JSON value
 * @param scope - facts and hook context
 * @returns a deep copy with every string interpolated
 */
export function interpolateDeep(value: unknown, scope: TemplateScope): unknown {
  const machine = machineScope(scope);
  if (typeof value === 'string') {
    return interpolate(value, machine);
  }
  if (Array.isArray(value)) {
    return value.map((item) => interpolateDeep(item, machine));
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, interpolateDeep(v, machine)]),
    );
  }
  return value;
}

/**
 * The scope for values a machine reads (FHIR resources, a SMART app's appContext, URLs): without the
 * evaluation instant, date facts keep their ISO 8601 instant instead of "20 Nov 2026, 2 days ago".
 * @param scope - the card's scope
 * @returns the same scope without `nowMs`
 */
export function machineScope(scope: TemplateScope): TemplateScope {
  if (scope.nowMs === undefined) {
    return scope;
  }
  const { nowMs: _clinicianDates, ...rest } = scope;
  return rest;
}
