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
import { checkLeafValue, type LeafReport } from './check-leaf-value';
import { createIssue } from './create-issue';
import { listNames } from './list-names';
import type { RuleCheckContext } from './rule-check-context';
import { suggestName } from './suggest-name';

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
  const report: LeafReport = (at, what, code = 'SOLEUS_RULE_OPERATOR_TYPE') => {
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
  const uncoded = operator.name === 'inValueSet' ? uncodedValues(fact) : undefined;
  if (uncoded !== undefined) {
    report(
      '/operator',
      `operator "inValueSet" on fact "${fact.name}", whose values are ${uncoded}: never a coding (system|code), so the condition could never hold; expected a fact of coded values`,
    );
    return issues;
  }
  if (leaf.path !== undefined && fact.type !== 'object') {
    report(
      '/path',
      `path on ${fact.type} fact "${fact.name}"; expected a path only on object facts`,
    );
  }
  checkLeafValue(leaf, fact, operator, report, context);
  if (leaf.unit !== undefined) {
    checkUnit(leaf, fact, report, context);
  }
  return issues;
}

function reportUnknownNames(
  leaf: LeafCondition,
  fact: FactDefinition | undefined,
  operator: OperatorSpec | undefined,
  report: LeafReport,
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

function checkUnit(
  leaf: LeafCondition,
  fact: FactDefinition,
  report: LeafReport,
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

/**
 * Why a string fact can never hold a coding for `inValueSet` (its values are `system|code`): an enum of
 * plain words, or a source that yields resource ids or issue messages. Undefined when it may.
 */
function uncodedValues(fact: FactDefinition): string | undefined {
  const enumValues = (fact as { enum?: unknown }).enum;
  if (
    Array.isArray(enumValues) &&
    !enumValues.some((v) => typeof v === 'string' && /^[^|]+\|[^|]+$/.test(v))
  ) {
    return `the words ${enumValues.map((v) => JSON.stringify(v)).join(', ')}`;
  }
  const aggregate = (fact.source as { aggregate?: unknown }).aggregate;
  if (aggregate === 'ids') {
    return 'resource ids (aggregate "ids")';
  }
  if (aggregate === 'messages') {
    return 'issue messages (aggregate "messages")';
  }
  return undefined;
}
