import type { FactSet } from '@soleus/core';
import { formatFactValue } from './format-fact';

/** Values a template may refer to besides facts: `{{context.<field>}}` and `{{service.baseUrl}}`. */
export interface TemplateScope {
  readonly facts: FactSet;
  readonly context: Readonly<Record<string, unknown>>;
  /** The service's own values: `baseUrl` (public base URL, no trailing slash) when configured. */
  readonly service?: { readonly baseUrl?: string };
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
  return expandListLines(template, scope).replace(TOKEN, (_match, kind: string, name: string) => {
    if (kind === 'fact') {
      return formatFactValue(scope.facts.get(name));
    }
    if (kind === 'service') {
      return name === 'baseUrl' ? (scope.service?.baseUrl ?? '') : '';
    }
    const value = scope.context[name];
    return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  });
}

const LIST_LINE = /^[ \t]*\{\{\s*fact\.([A-Za-z0-9_.]+)\s*\}\}[ \t]*$/gm;
const MAX_LIST_ITEMS = 20;

/**
 * A `{{fact.x}}` token alone on its line, where the fact is a list, becomes a markdown bullet list
 * (capped, with a count of the rest) instead of a comma-joined run.
 */
function expandListLines(template: string, scope: TemplateScope): string {
  return template.replace(LIST_LINE, (line, name: string) => {
    const value = scope.facts.get(name)?.value;
    if (!Array.isArray(value)) {
      return line;
    }
    const items = value.slice(0, MAX_LIST_ITEMS).map((item) => `- ${String(item)}`);
    if (value.length > MAX_LIST_ITEMS) {
      items.push(`- … and ${value.length - MAX_LIST_ITEMS} more`);
    }
    return items.length > 0 ? items.join('\n') : '- none';
  });
}

/**
 * Interpolates every string inside a JSON value (used for FHIR resource templates in suggestions).
 * @param value - a JSON value
 * @param scope - facts and hook context
 * @returns a deep copy with every string interpolated
 */
export function interpolateDeep(value: unknown, scope: TemplateScope): unknown {
  if (typeof value === 'string') {
    return interpolate(value, scope);
  }
  if (Array.isArray(value)) {
    return value.map((item) => interpolateDeep(item, scope));
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, interpolateDeep(v, scope)]),
    );
  }
  return value;
}
