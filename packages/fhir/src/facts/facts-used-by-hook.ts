import { collectLeaves, type RuleSet } from '@soleus/core';
import type { Hook } from '../evaluate/hooks';
import { cardTextFacts } from './card-text-facts';
import { factNamesInParams } from './fact-names-in-params';
import { memoPerHook, type PerHookCache } from './memo-per-hook';
import { packParameterFacts } from './pack-parameter-facts';

const cache: PerHookCache<ReadonlySet<string>> = new WeakMap();

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
  return memoPerHook(cache, ruleSet, hook, () => {
    const names = new Set<string>();
    const packs = new Set<string>();
    for (const rule of ruleSet.rules) {
      const def = rule.definition;
      if (def.status === 'retired' || !def.hooks.includes(hook)) {
        continue;
      }
      packs.add(def.pack);
      collectLeaves(def).forEach(({ leaf }) => names.add(leaf.fact));
      cardTextFacts(def).forEach((name) => names.add(name));
    }
    // Pack parameters name facts a pack's mechanisms read (e.g. the Wells record routes).
    packParameterFacts(ruleSet, packs).forEach((name) => names.add(name));
    addDerivedInputs(ruleSet, names);
    return names;
  });
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
