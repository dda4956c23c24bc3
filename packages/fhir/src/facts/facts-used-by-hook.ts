import { collectLeaves, type RuleSet } from '@soleus/core';
import type { Hook } from '../evaluate/hooks';

const FACT_TOKEN = /\{\{\s*fact\.([A-Za-z0-9_.]+)\s*\}\}/g;
const cache = new WeakMap<RuleSet, Map<Hook, ReadonlySet<string>>>();

/**
 * The catalogue facts the hook's active and draft rules read: condition leaves (incl. variants and
 * suggestion `when`), `{{fact.x}}` tokens in card text, and `resourceIdsFrom`. Only these are computed
 * per request (derived facts pull what they build on), and only their data is prefetched.
 * @param ruleSet - the loaded rule set
 * @param hook - the hook
 * @returns fact names (memoised per rule set and hook)
 */
export function factsUsedByHook(ruleSet: RuleSet, hook: Hook): ReadonlySet<string> {
  let perHook = cache.get(ruleSet);
  if (!perHook) {
    perHook = new Map();
    cache.set(ruleSet, perHook);
  }
  const known = perHook.get(hook);
  if (known) {
    return known;
  }
  const names = new Set<string>();
  for (const rule of ruleSet.rules) {
    const def = rule.definition;
    if (def.status === 'retired' || !def.hooks.includes(hook)) {
      continue;
    }
    collectLeaves(def).forEach(({ leaf }) => names.add(leaf.fact));
    for (const match of JSON.stringify(def.card).matchAll(FACT_TOKEN)) {
      names.add(match[1] ?? '');
    }
    for (const suggestion of def.card.suggestions ?? []) {
      suggestion.actions.forEach((a) => a.resourceIdsFrom && names.add(a.resourceIdsFrom));
    }
  }
  perHook.set(hook, names);
  return names;
}
