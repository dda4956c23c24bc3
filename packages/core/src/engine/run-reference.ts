/**
 * The reference evaluator: json-rules-engine runs the same compiled entries, with every leaf as an
 * operator of its own (`<operator>@<slot>`) bound to the same comparison the compiled evaluator calls.
 * It is slower (one engine run clones every rule result and goes through promises), so production uses
 * `runCompiled`; this one is what the differential test and `evaluateReference` hold it to.
 */
import { Engine, type TopLevelCondition, type TopLevelConditionResult } from 'json-rules-engine';
import { leafAlias, type CompiledRuleSet } from './compile-rule-set';
import type { FactValues } from './prepare-facts';
import type { RunOutcome } from './run-outcome';

interface Reference {
  readonly engine: Engine;
  readonly entrySlots: ReadonlyMap<string, number>;
  readonly leafSlots: ReadonlyMap<string, number>;
}

/** A node of json-rules-engine's result tree, read loosely: the library's types are not exhaustive. */
interface ResultNode {
  readonly all?: readonly ResultNode[];
  readonly any?: readonly ResultNode[];
  readonly not?: ResultNode;
  readonly operator?: string;
  readonly result?: boolean;
}

/** One engine per compiled rule set, built on first use (a compiled rule set never changes). */
const references = new WeakMap<CompiledRuleSet, Reference>();

function referenceOf(compiled: CompiledRuleSet): Reference {
  let reference = references.get(compiled);
  if (!reference) {
    const engine = new Engine([], { allowUndefinedFacts: true });
    compiled.leaves.forEach((leaf, slot) => {
      const operator = compiled.operators[slot];
      if (operator) {
        engine.addOperator(leafAlias(leaf), operator);
      }
    });
    for (const entry of compiled.entries) {
      const conditions = entry.node.engine as TopLevelCondition;
      engine.addRule({ name: entry.name, conditions, event: { type: entry.name } });
    }
    reference = {
      engine,
      entrySlots: new Map(compiled.entries.map((entry) => [entry.name, entry.index])),
      leafSlots: new Map(compiled.leaves.map((leaf) => [leafAlias(leaf), leaf.index])),
    };
    references.set(compiled, reference);
  }
  return reference;
}

/** Records the outcome of every leaf json-rules-engine evaluated; one it skipped stays 0 (false). */
function collectLeaves(
  node: ResultNode,
  slots: ReadonlyMap<string, number>,
  out: Uint8Array,
): void {
  const children = node.all ?? node.any ?? (node.not ? [node.not] : undefined);
  if (children) {
    children.forEach((child) => collectLeaves(child, slots, out));
    return;
  }
  const slot = node.operator === undefined ? undefined : slots.get(node.operator);
  if (slot !== undefined) {
    out[slot] = node.result === true ? 1 : 0;
  }
}

/**
 * Runs a compiled rule set through json-rules-engine.
 * @param compiled - the compiled rule set
 * @param values - the fact values of this run (json-rules-engine's runtime facts)
 * @returns the leaf and entry outcomes, read back from the engine's results
 * @throws {SOLEUS_ENGINE_EVALUATION} when an operator fails (names rule, version and pointer)
 */
export async function runReference(
  compiled: CompiledRuleSet,
  values: FactValues,
): Promise<RunOutcome> {
  const { engine, entrySlots, leafSlots } = referenceOf(compiled);
  const output = await engine.run(Object.fromEntries(values));
  const leaves = new Uint8Array(compiled.leaves.length);
  const entries = new Uint8Array(compiled.entries.length);
  for (const result of [...output.results, ...output.failureResults]) {
    const slot = entrySlots.get(String(result.name));
    if (slot !== undefined) {
      entries[slot] = result.result === true ? 1 : 0;
    }
    collectLeaves(result.conditions as TopLevelConditionResult as ResultNode, leafSlots, leaves);
  }
  return { leaves, entries };
}
