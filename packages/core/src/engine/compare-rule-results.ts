import type { PackManifest } from '../generated/pack-manifest';
import type { Indicator, RuleResult } from './rule-result';

const URGENCY: Readonly<Record<Indicator, number>> = { critical: 0, warning: 1, info: 2 };

/** What ranking needs to know about a result besides the result itself. */
export interface RankKey {
  readonly result: Pick<RuleResult, 'indicator' | 'packId' | 'ruleId'>;
  readonly priority: number;
}

/**
 * Builds the ranking comparator: indicator (critical, warning, info), then pack order (rule set A
 * before B before C), then priority descending, then rule id, so equal inputs always rank the same.
 * @param packs - the rule set's packs by id; a pack missing from it ranks last
 * @returns a comparator for `Array.prototype.sort`
 */
export function compareRuleResults(
  packs: ReadonlyMap<string, PackManifest>,
): (a: RankKey, b: RankKey) => number {
  const order = (packId: string): number => packs.get(packId)?.order ?? Number.MAX_SAFE_INTEGER;
  return (a, b) =>
    URGENCY[a.result.indicator] - URGENCY[b.result.indicator] ||
    order(a.result.packId) - order(b.result.packId) ||
    b.priority - a.priority ||
    (a.result.ruleId < b.result.ruleId ? -1 : a.result.ruleId > b.result.ruleId ? 1 : 0);
}
