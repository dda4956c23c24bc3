import type { FactDefinition } from '../generated/fact-catalogue-file';
import type { PackManifest } from '../generated/pack-manifest';
import type { MechanismRegistry } from '../mechanisms/mechanism';
import type { LoadedTable } from '../tables/loaded-table';
import type { TerminologyProvider } from '../terminology/terminology-provider';
import type { LoadedRule, RuleSet } from './rule-set';

/** The checked parts a {@link RuleSet} is assembled from. */
export interface RuleSetParts {
  readonly rules: readonly LoadedRule[];
  readonly packs: ReadonlyMap<string, PackManifest>;
  /** Decision tables; none when omitted. */
  readonly tables?: readonly LoadedTable[];
  readonly facts: ReadonlyMap<string, FactDefinition>;
  readonly terminology: TerminologyProvider;
  readonly mechanisms: MechanismRegistry;
}

/**
 * Assembles an immutable rule set: rules ordered by pack order, then priority descending, then id
 * (so evaluation and card ranking are deterministic), and the content version
 * `<pack>@<version>+<pack>@<version>…` in pack order.
 * @param parts - checked rules, packs, facts and terminology
 * @returns the frozen rule set
 */
export function buildRuleSet(parts: RuleSetParts): RuleSet {
  const packs = [...parts.packs.values()].sort(comparePacks);
  const packRank = new Map(packs.map((pack, i) => [pack.id, i]));
  const rules = [...parts.rules].sort(
    (a, b) =>
      (packRank.get(a.pack.id) ?? 0) - (packRank.get(b.pack.id) ?? 0) ||
      b.definition.priority - a.definition.priority ||
      compareText(a.definition.id, b.definition.id),
  );
  return Object.freeze({
    rules: Object.freeze(rules.map((rule) => Object.freeze(rule))),
    rulesById: new Map(rules.map((rule) => [rule.definition.id, rule])),
    packs: new Map(packs.map((pack) => [pack.id, pack])),
    tables: new Map((parts.tables ?? []).map((table) => [table.definition.id, table])),
    facts: parts.facts,
    terminology: parts.terminology,
    mechanisms: parts.mechanisms,
    contentVersion: packs.map((pack) => `${pack.id}@${pack.version}`).join('+'),
  });
}

function comparePacks(a: PackManifest, b: PackManifest): number {
  return a.order - b.order || compareText(a.id, b.id);
}

/** Code-unit order, independent of the machine's locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
