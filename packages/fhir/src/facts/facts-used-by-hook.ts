import { collectLeaves, type RuleSet } from '@soleus/core';
import type { Hook } from '../evaluate/hooks';
import { factNamesInParams } from './fact-names-in-params';
import { stringsIn } from './strings-in';

const FACT_TOKEN = /\{\{\s*fact\.([A-Za-z0-9_.]+)\s*\}\}/g;
const cache = new WeakMap<RuleSet, Map<Hook, ReadonlySet<string>>>();

/**
 * The catalogue facts the hook's active and draft rules read: condition leaves (incl. variants and
 * suggestion `when`), `{{fact.x}}` tokens in card text, `resourceIdsFrom`, the facts named in the
 * parameters of those rules' packs (e.g. Wells record routes), and — transitively — the facts derived
 * facts name in their params. Only these are computed
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
  const packs = new Set<string>();
  for (const rule of ruleSet.rules) {
    const def = rule.definition;
    if (def.status === 'retired' || !def.hooks.includes(hook)) {
      continue;
    }
    packs.add(def.pack);
    collectLeaves(def).forEach(({ leaf }) => names.add(leaf.fact));
    for (const match of JSON.stringify(def.card).matchAll(FACT_TOKEN)) {
      names.add(match[1] ?? '');
    }
    for (const suggestion of def.card.suggestions ?? []) {
      suggestion.actions.forEach((a) => a.resourceIdsFrom && names.add(a.resourceIdsFrom));
    }
  }
  // Pack parameters name facts a pack's mechanisms read (e.g. the Wells record routes).
  for (const pack of packs) {
    stringsIn(ruleSet.packs.get(pack)?.parameters).forEach((text) => {
      if (ruleSet.facts.has(text)) {
        names.add(text);
      }
    });
  }
  addDerivedInputs(ruleSet, names);
  perHook.set(hook, names);
  return names;
}

/**
 * Derived facts name the facts they build on in their `params` (e.g. `"pregnantFact": "dvt.pregnant"`,
 * or a decision table whose inputs they read); follow those names transitively so discovery prefetches what the inputs read too.
 * @param ruleSet - the loaded rule set
 * @param names - fact names; the inputs are added to it
 */
export function addDerivedInputs(ruleSet: RuleSet, names: Set<string>): void {
  const queue = [...names];
  while (queue.length > 0) {
    const source = ruleSet.facts.get(queue.pop() ?? '')?.source as
      { kind?: string; params?: unknown } | undefined;
    if (source?.kind !== 'derived') {
      continue;
    }
    for (const name of factNamesInParams(ruleSet, source.params)) {
      if (!names.has(name)) {
        names.add(name);
        queue.push(name);
      }
    }
  }
}
