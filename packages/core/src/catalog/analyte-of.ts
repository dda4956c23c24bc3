import type { FactDefinition } from '../generated/fact-catalogue-file';

/**
 * Names the analyte the unit converter needs for molar ↔ mass conversions: `source.analyte` when the
 * catalogue gives one, else the last segment of the fact name (`lab.magnesium` → `magnesium`).
 * @param fact - the fact definition
 * @returns the analyte key passed to `convertQuantity`
 */
export function analyteOf(fact: FactDefinition): string {
  const declared = (fact.source as Record<string, unknown>)['analyte'];
  return typeof declared === 'string' ? declared : (fact.name.split('.').pop() ?? fact.name);
}
