/**
 * The `value` side of a leaf condition: its shape must be what the operator expects (a number, a list,
 * an ISO 8601 duration, a loaded value set, nothing), of the fact's type, and inside the fact's `enum`.
 */
import type { Issue } from '../errors';
import { parseIsoDuration } from '../engine/iso-duration';
import type { OperatorSpec } from '../engine/operators';
import type { FactDefinition } from '../generated/fact-catalogue-file';
import type { LeafCondition } from '../generated/rule-definition';
import { listNames } from './list-names';
import type { RuleCheckContext } from './rule-check-context';

/** Records one issue at a pointer relative to the leaf (default code SOLEUS_RULE_OPERATOR_TYPE). */
export type LeafReport = (pointer: string, what: string, code?: Issue['code']) => void;

/**
 * Checks a leaf's `value` against its operator and fact.
 * @param leaf - the leaf as written
 * @param fact - the leaf's fact definition
 * @param operator - the leaf's operator
 * @param report - where issues go (SOLEUS_RULE_OPERATOR_TYPE, SOLEUS_RULE_UNKNOWN_FACT,
 *   SOLEUS_RULE_UNKNOWN_VALUESET)
 * @param context - facts and terminology
 */
export function checkLeafValue(
  leaf: LeafCondition,
  fact: FactDefinition,
  operator: OperatorSpec,
  report: LeafReport,
  context: RuleCheckContext,
): void {
  const value: unknown = leaf.value;
  if (isFactReference(value)) {
    checkFactReference(value.fact, fact, report, context);
    return;
  }
  if (operator.value === 'none' || operator.value === 'any') {
    if (operator.value === 'none' && value !== undefined) {
      report('/value', `operator "${operator.name}" takes no value; found ${describeValue(value)}`);
    }
    return;
  }
  if (value === undefined) {
    report(
      '',
      `missing "value"; operator "${operator.name}" expects ${expectation(operator, fact)}`,
    );
    return;
  }
  const problem = valueProblem(value, fact, operator, context);
  if (problem) {
    report(
      '/value',
      problem,
      operator.value === 'valueSet' && typeof value === 'string'
        ? 'SOLEUS_RULE_UNKNOWN_VALUESET'
        : undefined,
    );
  }
}

/** `{"fact": name}` compares with another fact, which must exist and have the same type. */
function checkFactReference(
  name: string,
  fact: FactDefinition,
  report: LeafReport,
  context: RuleCheckContext,
): void {
  const other = context.facts.get(name);
  if (!other) {
    report(
      '/value/fact',
      `unknown fact "${name}"; expected a fact of the catalogue`,
      'SOLEUS_RULE_UNKNOWN_FACT',
    );
  } else if (other.type !== fact.type) {
    report(
      '/value/fact',
      `compares ${fact.type} fact "${fact.name}" with ${other.type} fact "${other.name}"; expected facts of one type`,
    );
  }
}

function valueProblem(
  value: unknown,
  fact: FactDefinition,
  operator: OperatorSpec,
  context: RuleCheckContext,
): string | undefined {
  const expected = `expected ${expectation(operator, fact)}; found ${describeValue(value)}`;
  switch (operator.value) {
    case 'number':
      return typeof value === 'number' ? undefined : expected;
    case 'duration':
      // The engine's own parser decides, so a duration that loads is one the engine can evaluate.
      return parseIsoDuration(value) === null ? expected : undefined;
    case 'valueSet':
      if (typeof value !== 'string') {
        return expected;
      }
      return context.terminology.has(value)
        ? undefined
        : `unknown value set "${value}"; expected the url or id of a loaded value set (${listNames(context.terminology.valueSets(), value)})`;
    case 'list':
      return Array.isArray(value) && value.length > 0
        ? value.map((item) => scalarProblem(item, fact)).find(Boolean)
        : expected;
    case 'same':
      return scalarProblem(value, fact);
    case 'none':
    case 'any':
      return undefined;
  }
}

/** Checks a value compared with one element of the fact: its JSON type, and its `enum` membership. */
function scalarProblem(value: unknown, fact: FactDefinition): string | undefined {
  const want = scalarType(fact);
  if (want !== undefined && typeof value !== want) {
    return `expected a ${want} like the ${fact.type} fact "${fact.name}"; found ${describeValue(value)}`;
  }
  if (fact.enum && typeof value === 'string' && !fact.enum.includes(value)) {
    return `value "${value}" is not allowed for fact "${fact.name}"; expected one of ${fact.enum.join(', ')}`;
  }
  return undefined;
}

function scalarType(fact: FactDefinition): 'number' | 'boolean' | 'string' | undefined {
  switch (fact.type) {
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'string':
    case 'date':
    case 'string[]':
      return 'string';
    case 'object':
      return undefined;
  }
}

function expectation(operator: OperatorSpec, fact: FactDefinition): string {
  const labels: Record<OperatorSpec['value'], string> = {
    same: `a ${scalarType(fact) ?? 'value'} like the fact`,
    number: 'a number',
    list: `a non-empty array of ${scalarType(fact) ?? 'value'}s`,
    duration: 'an ISO 8601 duration such as P30D',
    valueSet: 'a value-set url',
    none: 'no value',
    any: 'any value',
  };
  return labels[operator.value];
}

function isFactReference(value: unknown): value is { fact: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as { fact?: unknown }).fact === 'string'
  );
}

function describeValue(value: unknown): string {
  if (value === undefined) {
    return 'nothing';
  }
  const text = JSON.stringify(value);
  return `${Array.isArray(value) ? 'array' : typeof value} ${text.length > 40 ? `${text.slice(0, 37)}...` : text}`;
}
