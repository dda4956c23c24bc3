/**
 * Turns a {@link FactSet} into the fact values one run evaluates (and the reference engine's runtime
 * facts). Values pass through as they are, except:
 * - date facts become a {@link DatedValue} carrying the fact's instant and `now`, because operators see
 *   only `(factValue, value)`;
 * - a value that does not fit its catalogue type (a string for a number fact, a date without a zone) is
 *   uninterpretable: it becomes unknown (null) and an Issue says so, so it can neither fire a rule nor
 *   count as a negative.
 * Facts that are not in the catalogue pass through unchecked.
 */
import type { Issue } from '../errors';
import type { FactSet } from '../facts/fact';
import type { FactDefinition } from '../generated/fact-catalogue-file';
import type { DatedValue } from './dated-value';
import { matchesFactType } from './matches-fact-type';
import { parseInstant } from './parse-instant';

/** The fact values of one run, by fact name; a name that is not there is unknown (undefined). */
export type FactValues = ReadonlyMap<string, unknown>;

/** The fact values of one run and the facts it had to treat as unknown. */
export interface PreparedFacts {
  readonly values: FactValues;
  readonly issues: readonly Issue[];
}

function describeFound(value: unknown, definition: FactDefinition): string {
  if (Array.isArray(value)) {
    return 'a list';
  }
  if (typeof value === 'string') {
    return definition.type === 'date' ? 'text that does not parse as one' : 'text';
  }
  return `a value of type ${typeof value}`;
}

function uninterpretable(definition: FactDefinition, value: unknown): Issue {
  const expected =
    definition.type === 'date'
      ? 'an ISO 8601 date or dateTime with a time zone'
      : `a value of catalogue type ${definition.type}`;
  return {
    severity: 'warning',
    code: 'SOLEUS_FACT_TYPE',
    message:
      `fact ${definition.name}: expected ${expected}; found ${describeFound(value, definition)}; ` +
      'treated as unknown. Fix the fact builder that produced it.',
    details: { fact: definition.name },
  };
}

/** The engine value of one known fact, or undefined when it is uninterpretable. */
function toEngineValue(value: unknown, definition: FactDefinition, nowMs: number): unknown {
  if (!matchesFactType(value, definition.type)) {
    return undefined;
  }
  if (definition.type !== 'date') {
    return value;
  }
  const at = parseInstant(value);
  return at === null ? undefined : ({ at, now: nowMs } satisfies DatedValue);
}

/**
 * Builds the fact values of one run.
 * @param facts - the facts of this evaluation
 * @param catalogue - the rule set's fact catalogue by name
 * @param nowMs - evaluation time in epoch milliseconds
 * @returns the fact values and the issues about facts treated as unknown
 */
export function prepareFacts(
  facts: FactSet,
  catalogue: ReadonlyMap<string, FactDefinition>,
  nowMs: number,
): PreparedFacts {
  const values = new Map<string, unknown>();
  const issues: Issue[] = [];
  for (const [name, fact] of facts) {
    const definition = catalogue.get(name);
    if (!definition || fact.value === null) {
      values.set(name, fact.value);
      continue;
    }
    const engineValue = toEngineValue(fact.value, definition, nowMs);
    if (engineValue === undefined) {
      issues.push(uninterpretable(definition, fact.value));
    }
    values.set(name, engineValue ?? null);
  }
  return { values, issues };
}
