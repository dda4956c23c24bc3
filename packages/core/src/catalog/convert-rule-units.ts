import { SoleusError } from '../errors';
import type { FactDefinition } from '../generated/fact-catalogue-file';
import type { RuleDefinition } from '../generated/rule-definition';
import { analyteOf } from './analyte-of';
import type { ConvertQuantity } from './rule-check-context';
import { collectLeaves } from './walk-conditions';

/**
 * Converts every leaf threshold written with a `unit` into its fact's catalogue unit, once, at load
 * time: the returned copy holds the converted `value` and no `unit`, so the engine compares plain
 * numbers. Call only on rules that passed `checkRule` (units known to convert).
 * @param rule - a checked rule definition (not modified)
 * @param facts - fact catalogue by name
 * @param convert - the unit converter
 * @returns a converted deep copy of the rule
 * @throws {SOLEUS_RULE_UNIT} when a unit does not convert (only if the rule was not checked first)
 */
export function convertRuleUnits(
  rule: RuleDefinition,
  facts: ReadonlyMap<string, FactDefinition>,
  convert: ConvertQuantity,
): RuleDefinition {
  const copy = structuredClone(rule);
  for (const { leaf } of collectLeaves(copy)) {
    const fact = facts.get(leaf.fact);
    if (leaf.unit === undefined || fact?.unit === undefined) {
      continue;
    }
    const from = leaf.unit;
    const toUnit = (value: unknown): unknown => {
      if (typeof value !== 'number') {
        return value;
      }
      const result = convert(value, from, fact.unit ?? from, analyteOf(fact));
      if (!result.ok) {
        // checkRule has already proved the unit converts; reaching this is a converter bug.
        throw new SoleusError(
          'SOLEUS_RULE_UNIT',
          `${rule.id}: unit "${from}" failed to convert to "${fact.unit ?? ''}" (${result.reason})`,
        );
      }
      return result.value;
    };
    const value: unknown = leaf.value;
    leaf.value = (Array.isArray(value) ? value.map(toUnit) : toUnit(value)) as typeof leaf.value;
    delete leaf.unit;
  }
  return copy;
}
