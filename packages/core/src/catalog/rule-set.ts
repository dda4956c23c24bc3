import type { FactDefinition } from '../generated/fact-catalogue-file';
import type { PackManifest } from '../generated/pack-manifest';
import type { RuleDefinition } from '../generated/rule-definition';
import type { MechanismRegistry } from '../mechanisms/mechanism';
import type { LoadedTable } from '../tables/loaded-table';
import type { TerminologyProvider } from '../terminology/terminology-provider';

/** A rule as loaded: its definition plus where it came from. */
export interface LoadedRule {
  readonly definition: RuleDefinition;
  /** Path of the rule file relative to the rules directory, e.g. `dvt/dvt-excluded.rule.json`. */
  readonly file: string;
  /** Absolute path of the rule file. */
  readonly path: string;
  /** The pack the rule belongs to. */
  readonly pack: PackManifest;
}

/**
 * An immutable, validated set of rule packs with the fact catalogue and terminology they use.
 * Built once by `loadRuleSet`, then evaluated many times.
 */
export interface RuleSet {
  /** Rules by id, in a stable order (pack order, then priority descending, then id). */
  readonly rules: readonly LoadedRule[];
  readonly rulesById: ReadonlyMap<string, LoadedRule>;
  readonly packs: ReadonlyMap<string, PackManifest>;
  /** Decision tables by id (rules that read one have its rows among their conditions). */
  readonly tables: ReadonlyMap<string, LoadedTable>;
  /** Fact catalogue by name. */
  readonly facts: ReadonlyMap<string, FactDefinition>;
  readonly terminology: TerminologyProvider;
  /** Content version: the packs' ids and versions, e.g. `dvt@1.0.0+cramp@1.0.0`. */
  readonly contentVersion: string;
  /**
   * The mechanisms derived facts may name: the shipped ones, those the host passed, and those the
   * site packs' `pack.json` `mechanisms` modules export.
   */
  readonly mechanisms: MechanismRegistry;
}
