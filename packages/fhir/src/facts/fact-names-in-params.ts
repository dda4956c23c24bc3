import type { RuleSet } from '@soleus/core';
import { stringsIn } from './strings-in';

/**
 * The catalogue facts a derived fact's params name: each string that is a fact name, and for a string
 * that is a decision table's id (`"table": "dvt-card"`), the table's input facts.
 * @param ruleSet - the loaded rule set (fact catalogue and tables)
 * @param params - the derived fact's params
 * @returns fact names, in params order (may repeat)
 */
export function factNamesInParams(ruleSet: RuleSet, params: unknown): string[] {
  return stringsIn(params).flatMap((text) => {
    if (ruleSet.facts.has(text)) {
      return [text];
    }
    return ruleSet.tables.get(text)?.columns.map((column) => column.fact) ?? [];
  });
}
