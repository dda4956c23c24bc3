/**
 * Reads the two operands of a leaf from one run's fact values, with json-rules-engine's almanac
 * semantics so that the compiled evaluator and the reference engine see the same operands:
 * - a fact missing from the run is `undefined` (the engine runs with `allowUndefinedFacts`);
 * - a non-empty `path` applies JSONPath (jsonpath-plus, `wrap: false`) to object values only; any
 *   other value is returned as it is;
 * - a `value` of the form `{ "fact": name, "path"?: p }` is read like a fact; any other value is a literal.
 * Readers are built once per leaf at compile time; reading allocates nothing unless a path is applied.
 */
import { JSONPath } from 'jsonpath-plus';
import type { FactValues } from './prepare-facts';

/** Reads one operand of a leaf from the fact values of a run. */
export type OperandReader = (values: FactValues) => unknown;

function isObjectLike(value: unknown): value is object {
  return value !== null && typeof value === 'object';
}

/**
 * Builds the reader of a fact operand.
 * @param fact - the fact name
 * @param path - JSONPath into an object-valued fact; empty or absent reads the whole value
 * @returns the reader
 */
export function factReader(fact: unknown, path: unknown): OperandReader {
  const name = fact as string;
  if (typeof path !== 'string' || path === '') {
    return (values) => values.get(name);
  }
  return (values) => {
    const value = values.get(name);
    return isObjectLike(value) ? (JSONPath({ path, json: value, wrap: false }) as unknown) : value;
  };
}

/**
 * Builds the reader of a leaf's compared value.
 * @param value - the value as compiled (a literal, or a `{ fact, path? }` reference to another fact)
 * @returns the reader
 */
export function valueReader(value: unknown): OperandReader {
  if (isObjectLike(value) && Object.prototype.hasOwnProperty.call(value, 'fact')) {
    const reference = value as { readonly fact?: unknown; readonly path?: unknown };
    return factReader(reference.fact, reference.path);
  }
  return () => value;
}
