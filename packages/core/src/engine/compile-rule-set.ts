/**
 * Compiles the rules of one (rule set, hook, drafts) combination into plain closures, once. Every leaf
 * gets a slot and a test (its operator bound to its fact and value readers); every rule, card variant
 * `when` and suggestion `when` becomes an entry whose test combines leaf outcomes. A run then needs no
 * cloning, no promises and no engine state: see `runCompiled`. The same compilation carries each
 * entry's json-rules-engine form, so the reference engine evaluates exactly the same leaves.
 */
import type { LoadedRule, RuleSet } from '../catalog/rule-set';
import type { Condition, LeafCondition } from '../generated/rule-definition';
import { nodeCompiler } from './compile-condition';
import type { CompiledLeaf } from './compiled-leaf';
import type { CompiledNode, EngineLeaf } from './condition-node-kind';
import type { Hook } from './evaluation-result';
import { leafOperator, type LeafOperator } from './leaf-operator';
import { factReader, valueReader } from './operand-reader';
import type { OperatorContext } from './operators';
import type { FactValues } from './prepare-facts';

/** A compiled rule, variant `when` or suggestion `when`: one outcome per run. */
export interface CompiledEntry {
  /** Slot of the entry's outcome in a run. */
  readonly index: number;
  /** Its json-rules-engine rule name: the rule id, `<id>#variant/<i>` or `<id>#suggestion/<i>`. */
  readonly name: string;
  readonly node: CompiledNode;
}

/** One selected rule with its entries and leaves. */
export interface CompiledRule {
  readonly rule: LoadedRule;
  readonly conditions: CompiledEntry;
  /** One entry per card variant, in order. */
  readonly variants: readonly CompiledEntry[];
  /** Per suggestion, its `when`; undefined when it has none (always offered). */
  readonly suggestions: readonly (CompiledEntry | undefined)[];
  /** The leaves of its conditions, then of its variants, then of its suggestions, in document order. */
  readonly leaves: readonly CompiledLeaf[];
}

/** Everything a run needs, compiled once per (rule set, hook, drafts). */
export interface CompiledRuleSet {
  /** The rules evaluated for this hook, in rule-set order. */
  readonly rules: readonly CompiledRule[];
  /** Every leaf, by slot. */
  readonly leaves: readonly CompiledLeaf[];
  /** Per leaf slot: decides the leaf on a run's fact values. */
  readonly leafTests: readonly ((values: FactValues) => boolean)[];
  /** Per leaf slot: its bound operator (the reference engine registers it under the leaf's alias). */
  readonly operators: readonly LeafOperator[];
  /** Every entry, by slot. */
  readonly entries: readonly CompiledEntry[];
}

/**
 * Names the json-rules-engine operator registered for one leaf: the operator and the leaf's slot.
 * @param leaf - the compiled leaf
 * @returns the alias, e.g. `equal@12`
 */
export const leafAlias = (leaf: CompiledLeaf): string => `${leaf.operator}@${leaf.index}`;

function isSelected(rule: LoadedRule, hook: Hook, includeDrafts: boolean): boolean {
  const { status, hooks } = rule.definition;
  const statusOk = status === 'active' || (status === 'draft' && includeDrafts);
  return statusOk && hooks.includes(hook);
}

/**
 * Compiles the rules of a rule set that apply to one hook.
 * @param ruleSet - the loaded rule set
 * @param hook - only rules listing this hook are compiled
 * @param includeDrafts - also compile `draft` rules (`retired` ones never)
 * @returns the compiled rules, leaves and entries
 * @throws {SOLEUS_ENGINE_EVALUATION} when a rule names an operator that is not in OPERATORS
 */
export function compileRuleSet(
  ruleSet: RuleSet,
  hook: Hook,
  includeDrafts: boolean,
): CompiledRuleSet {
  const ctx: OperatorContext = { terminology: ruleSet.terminology };
  const leaves: CompiledLeaf[] = [];
  const leafTests: ((values: FactValues) => boolean)[] = [];
  const operators: LeafOperator[] = [];
  const entries: CompiledEntry[] = [];
  const compileRule = (rule: LoadedRule): CompiledRule => {
    const { id, version, conditions, card } = rule.definition;
    const first = leaves.length;
    const compiler = nodeCompiler((condition: LeafCondition, pointer: string) => {
      const leaf = leafOf(condition, pointer, leaves.length, { id, version, file: rule.file });
      const operator = leafOperator(leaf, ctx);
      const readFact = factReader(leaf.fact, leaf.path);
      const readValue = valueReader(leaf.value);
      leaves.push(leaf);
      operators.push(operator);
      leafTests.push((values) => operator(readFact(values), readValue(values)) === true);
      return { index: leaf.index, engine: engineLeaf(leaf) };
    });
    const entry = (name: string, when: Condition, pointer: string): CompiledEntry => {
      const compiled = { index: entries.length, name, node: compiler.compile(when, pointer) };
      entries.push(compiled);
      return compiled;
    };
    return {
      rule,
      conditions: entry(id, conditions as Condition, '/conditions'),
      variants: (card.variants ?? []).map((v, i) =>
        entry(`${id}#variant/${i}`, v.when, `/card/variants/${i}/when`),
      ),
      suggestions: (card.suggestions ?? []).map((s, i) =>
        s.when ? entry(`${id}#suggestion/${i}`, s.when, `/card/suggestions/${i}/when`) : undefined,
      ),
      leaves: leaves.slice(first),
    };
  };
  const rules = ruleSet.rules.filter((r) => isSelected(r, hook, includeDrafts)).map(compileRule);
  return { rules, leaves, leafTests, operators, entries };
}

function leafOf(
  condition: LeafCondition,
  pointer: string,
  index: number,
  rule: { readonly id: string; readonly version: string; readonly file: string },
): CompiledLeaf {
  return {
    index,
    ruleId: rule.id,
    ruleVersion: rule.version,
    file: rule.file,
    pointer,
    fact: condition.fact,
    operator: condition.operator,
    value: condition.value ?? null,
    ...(condition.path === undefined ? {} : { path: condition.path }),
  };
}

function engineLeaf(leaf: CompiledLeaf): EngineLeaf {
  const engine: EngineLeaf = { fact: leaf.fact, operator: leafAlias(leaf), value: leaf.value };
  return leaf.path === undefined ? engine : { ...engine, path: leaf.path };
}
