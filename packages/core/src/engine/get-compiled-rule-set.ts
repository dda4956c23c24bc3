import type { RuleSet } from '../catalog/rule-set';
import { compileRuleSet, type CompiledRuleSet } from './compile-rule-set';
import type { Hook } from './evaluation-result';

/**
 * Compiled engines per rule set. A WeakMap, so a rule set that is dropped (e.g. after a content reload)
 * takes its engines with it; a RuleSet is immutable, so a cached engine never goes stale.
 */
const cache = new WeakMap<RuleSet, Map<string, CompiledRuleSet>>();

/**
 * Returns the compiled engine for a (rule set, hook, drafts) combination, compiling it on first use.
 * @param ruleSet - the loaded rule set
 * @param hook - the hook being evaluated
 * @param includeDrafts - whether draft rules are evaluated
 * @returns the cached or newly compiled engine
 * @throws {SOLEUS_ENGINE_EVALUATION} when a rule cannot be compiled (unknown operator)
 */
export function getCompiledRuleSet(
  ruleSet: RuleSet,
  hook: Hook,
  includeDrafts: boolean,
): CompiledRuleSet {
  let byKey = cache.get(ruleSet);
  if (!byKey) {
    byKey = new Map();
    cache.set(ruleSet, byKey);
  }
  const key = `${hook}|${String(includeDrafts)}`;
  let compiled = byKey.get(key);
  if (!compiled) {
    compiled = compileRuleSet(ruleSet, hook, includeDrafts);
    byKey.set(key, compiled);
  }
  return compiled;
}
