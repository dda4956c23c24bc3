import type { Condition } from '../generated/rule-definition';
import type { CompiledNode, NodeCompiler } from './condition-node-kind';
import { CONDITION_NODE_KINDS, LEAF_NODE_KIND } from './condition-node-kinds';

/**
 * Builds the compiler that node kinds call back into for their children.
 * @param addLeaf - registers one leaf of the rule being compiled
 * @returns a compiler: `compile(condition, pointer)` dispatches on {@link CONDITION_NODE_KINDS}
 */
export function nodeCompiler(addLeaf: NodeCompiler['addLeaf']): NodeCompiler {
  const compiler: NodeCompiler = {
    compile: (condition: Condition, pointer: string): CompiledNode => {
      const kind = CONDITION_NODE_KINDS.find((k) => k.matches(condition)) ?? LEAF_NODE_KIND;
      return kind.compile(condition, pointer, compiler);
    },
    addLeaf,
  };
  return compiler;
}
