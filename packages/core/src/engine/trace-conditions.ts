/**
 * Turns leaf outcomes back into the rule file's terms: every leaf becomes a {@link ConditionTrace} with
 * its JSON Pointer, the fact as it was in the FactSet and the outcome of the leaf itself (inside a `not`,
 * the leaf's own result, not the negation).
 */
import type { FactSet } from '../facts/fact';
import type { CompiledLeaf } from './compiled-leaf';
import type { ConditionTrace } from './rule-result';

/**
 * Lists leaf conditions with their outcomes.
 * @param leaves - the leaves to trace, in document order
 * @param outcomes - the leaf outcomes of the run, by slot
 * @param facts - the facts of this evaluation
 * @returns one trace per leaf, in the given order
 */
export function traceConditions(
  leaves: readonly CompiledLeaf[],
  outcomes: Uint8Array,
  facts: FactSet,
): ConditionTrace[] {
  return leaves.map((leaf) => ({
    pointer: leaf.pointer,
    fact: leaf.fact,
    operator: leaf.operator,
    value: leaf.value,
    factValue: facts.get(leaf.fact) ?? null,
    result: outcomes[leaf.index] === 1,
  }));
}
