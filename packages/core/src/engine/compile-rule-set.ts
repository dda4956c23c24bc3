/**
 * Builds the json-rules-engine `Engine` for one (rule set, hook, drafts) combination. Each selected rule
 * becomes one engine rule named by its id, plus hidden companion rules for its card variants
 * (`<id>#variant/<i>`) and conditional suggestions (`<id>#suggestion/<i>`), so a single `engine.run`
 * answers everything. Every leaf gets its own operator alias (see `toEngineCondition`) that calls the
 * shared {@link OPERATORS} entry and wraps any exception with the rule id, version and pointer.
 */
import { Engine, type TopLevelCondition } from 'json-rules-engine';
import { SoleusError } from '../errors';
import type { LoadedRule, RuleSet } from '../catalog/rule-set';
import type { Condition } from '../generated/rule-definition';
import type { CompiledLeaf } from './compiled-leaf';
import { evaluationError } from './evaluation-error';
import type { Hook } from './evaluation-result';
import { OPERATORS, type OperatorContext } from './operators';
import { toEngineCondition } from './to-engine-condition';

/** An engine ready to run, with what is needed to read its results back. */
export interface CompiledRuleSet {
  readonly engine: Engine;
  /** The rules evaluated for this hook, in rule-set order. */
  readonly rules: readonly LoadedRule[];
  /** Every leaf by its operator alias. */
  readonly leaves: ReadonlyMap<string, CompiledLeaf>;
  /** Rule id → its engine rule names: the rule itself first, then its variant and suggestion companions. */
  readonly engineRules: ReadonlyMap<string, readonly string[]>;
}

/**
 * Names the hidden engine rule of a card variant's `when`.
 * @param ruleId - id of the rule owning the card
 * @param index - index of the variant in `card.variants`
 * @returns the engine rule name, e.g. `dvt.suspected#variant/0`
 */
export const variantRuleName = (ruleId: string, index: number): string =>
  `${ruleId}#variant/${index}`;

/**
 * Names the hidden engine rule of a suggestion's `when`.
 * @param ruleId - id of the rule owning the card
 * @param index - index of the suggestion in `card.suggestions`
 * @returns the engine rule name, e.g. `dvt.suspected#suggestion/1`
 */
export const suggestionRuleName = (ruleId: string, index: number): string =>
  `${ruleId}#suggestion/${index}`;

function isSelected(rule: LoadedRule, hook: Hook, includeDrafts: boolean): boolean {
  const { status, hooks } = rule.definition;
  const statusOk = status === 'active' || (status === 'draft' && includeDrafts);
  return statusOk && hooks.includes(hook);
}

function operatorFor(leaf: CompiledLeaf, ctx: OperatorContext) {
  const spec = OPERATORS.get(leaf.operator);
  if (!spec) {
    const site = { ...leaf, pointer: `${leaf.pointer}/operator` };
    throw evaluationError(
      site,
      new SoleusError('SOLEUS_RULE_UNKNOWN_OPERATOR', `unknown operator "${leaf.operator}"`),
    );
  }
  return (factValue: unknown, value: unknown): boolean => {
    try {
      return spec.evaluate(factValue, value, ctx);
    } catch (err) {
      throw evaluationError(leaf, err);
    }
  };
}

/** The (name, when, pointer) triples one rule contributes to the engine. */
function engineRulesOf(rule: LoadedRule): { name: string; when: Condition; pointer: string }[] {
  const { id, conditions, card } = rule.definition;
  const entries = [{ name: id, when: conditions as Condition, pointer: '/conditions' }];
  (card.variants ?? []).forEach((variant, i) => {
    entries.push({
      name: variantRuleName(id, i),
      when: variant.when,
      pointer: `/card/variants/${i}/when`,
    });
  });
  (card.suggestions ?? []).forEach((suggestion, i) => {
    if (suggestion.when) {
      const pointer = `/card/suggestions/${i}/when`;
      entries.push({ name: suggestionRuleName(id, i), when: suggestion.when, pointer });
    }
  });
  return entries;
}

/**
 * Compiles the rules of a rule set that apply to one hook into a json-rules-engine `Engine`.
 * @param ruleSet - the loaded rule set
 * @param hook - only rules listing this hook are compiled
 * @param includeDrafts - also compile `draft` rules (`retired` ones never)
 * @returns the engine with its rules and leaves
 * @throws {SOLEUS_ENGINE_EVALUATION} when a rule names an operator that is not in OPERATORS
 */
export function compileRuleSet(
  ruleSet: RuleSet,
  hook: Hook,
  includeDrafts: boolean,
): CompiledRuleSet {
  const engine = new Engine([], { allowUndefinedFacts: true });
  const ctx: OperatorContext = { terminology: ruleSet.terminology };
  const leaves = new Map<string, CompiledLeaf>();
  const addLeaf = (leaf: Omit<CompiledLeaf, 'alias'>): string => {
    const compiled = { ...leaf, alias: `${leaf.operator}@${leaves.size}` };
    leaves.set(compiled.alias, compiled);
    engine.addOperator(compiled.alias, operatorFor(compiled, ctx));
    return compiled.alias;
  };
  const rules = ruleSet.rules.filter((rule) => isSelected(rule, hook, includeDrafts));
  const engineRules = new Map<string, readonly string[]>();
  for (const rule of rules) {
    const owner = { id: rule.definition.id, version: rule.definition.version, file: rule.file };
    const entries = engineRulesOf(rule);
    engineRules.set(
      owner.id,
      entries.map((entry) => entry.name),
    );
    for (const entry of entries) {
      const conditions = toEngineCondition(entry.when, entry.pointer, owner, addLeaf);
      engine.addRule({
        name: entry.name,
        conditions: conditions as TopLevelCondition,
        event: { type: entry.name },
      });
    }
  }
  return { engine, rules, leaves, engineRules };
}
