/**
 * The JSON Pointers of a condition node's children (`<pointer>/all/<i>`, `<pointer>/any/<i>`,
 * `<pointer>/not`), built once per node and pointer and then reused. Cards ("Based on") and issue
 * routing walk every fired rule's condition tree on every call and look each leaf's trace up by its
 * pointer: a pointer built afresh is a new string, hashed again on every lookup, while a kept one is
 * hashed once (docs/reference/performance.md, "Fixed per-call cost, second pass").
 */
import type { RuleDefinition } from '@soleus/core';

type Node = RuleDefinition['conditions'] | { readonly fact: string };

const kept = new WeakMap<object, Map<string, readonly string[]>>();

/**
 * @param node - a condition node of a loaded rule
 * @param pointer - the node's own pointer
 * @returns its children's pointers, in order (`not`: one; a leaf: none)
 */
export function childPointers(node: Node, pointer: string): readonly string[] {
  let byPointer = kept.get(node);
  if (!byPointer) {
    byPointer = new Map();
    kept.set(node, byPointer);
  }
  let children = byPointer.get(pointer);
  if (!children) {
    children =
      'all' in node
        ? node.all.map((_c, i) => `${pointer}/all/${i}`)
        : 'any' in node
          ? node.any.map((_c, i) => `${pointer}/any/${i}`)
          : 'not' in node
            ? [`${pointer}/not`]
            : [];
    byPointer.set(pointer, children);
  }
  return children;
}
