import type { RuleSet } from '@soleus/core';
import { stringsIn } from './strings-in';

/**
 * The catalogue facts named anywhere in the parameters of the given packs (e.g. the Wells record
 * routes a pack's mechanisms read).
 * @param ruleSet - the loaded rule set
 * @param packs - pack ids
 * @returns fact names (may repeat)
 */
export function packParameterFacts(ruleSet: RuleSet, packs: Iterable<string>): string[] {
  return [...packs].flatMap((pack) =>
    stringsIn(ruleSet.packs.get(pack)?.parameters).filter((text) => ruleSet.facts.has(text)),
  );
}
