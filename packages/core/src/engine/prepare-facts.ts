/**
 * Turns a {@link FactSet} into the plain object json-rules-engine runs on. Values pass through as they
 * are, except date facts: each becomes a {@link DatedValue} carrying the fact's instant and `now`, because
 * json-rules-engine operators see only `(factValue, value)`. A date fact that is not a FHIR date or
 * dateTime with a zone is uninterpretable: it becomes unknown (null) and an Issue says so.
 */
import type { Issue } from '../errors';
import type { FactSet } from '../facts/fact';
import type { DatedValue } from './dated-value';
import { parseInstant } from './parse-instant';

/** The engine's fact object and the facts it had to treat as unknown. */
export interface PreparedFacts {
  readonly values: Record<string, unknown>;
  readonly issues: readonly Issue[];
}

function uninterpretableDate(name: string, found: string): Issue {
  return {
    severity: 'warning',
    code: 'SOLEUS_FACT_TYPE',
    message:
      `fact ${name}: expected an ISO 8601 date or dateTime with a time zone (catalogue type date), ` +
      `found ${found}; treated as unknown. Fix the fact builder that produced it.`,
    details: { fact: name },
  };
}

function describeFound(value: unknown): string {
  if (typeof value === 'string') {
    return 'text that is not one';
  }
  return Array.isArray(value) ? 'a list' : `a value of type ${typeof value}`;
}

/**
 * Builds json-rules-engine's fact object for one run.
 * @param facts - the facts of this evaluation
 * @param dateFacts - names of the catalogue facts of type `date`
 * @param nowMs - evaluation time in epoch milliseconds
 * @returns the fact values and the issues about facts treated as unknown
 */
export function prepareFacts(
  facts: FactSet,
  dateFacts: ReadonlySet<string>,
  nowMs: number,
): PreparedFacts {
  const values: Record<string, unknown> = {};
  const issues: Issue[] = [];
  for (const [name, fact] of facts) {
    if (!dateFacts.has(name) || fact.value === null) {
      values[name] = fact.value;
      continue;
    }
    const at = parseInstant(fact.value);
    if (at === null) {
      issues.push(uninterpretableDate(name, describeFound(fact.value)));
      values[name] = null;
      continue;
    }
    const dated: DatedValue = { at, now: nowMs };
    values[name] = dated;
  }
  return { values, issues };
}
