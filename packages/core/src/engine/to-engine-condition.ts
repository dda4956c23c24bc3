/**
 * Translates a Soleus condition tree into json-rules-engine's grammar. The grammars are the same except
 * for one twist: every leaf gets an operator of its own (`<operator>@<n>`), registered by the caller,
 * so that a failure inside an operator can name the exact rule and JSON Pointer, and so that the
 * engine's result tree maps back to pointers without relying on array order.
 */
import type { TopLevelCondition } from 'json-rules-engine';
import type { Condition } from '../generated/rule-definition';
import type { CompiledLeaf } from './compiled-leaf';

/** A json-rules-engine leaf as this engine emits it. */
interface EngineLeaf {
  readonly fact: string;
  readonly operator: string;
  readonly value: unknown;
  readonly path?: string;
}

/** A condition in json-rules-engine's grammar. */
export type EngineCondition = TopLevelCondition | EngineLeaf;

/** Registers a leaf and returns the operator alias json-rules-engine will call for it. */
export type AddLeaf = (leaf: Omit<CompiledLeaf, 'alias'>) => string;

/**
 * Translates one condition (and its subtree) into json-rules-engine's grammar.
 * @param condition - the Soleus condition as written in the rule file
 * @param pointer - JSON Pointer of `condition` inside the rule file
 * @param rule - id and version of the rule that owns the condition
 * @param addLeaf - registers a leaf and returns its operator alias
 * @returns the equivalent json-rules-engine condition
 */
export function toEngineCondition(
  condition: Condition,
  pointer: string,
  rule: { readonly id: string; readonly version: string; readonly file: string },
  addLeaf: AddLeaf,
): EngineCondition {
  if ('all' in condition) {
    return {
      all: condition.all.map((c, i) =>
        toEngineCondition(c, `${pointer}/all/${i}`, rule, addLeaf),
      ) as TopLevelCondition[],
    };
  }
  if ('any' in condition) {
    return {
      any: condition.any.map((c, i) =>
        toEngineCondition(c, `${pointer}/any/${i}`, rule, addLeaf),
      ) as TopLevelCondition[],
    };
  }
  if ('not' in condition) {
    return {
      not: toEngineCondition(condition.not, `${pointer}/not`, rule, addLeaf) as TopLevelCondition,
    };
  }
  const value: unknown = condition.value ?? null;
  const alias = addLeaf({
    ruleId: rule.id,
    ruleVersion: rule.version,
    file: rule.file,
    pointer,
    fact: condition.fact,
    operator: condition.operator,
    value,
  });
  const leaf: EngineLeaf = { fact: condition.fact, operator: alias, value };
  return condition.path === undefined ? leaf : { ...leaf, path: condition.path };
}
