import type { ConditionTrace, RuleDefinition } from '@soleus/core';
import { childPointers } from '../evaluate/child-pointers';

/** A condition's outcome when some facts are uncertain: true, false, or `null` (could be either). */
export type Outcome = boolean | null;

type Condition = RuleDefinition['conditions'];
type Node = Condition | { readonly fact: string };

/**
 * Evaluates a condition tree again in three-valued (Kleene) logic: a leaf reading an uncertain fact
 * could be either true or false; every other leaf keeps the outcome the engine traced for it (its
 * JSON Pointer names it). `all` is false if any child is false, else uncertain if any child is; `any`
 * is true if any child is true, else uncertain if any child is; `not` keeps uncertainty.
 * @param condition - the tree (rule conditions, or a variant's or suggestion's `when`)
 * @param pointer - its JSON Pointer in the rule file, e.g. `/conditions` or `/card/variants/0/when`
 * @param traced - the engine's leaf outcomes by pointer
 * @param uncertain - whether a fact's value could have been different
 * @returns the outcome; a leaf missing from the trace is uncertain
 */
export function conditionOutcome(
  condition: Condition,
  pointer: string,
  traced: ReadonlyMap<string, ConditionTrace>,
  uncertain: (fact: string) => boolean,
): Outcome {
  return outcomeOf(condition, pointer, traced, uncertain);
}

function outcomeOf(
  node: Node,
  pointer: string,
  traced: ReadonlyMap<string, ConditionTrace>,
  uncertain: (fact: string) => boolean,
): Outcome {
  if ('all' in node) {
    const at = childPointers(node, pointer);
    const children = node.all.map((c, i) => outcomeOf(c, at[i] as string, traced, uncertain));
    return children.includes(false) ? false : children.includes(null) ? null : true;
  }
  if ('any' in node) {
    const at = childPointers(node, pointer);
    const children = node.any.map((c, i) => outcomeOf(c, at[i] as string, traced, uncertain));
    return children.includes(true) ? true : children.includes(null) ? null : false;
  }
  if ('not' in node) {
    const inner = outcomeOf(node.not, childPointers(node, pointer)[0] as string, traced, uncertain);
    return inner === null ? null : !inner;
  }
  if (uncertain(node.fact)) {
    return null;
  }
  return traced.get(pointer)?.result ?? null;
}
