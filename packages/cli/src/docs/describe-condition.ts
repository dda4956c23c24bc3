import type { Condition, FactDefinition, LeafCondition } from '@soleus/core';

/** How each operator reads in a sentence; an operator missing here is shown by its name. */
const OPERATOR_WORDS: Readonly<Record<string, string>> = {
  equal: 'is',
  notEqual: 'is not',
  lessThan: '<',
  lessThanOrEqual: '≤',
  greaterThan: '>',
  greaterThanOrEqual: '≥',
  in: 'is one of',
  notIn: 'is none of',
  contains: 'contains',
  doesNotContain: 'does not contain',
  containsAny: 'contains any of',
  isKnown: 'is known',
  isUnknown: 'is unknown (no usable data)',
  withinLast: 'is within the last',
  olderThan: 'is older than',
  inValueSet: 'is in value set',
};

/** One line of a rendered conditions tree: its nesting depth and its text. */
export interface ConditionLine {
  readonly depth: number;
  readonly text: string;
}

/**
 * Renders a conditions tree as readable lines, e.g. `all of:` then `cramp.sodium (mmol/L) < 135 mmol/L`.
 * @param condition - the all/any/not tree or a leaf
 * @param facts - the fact catalogue, for units
 * @param depth - nesting depth of this node
 * @returns lines in document order
 */
export function describeCondition(
  condition: Condition,
  facts: ReadonlyMap<string, FactDefinition>,
  depth = 0,
): ConditionLine[] {
  if ('all' in condition) {
    return group('all of:', condition.all, facts, depth);
  }
  if ('any' in condition) {
    return group('any of:', condition.any, facts, depth);
  }
  if ('not' in condition) {
    return group('not:', [condition.not], facts, depth);
  }
  return [{ depth, text: describeLeaf(condition, facts) }];
}

function group(
  head: string,
  children: readonly Condition[],
  facts: ReadonlyMap<string, FactDefinition>,
  depth: number,
): ConditionLine[] {
  return [
    { depth, text: head },
    ...children.flatMap((child) => describeCondition(child, facts, depth + 1)),
  ];
}

/**
 * Renders one leaf, e.g. `analgesic.egfr (mL/min/{1.73_m2}) < 30`.
 * @param leaf - the leaf condition
 * @param facts - the fact catalogue, for the fact's unit
 * @returns the sentence
 */
export function describeLeaf(
  leaf: LeafCondition,
  facts: ReadonlyMap<string, FactDefinition>,
): string {
  const unit = facts.get(leaf.fact)?.unit;
  const subject = `${leaf.fact}${leaf.path ? ` ${leaf.path}` : ''}${unit ? ` (${unit})` : ''}`;
  const op = OPERATOR_WORDS[leaf.operator] ?? leaf.operator;
  if (leaf.value === undefined) {
    return `${subject} ${op}`;
  }
  return `${subject} ${op} ${describeValue(leaf.value)}${leaf.unit ? ` ${leaf.unit}` : ''}`;
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) {
    return value.map((v) => describeValue(v)).join(', ');
  }
  if (typeof value === 'object' && value !== null) {
    const fact = (value as { fact?: unknown }).fact;
    return typeof fact === 'string' ? `the value of ${fact}` : JSON.stringify(value);
  }
  return typeof value === 'string' ? `"${value}"` : String(value);
}
