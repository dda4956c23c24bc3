import type { FactDefinition } from '../generated/fact-catalogue-file';
import { findAnalyte } from '../units/analyte-table';

/**
 * Names the analyte the unit converter needs for molar ↔ mass conversions: `source.analyte` when the
 * catalogue entry declares one, else the last segment of the fact name when it is a key of
 * `data/analytes.json` (`lab.magnesium` → `magnesium`), else none (plain UCUM conversion).
 * @param fact - the fact definition
 * @returns the analyte key passed to `convertQuantity`, or undefined
 */
export function analyteOf(fact: FactDefinition): string | undefined {
  const declared = (fact.source as Record<string, unknown>)['analyte'];
  if (typeof declared === 'string') {
    return declared;
  }
  const last = fact.name.split('.').pop() ?? fact.name;
  return findAnalyte(last) === undefined ? undefined : last;
}
