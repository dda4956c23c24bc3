/**
 * Maps json-rules-engine's per-rule result tree back to the rule file: every leaf becomes a
 * {@link ConditionTrace} with its JSON Pointer, the fact as it was in the FactSet and the outcome.
 * Leaves are identified by their per-leaf operator alias, not by position. A leaf the engine did not
 * evaluate (short-circuited) reports `result: false` and the fact as it was.
 */
import type { TopLevelConditionResult } from 'json-rules-engine';
import type { FactSet } from '../facts/fact';
import type { CompiledLeaf } from './compiled-leaf';
import type { ConditionTrace } from './rule-result';

/** A node of json-rules-engine's result tree, read loosely: the library's types are not exhaustive. */
interface ResultNode {
  readonly all?: readonly ResultNode[];
  readonly any?: readonly ResultNode[];
  readonly not?: ResultNode;
  readonly operator?: string;
  readonly result?: boolean;
}

function collect(
  node: ResultNode,
  leaves: ReadonlyMap<string, CompiledLeaf>,
  facts: FactSet,
  out: ConditionTrace[],
): void {
  const children = node.all ?? node.any ?? (node.not ? [node.not] : undefined);
  if (children) {
    children.forEach((child) => collect(child, leaves, facts, out));
    return;
  }
  const leaf = node.operator === undefined ? undefined : leaves.get(node.operator);
  if (!leaf) {
    return;
  }
  out.push({
    pointer: leaf.pointer,
    fact: leaf.fact,
    operator: leaf.operator,
    value: leaf.value,
    factValue: facts.get(leaf.fact) ?? null,
    result: node.result === true,
  });
}

/**
 * Lists every leaf condition of one engine rule with its outcome.
 * @param conditions - the `conditions` of a json-rules-engine RuleResult
 * @param leaves - the compiled leaves by operator alias
 * @param facts - the facts of this evaluation
 * @returns one trace per leaf, in document order
 */
export function traceConditions(
  conditions: TopLevelConditionResult,
  leaves: ReadonlyMap<string, CompiledLeaf>,
  facts: FactSet,
): ConditionTrace[] {
  const out: ConditionTrace[] = [];
  collect(conditions as ResultNode, leaves, facts, out);
  return out;
}
