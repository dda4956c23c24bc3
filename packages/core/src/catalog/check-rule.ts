import type { Issue } from '../errors';
import type { RuleDefinition } from '../generated/rule-definition';
import { checkCardText } from './check-card-text';
import { checkLeaf } from './check-leaf';
import { checkOverrideReasons } from './check-override-reasons';
import type { RuleCheckContext } from './rule-check-context';
import { collectLeaves } from './walk-conditions';

/**
 * Checks what the rule schema cannot express: every leaf condition (rule conditions, variant and
 * suggestion `when`s) against the fact catalogue, operator table, value sets and UCUM, and the card
 * text against the summary limit and the fact catalogue, and the override reasons against their
 * CodeSystem. Cross-rule checks (duplicate ids,
 * suppressions, packs) are in `checkRuleSet`.
 * @param rule - a schema-valid rule definition
 * @param file - rule file path relative to the rules directory, for issue locations
 * @param context - facts, operators, terminology and unit converter
 * @returns every issue found, each with file and JSON Pointer; empty when the rule is sound
 */
export function checkRule(rule: RuleDefinition, file: string, context: RuleCheckContext): Issue[] {
  const issues: Issue[] = [];
  for (const { leaf, pointer } of collectLeaves(rule)) {
    issues.push(...checkLeaf(leaf, pointer, file, context));
  }
  issues.push(...checkCardText(rule, file, context.facts));
  issues.push(...checkOverrideReasons(rule, file));
  return issues;
}
