/**
 * Semantic checks of one leaf condition `{fact, operator, value, unit, path}` against the fact
 * catalogue, the operator table, the loaded value sets and UCUM. The schema has already checked the
 * shape; here the question is whether the comparison means anything.
 */
import type { Issue } from '../errors';
import type { OperatorSpec } from '../engine/operators';
import type { FactDefinition } from '../generated/fact-catalogue-file';
import type { LeafCondition } from '../generated/rule-definition';
import { analyteOf } from './analyte-of';
import { createIssue } from './create-issue';
import { suggestName } from './suggest-name';
import type { RuleCheckContext } from './rule-check-context';

const ISO_DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/;

type Report = (pointer: string, what: string, code?: Issue['code']) => void;

/**
 * Checks one leaf condition.
 * @param leaf - the leaf as written in the rule file
 * @param pointer - JSON Pointer of the leaf, e.g. `/conditions/all/0`
 * @param file - rule file path relative to the rules directory
 * @param context - facts, operators, terminology and unit converter
 * @returns issues: SOLEUS_RULE_UNKNOWN_FACT, SOLEUS_RULE_UNKNOWN_OPERATOR, SOLEUS_RULE_OPERATOR_TYPE,
 *   SOLEUS_RULE_UNKNOWN_VALUESET, SOLEUS_RULE_UNIT
 */
export function checkLeaf(
  leaf: LeafCondition,
  pointer: string,
  file: string,
  context: RuleCheckContext,
): Issue[] {
  const issues: Issue[] = [];
  const report: Report = (at, what, code = 'SOLEUS_RULE_OPERATOR_TYPE') => {
    issues.push(createIssue(code, file, `${pointer}${at}`, what));
  };
  const fact = context.facts.get(leaf.fact);
  const operator = context.operators.get(leaf.operator);
  reportUnknownNames(leaf, fact, operator, report, context);
  if (!fact || !operator) {
    return issues;
  }
  if (!operator.factTypes.includes(fact.type)) {
    report(
      '/operator',
      `operator "${operator.name}" does not apply to ${fact.type} fact "${fact.name}"; expected a fact of type ${operator.factTypes.join(' or ')}`,
    );
    return issues;
  }
  if (leaf.path !== undefined && fact.type !== 'object') {
    report(
      '/path',
      `path on ${fact.type} fact "${fact.name}"; expected a path only on object facts`,
    );
  }
  checkValue(leaf, fact, operator, report, context);
  if (leaf.unit !== undefined) {
    checkUnit(leaf, fact, report, context);
  }
  return issues;
}

function reportUnknownNames(
  leaf: LeafCondition,
  fact: FactDefinition | undefined,
  operator: OperatorSpec | undefined,
  report: Report,
  context: RuleCheckContext,
): void {
  if (!fact) {
    report(
      '/fact',
      `unknown fact "${leaf.fact}"; expected a fact of the catalogue (${listNames(context.facts.keys(), leaf.fact)})${suggestName(leaf.fact, context.facts.keys())}`,
      'SOLEUS_RULE_UNKNOWN_FACT',
    );
  }
  if (!operator) {
    report(
      '/operator',
      `unknown operator "${leaf.operator}"; expected one of ${[...context.operators.keys()].join(', ')}${suggestName(leaf.operator, context.operators.keys())}`,
      'SOLEUS_RULE_UNKNOWN_OPERATOR',
    );
  }
}

function checkValue(
  leaf: LeafCondition,
  fact: FactDefinition,
  operator: OperatorSpec,
  report: Report,
  context: RuleCheckContext,
): void {
  const value: unknown = leaf.value;
  if (isFactReference(value)) {
    checkFactReference(value.fact, fact, report, context);
    return;
  }
  if (operator.value === 'none' || operator.value === 'any') {
    if (operator.value === 'none' && value !== undefined) {
      report('/value', `operator "${operator.name}" takes no value; found ${describe(value)}`);
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
  report: Report,
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
  const expected = `expected ${expectation(operator, fact)}; found ${describe(value)}`;
  switch (operator.value) {
    case 'number':
      return typeof value === 'number' ? undefined : expected;
    case 'duration':
      return typeof value === 'string' && ISO_DURATION.test(value) ? undefined : expected;
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
    return `expected a ${want} like the ${fact.type} fact "${fact.name}"; found ${describe(value)}`;
  }
  if (fact.enum && typeof value === 'string' && !fact.enum.includes(value)) {
    return `value "${value}" is not allowed for fact "${fact.name}"; expected one of ${fact.enum.join(', ')}`;
  }
  return undefined;
}

function checkUnit(
  leaf: LeafCondition,
  fact: FactDefinition,
  report: Report,
  context: RuleCheckContext,
): void {
  const from = leaf.unit ?? '';
  const values: unknown[] = Array.isArray(leaf.value) ? (leaf.value as unknown[]) : [leaf.value];
  if (fact.type !== 'number' || fact.unit === undefined) {
    report(
      '/unit',
      `unit "${from}" on ${fact.type} fact "${fact.name}" that has no catalogue unit; expected a unit only on number facts with a unit`,
      'SOLEUS_RULE_UNIT',
    );
    return;
  }
  if (!values.every((v) => typeof v === 'number')) {
    report(
      '/unit',
      `unit "${from}" with a non-numeric value; expected a number threshold`,
      'SOLEUS_RULE_UNIT',
    );
    return;
  }
  const result = context.convert(values[0] as number, from, fact.unit, analyteOf(fact));
  if (!result.ok) {
    report(
      '/unit',
      `unit "${from}" does not convert to "${fact.unit}", the unit of fact "${fact.name}" (${result.reason}); expected a UCUM unit of the same quantity`,
      'SOLEUS_RULE_UNIT',
    );
  }
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

function describe(value: unknown): string {
  if (value === undefined) {
    return 'nothing';
  }
  const text = JSON.stringify(value);
  return `${Array.isArray(value) ? 'array' : typeof value} ${text.length > 40 ? `${text.slice(0, 37)}...` : text}`;
}

/**
 * Lists up to 8 valid names for a message, preferring those that share the wrong name's first segment
 * (`dvt.` facts for `dvt.wellsKlass`), so a 100-fact catalogue still gives a useful hint.
 */
function listNames(names: Iterable<string>, wrong: string): string {
  const all = [...names].sort();
  const head = /^[^./]+[./]/.exec(wrong.replace(/^https?:\/\//, ''))?.[0] ?? '';
  const related = all.filter((name) => head !== '' && name.includes(head));
  const pool = related.length > 0 ? related : all;
  const shown = pool.slice(0, 8).join(', ');
  const rest = all.length - Math.min(pool.length, 8);
  return rest > 0 ? `${shown}, … ${all.length} in all` : shown || 'none loaded';
}
