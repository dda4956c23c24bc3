import type { CompiledRuleSet } from './compile-rule-set';
import type { FactValues } from './prepare-facts';
import type { RunOutcome } from './run-outcome';

/**
 * Runs a compiled rule set synchronously: first every leaf on the fact values (as json-rules-engine
 * evaluates every leaf of a rule, so any leaf that throws fails the run in both evaluators), then every
 * entry from the leaf outcomes. Two typed arrays are the only allocations.
 * @param compiled - the compiled rule set
 * @param values - the fact values of this run
 * @returns the leaf and entry outcomes
 * @throws {SOLEUS_ENGINE_EVALUATION} when an operator fails (names rule, version and pointer)
 */
export function runCompiled(compiled: CompiledRuleSet, values: FactValues): RunOutcome {
  const leaves = new Uint8Array(compiled.leafTests.length);
  let slot = 0;
  for (const test of compiled.leafTests) {
    leaves[slot++] = test(values) ? 1 : 0;
  }
  const entries = new Uint8Array(compiled.entries.length);
  for (const entry of compiled.entries) {
    entries[entry.index] = entry.node.test(leaves) ? 1 : 0;
  }
  return { leaves, entries };
}
