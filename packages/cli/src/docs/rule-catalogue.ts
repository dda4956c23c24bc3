import type {
  FactDefinition,
  LoadedRule,
  LoadedTable,
  PackManifest,
  RuleDefinition,
  RuleSet,
  ValueSetExpansionContains,
  ValueSetResource,
} from '@soleus/core';
import { collectLeaves } from '@soleus/core';
import type { VignetteManifest } from '../vignettes/vignette-manifest';
import type { ExampleCard } from './example-cards';

/** One code of a value set as the catalogue lists it. */
export interface CatalogueCode {
  readonly system: string;
  readonly code: string;
  readonly display: string;
}

/** A value set a rule depends on (through the facts it reads), with its codes. */
export interface CatalogueValueSet {
  readonly url: string;
  readonly title: string;
  readonly codes: readonly CatalogueCode[];
  /** Other value sets this one includes by reference. */
  readonly includes: readonly string[];
  /** The fact the rule reads that leads to this value set (directly or through a derived fact). */
  readonly via: string;
}

/** Everything the rule catalogue shows about one rule. */
export interface CatalogueRule {
  readonly rule: LoadedRule;
  /** The rule as its author wrote it (thresholds in their own units, before load-time conversion). */
  readonly authored: RuleDefinition;
  /** Facts the rule reads directly, in first-use order. */
  readonly facts: readonly FactDefinition[];
  readonly valueSets: readonly CatalogueValueSet[];
  /** Vignette manifests whose `rule` is this rule, with their folder name. */
  readonly vignettes: readonly { readonly folder: string; readonly manifest: VignetteManifest }[];
  /** The card filled from the first vignette case that fires it (see example-cards.ts). */
  readonly example?: ExampleCard;
}

/** The rule catalogue: packs in order, each with its rules. */
export interface RuleCatalogue {
  readonly contentVersion: string;
  readonly packs: readonly {
    readonly pack: PackManifest;
    readonly rules: readonly CatalogueRule[];
    /** The pack's decision tables, in id order. */
    readonly tables: readonly LoadedTable[];
  }[];
}

/**
 * Gathers, per pack and rule, the facts, value sets (transitively through derived facts) and vignettes
 * the reference shows.
 * @param ruleSet - the loaded rule set
 * @param valueSets - the loaded value sets
 * @param vignettes - vignette manifests by folder name
 * @param readAuthored - reads a rule's file as written (the rule set holds converted thresholds)
 * @returns the catalogue, in pack order then rule order
 */
export function buildRuleCatalogue(
  ruleSet: RuleSet,
  valueSets: readonly ValueSetResource[],
  vignettes: ReadonlyMap<string, VignetteManifest>,
  readAuthored: (rule: LoadedRule) => RuleDefinition,
): RuleCatalogue {
  const byUrl = new Map(valueSets.map((vs) => [vs.url, vs]));
  const packs = [...ruleSet.packs.values()].sort(
    (a, b) => a.order - b.order || a.id.localeCompare(b.id),
  );
  return {
    contentVersion: ruleSet.contentVersion,
    packs: packs.map((pack) => ({
      pack,
      rules: ruleSet.rules
        .filter((r) => r.pack.id === pack.id)
        .map((rule) => ({
          ...catalogueRule(rule, ruleSet, byUrl, vignettes),
          authored: readAuthored(rule),
        })),
      tables: [...ruleSet.tables.values()]
        .filter((t) => t.definition.pack === pack.id)
        .sort((a, b) => a.definition.id.localeCompare(b.definition.id)),
    })),
  };
}

function catalogueRule(
  rule: LoadedRule,
  ruleSet: RuleSet,
  byUrl: ReadonlyMap<string, ValueSetResource>,
  vignettes: ReadonlyMap<string, VignetteManifest>,
): Omit<CatalogueRule, 'authored'> {
  const names = [...new Set(collectLeaves(rule.definition).map((l) => l.leaf.fact))];
  const urls = new Map<string, string>();
  const seen = new Set<string>();
  for (const { leaf } of collectLeaves(rule.definition)) {
    collectStrings(leaf.value, (s) => byUrl.has(s) && !urls.has(s) && urls.set(s, leaf.fact));
  }
  const { facts, tables } = ruleSet;
  names.forEach((name) => collectValueSets(name, name, { facts, tables, byUrl, urls, seen }));
  return {
    rule,
    facts: names.flatMap((n) => facts.get(n) ?? []),
    valueSets: [...urls]
      .sort(([a], [b]) => a.localeCompare(b))
      .flatMap(([url, via]) => {
        const vs = byUrl.get(url);
        return vs ? [catalogueValueSet(vs, via)] : [];
      }),
    vignettes: [...vignettes]
      .filter(([, m]) => m.rule === rule.definition.id)
      .map(([folder, manifest]) => ({ folder, manifest })),
  };
}

/**
 * Follows a fact's source (and the facts a derived fact names, or the inputs of a decision table it
 * names) to every value-set url in it.
 */
function collectValueSets(name: string, via: string, ctx: Walk): void {
  const { facts, tables, byUrl, urls, seen } = ctx;
  const fact = facts.get(name);
  if (!fact || seen.has(name)) {
    return;
  }
  seen.add(name);
  collectStrings(fact.source, (s) => {
    if (byUrl.has(s) && !urls.has(s)) {
      urls.set(s, via);
    } else if (facts.has(s)) {
      collectValueSets(s, via, ctx);
    } else {
      tables.get(s)?.columns.forEach((column) => collectValueSets(column.fact, via, ctx));
    }
  });
}

function collectStrings(value: unknown, visit: (s: string) => unknown): void {
  if (typeof value === 'string') {
    visit(value);
  } else if (Array.isArray(value)) {
    value.forEach((v) => collectStrings(v, visit));
  } else if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach((v) => collectStrings(v, visit));
  }
}

interface Walk {
  readonly facts: ReadonlyMap<string, FactDefinition>;
  readonly tables: RuleSet['tables'];
  readonly byUrl: ReadonlyMap<string, ValueSetResource>;
  /** Value-set url → the rule's fact that leads to it. */
  readonly urls: Map<string, string>;
  readonly seen: Set<string>;
}

function catalogueValueSet(vs: ValueSetResource, via: string): CatalogueValueSet {
  const codes: CatalogueCode[] = [];
  const push = (system: string | undefined, code: string | undefined, display?: string) => {
    if (code !== undefined && !codes.some((c) => c.system === (system ?? '') && c.code === code)) {
      codes.push({ system: system ?? '', code, display: display ?? '' });
    }
  };
  const walk = (items: readonly ValueSetExpansionContains[] | undefined): void =>
    items?.forEach((c) => {
      push(c.system, c.code, c.display);
      walk(c.contains);
    });
  walk(vs.expansion?.contains);
  for (const inc of vs.compose?.include ?? []) {
    inc.concept?.forEach((c) => push(inc.system, c.code, c.display));
  }
  return {
    url: vs.url,
    title: vs.title ?? vs.name ?? vs.id ?? vs.url,
    codes,
    includes: (vs.compose?.include ?? []).flatMap((inc) => inc.valueSet ?? []),
    via,
  };
}
