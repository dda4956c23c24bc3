import type { FactType } from './operators';

/**
 * Tells whether a known fact value has the JSON shape its catalogue type declares. Date facts are
 * checked separately (they must also parse as an instant).
 * @param value - the fact value (not null)
 * @param type - the catalogue type of the fact
 * @returns true when the value fits the type
 */
export function matchesFactType(value: unknown, type: FactType): boolean {
  switch (type) {
    case 'boolean':
      return typeof value === 'boolean';
    case 'number':
      return Number.isFinite(value);
    case 'string':
    case 'date':
      return typeof value === 'string';
    case 'string[]':
      return Array.isArray(value) && value.every((item) => typeof item === 'string');
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
  }
}
