import type { RuleDefinition } from '@soleus/core';

const FACT_TOKEN = /\{\{\s*fact\.([A-Za-z0-9_.]+)\s*\}\}/g;

/**
 * The facts a rule's card reads outside its conditions: `{{fact.x}}` tokens in its text and the
 * `resourceIdsFrom` of its suggestions' actions.
 * @param def - the rule definition
 * @returns fact names, in card order (may repeat)
 */
export function cardTextFacts(def: RuleDefinition): string[] {
  const names = [...JSON.stringify(def.card).matchAll(FACT_TOKEN)].map((match) => match[1] ?? '');
  for (const suggestion of def.card.suggestions ?? []) {
    for (const action of suggestion.actions) {
      if (action.resourceIdsFrom) {
        names.push(action.resourceIdsFrom);
      }
    }
  }
  return names;
}
