import { SoleusError } from '../errors';
import type { CompiledLeaf } from './compiled-leaf';
import { evaluationError } from './evaluation-error';
import { OPERATORS, type OperatorContext } from './operators';

/** A leaf's comparison: the {@link OPERATORS} entry bound to its context, as both evaluators call it. */
export type LeafOperator = (factValue: unknown, value: unknown) => boolean;

/**
 * Binds a leaf's operator once at compile time. The compiled evaluator calls it directly and the
 * reference engine registers it as the leaf's own json-rules-engine operator, so both compare with the
 * very same function. Any exception is wrapped with the rule id, version and the leaf's pointer.
 * @param leaf - the compiled leaf
 * @param ctx - what operators need besides their operands (terminology)
 * @returns the comparison
 * @throws {SOLEUS_ENGINE_EVALUATION} when the operator is not in OPERATORS (pointer `…/operator`)
 */
export function leafOperator(leaf: CompiledLeaf, ctx: OperatorContext): LeafOperator {
  const spec = OPERATORS.get(leaf.operator);
  if (!spec) {
    const site = { ...leaf, pointer: `${leaf.pointer}/operator` };
    throw evaluationError(
      site,
      new SoleusError('SOLEUS_RULE_UNKNOWN_OPERATOR', `unknown operator "${leaf.operator}"`),
    );
  }
  const evaluate = spec.evaluate;
  return (factValue, value) => {
    try {
      return evaluate(factValue, value, ctx);
    } catch (err) {
      throw evaluationError(leaf, err);
    }
  };
}
