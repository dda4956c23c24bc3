/**
 * Which of a hook's facts an evaluation needs before it runs, and which only a card needs. A rule's
 * card reads facts its conditions do not (variant and suggestion `when`, `{{fact.x}}` text,
 * `resourceIdsFrom`): those matter only when the rule's conditions hold, because a card that does not
 * show has no variant, suggestion or text, and issue routing reads only the conditions of a rule that
 * did not fire (route-issues.ts). On order-sign, for instance, `dvt.notExcluded` is read only by the
 * quinine card's variant, and it pulls the whole DVT decision chain (docs/reference/performance.md).
 */
import { collectLeaves, type RuleSet } from '@soleus/core';
import type { Hook } from '../evaluate/hooks';
import { compiledSources } from './compiled-sources';
import { cardTextFacts } from './card-text-facts';
import { addDerivedInputs, factsUsedByHook } from './facts-used-by-hook';
import { memoPerHook, type PerHookCache } from './memo-per-hook';
import { packParameterFacts } from './pack-parameter-facts';

/** A hook's facts by when an evaluation needs them. */
export interface HookFactRoles {
  /**
   * Needed before evaluation: what rule conditions read, the facts pack parameters name, the
   * data-quality facts, and (transitively) what derived ones among them build on.
   */
  readonly beforeEvaluation: ReadonlySet<string>;
  /** Rule id → the other facts of {@link factsUsedByHook} its card reads (empty lists left out). */
  readonly cardOnly: ReadonlyMap<string, readonly string[]>;
}

const cache: PerHookCache<HookFactRoles> = new WeakMap();

/**
 * Splits the facts the hook's rules read (the same rules and names as {@link factsUsedByHook}).
 * @param ruleSet - the loaded rule set
 * @param hook - the hook
 * @returns the facts needed before evaluation and, per rule, those only its card needs (memoised)
 */
export function hookFactRoles(ruleSet: RuleSet, hook: Hook): HookFactRoles {
  return memoPerHook(cache, ruleSet, hook, () => splitRoles(ruleSet, hook));
}

function splitRoles(ruleSet: RuleSet, hook: Hook): HookFactRoles {
  const all = factsUsedByHook(ruleSet, hook);
  const sources = compiledSources(ruleSet);
  const before = new Set([...all].filter((name) => sources.get(name)?.source.kind === 'issues'));
  const cardFacts = new Map<string, Set<string>>();
  const packs = new Set<string>();
  for (const rule of ruleSet.rules) {
    const def = rule.definition;
    if (def.status === 'retired' || !def.hooks.includes(hook)) {
      continue;
    }
    packs.add(def.pack);
    const card = new Set<string>();
    for (const { leaf, pointer } of collectLeaves(def)) {
      const into = pointer.startsWith('/conditions') ? before : card;
      into.add(leaf.fact);
      // A `{ "fact": … }` value is read by the leaf too (when the hook computes that fact at all).
      const other = valueFact(leaf.value);
      if (other !== undefined && all.has(other)) {
        into.add(other);
      }
    }
    cardTextFacts(def).forEach((name) => card.add(name));
    cardFacts.set(def.id, card);
  }
  packParameterFacts(ruleSet, packs).forEach((name) => before.add(name));
  addDerivedInputs(ruleSet, before);
  const cardOnly = new Map<string, readonly string[]>();
  for (const [id, card] of cardFacts) {
    addDerivedInputs(ruleSet, card);
    const only = [...card].filter((name) => all.has(name) && !before.has(name));
    if (only.length > 0) {
      cardOnly.set(id, only);
    }
  }
  return { beforeEvaluation: before, cardOnly };
}

function valueFact(value: unknown): string | undefined {
  const fact =
    value !== null && typeof value === 'object' ? (value as { fact?: unknown }).fact : undefined;
  return typeof fact === 'string' ? fact : undefined;
}
