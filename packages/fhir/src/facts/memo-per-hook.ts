import type { RuleSet } from '@soleus/core';
import type { Hook } from '../evaluate/hooks';

/** Values kept per rule set (dropped with it) and hook. */
export type PerHookCache<T> = WeakMap<RuleSet, Map<Hook, T>>;

/**
 * Computes a value once per rule set and hook.
 * @param cache - where the values are kept
 * @param ruleSet - the loaded rule set
 * @param hook - the hook
 * @param compute - makes the value when it is not kept yet
 * @returns the kept value
 */
export function memoPerHook<T>(
  cache: PerHookCache<T>,
  ruleSet: RuleSet,
  hook: Hook,
  compute: () => T,
): T {
  let perHook = cache.get(ruleSet);
  if (!perHook) {
    perHook = new Map();
    cache.set(ruleSet, perHook);
  }
  if (perHook.has(hook)) {
    return perHook.get(hook) as T;
  }
  const value = compute();
  perHook.set(hook, value);
  return value;
}
