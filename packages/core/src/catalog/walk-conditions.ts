import type { Condition, LeafCondition, RuleDefinition } from '../generated/rule-definition';

/** A leaf condition and its JSON Pointer inside the rule file. */
export interface LocatedLeaf {
  readonly leaf: LeafCondition;
  /** e.g. `/conditions/all/1/any/0` or `/card/variants/0/when/all/2`. */
  readonly pointer: string;
}

/**
 * Lists every leaf condition of a rule — its conditions, each card variant's `when` and each
 * suggestion's `when` — depth-first, with JSON Pointers, so every check can say exactly where.
 * @param rule - a schema-valid rule definition
 * @returns the leaves in document order
 */
export function collectLeaves(rule: RuleDefinition): LocatedLeaf[] {
  const leaves: LocatedLeaf[] = [];
  walk(rule.conditions, '/conditions', leaves);
  rule.card.variants?.forEach((variant, i) =>
    walk(variant.when, `/card/variants/${i}/when`, leaves),
  );
  rule.card.suggestions?.forEach((suggestion, i) => {
    if (suggestion.when) {
      walk(suggestion.when, `/card/suggestions/${i}/when`, leaves);
    }
  });
  return leaves;
}

function walk(condition: Condition, pointer: string, leaves: LocatedLeaf[]): void {
  if ('all' in condition) {
    condition.all.forEach((child, i) => walk(child, `${pointer}/all/${i}`, leaves));
  } else if ('any' in condition) {
    condition.any.forEach((child, i) => walk(child, `${pointer}/any/${i}`, leaves));
  } else if ('not' in condition) {
    walk(condition.not, `${pointer}/not`, leaves);
  } else {
    leaves.push({ leaf: condition, pointer });
  }
}
