import type { RuleDefinition } from '../generated/rule-definition';
import type { LoadedTable } from './loaded-table';
import { tableConditions } from './table-conditions';

/**
 * A rule with its `decisionTable` turned into conditions: `all` of the rule's own conditions and the
 * table rows that give its outcome (see {@link tableConditions}). Rules without one are returned as is.
 * @param rule - a checked rule definition
 * @param tables - the loaded tables
 * @returns the rule the engines evaluate
 */
export function withTableConditions(
  rule: RuleDefinition,
  tables: readonly LoadedTable[],
): RuleDefinition {
  const reference = rule.decisionTable;
  const table = tables.find((t) => t.definition.id === reference?.table);
  if (!reference || !table) {
    return rule;
  }
  return {
    ...rule,
    conditions: { all: [rule.conditions, tableConditions(table, reference.outcome)] },
  };
}
