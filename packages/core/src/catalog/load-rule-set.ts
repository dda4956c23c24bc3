/**
 * The rule-catalogue loader: reads value sets, the fact catalogue and rule packs, validates each file
 * against its schema, checks meaning (`checkRuleSet`), converts threshold units once, and returns an
 * immutable {@link RuleSet}. Every problem of every file is collected; one invalid file means nothing
 * loads, because a partly loaded catalogue would silently stop some cards from firing.
 */
import { basename, join } from 'node:path';
import { SoleusError, type Issue } from '../errors';
import { checkMechanismParams } from '../mechanisms/check-mechanism-params';
import { loadPackMechanisms } from '../mechanisms/load-pack-mechanisms';
import type { Mechanism, MechanismRegistry } from '../mechanisms/mechanism';
import { SHIPPED_MECHANISMS } from '../mechanisms/shipped-mechanisms';
import { OPERATORS } from '../engine/operators';
import { loadValueSets } from '../terminology/load-value-sets';
import type { TerminologyProvider } from '../terminology/terminology-provider';
import { buildValueSetIndex } from '../terminology/value-set-index';
import { convertQuantity } from '../units/convert-quantity';
import { checkDecisionTables } from '../tables/check-decision-tables';
import { withTableConditions } from '../tables/with-table-conditions';
import { tableColumns } from '../tables/table-columns';
import { buildRuleSet } from './build-rule-set';
import { checkRuleSet } from './check-rule-set';
import { convertRuleUnits } from './convert-rule-units';
import type { ContentDirs } from './default-content';
import { loadFactCatalog } from './load-fact-catalog';
import { readRulePacks, type RulePackFiles } from './read-rule-packs';
import type { RuleSet } from './rule-set';
import { createSchemaValidators } from './schema-validator';

/** Options of {@link loadRuleSet}. */
export interface LoadRuleSetOptions extends ContentDirs {
  /** Terminology to check and evaluate `inValueSet` against; default: index of `valueSetsDir`. */
  readonly terminology?: TerminologyProvider;
  /**
   * Extra pack directories (a site's own packs) loaded on top of `rulesDir`: each holds `pack.json`,
   * `*.rule.json`, and optionally `facts/*.facts.json`, `valuesets/*.valueset.json` and the
   * mechanism modules its pack.json names. Absolute paths (see `resolvePackDirs`).
   */
  readonly packDirs?: readonly string[];
  /** Mechanisms a host registers beyond the shipped ones (names must not clash). */
  readonly mechanisms?: MechanismRegistry;
}

/** The outcome of validating a catalogue without throwing. */
export type RuleSetValidation =
  | { readonly ok: true; readonly ruleSet: RuleSet; readonly issues: readonly Issue[] }
  | { readonly ok: false; readonly issues: readonly Issue[] };

/**
 * Loads, validates and checks a rule catalogue, collecting every issue instead of throwing (for
 * `soleus validate`, which prints them all).
 * @param options - rules, facts and value-set directories, and an optional terminology provider
 * @returns the rule set when there are no issues, else every issue with file and JSON Pointer
 */
export function validateRuleSet(options: LoadRuleSetOptions): RuleSetValidation {
  const schemas = createSchemaValidators();
  const extra = (options.packDirs ?? []).map((dir) => ({ dir, label: basename(dir) }));
  const { terminology, issues } = loadTerminology(options, extra);
  const catalog = loadFactCatalog(
    options.factsDir,
    schemas.facts,
    extra.map(({ dir, label }) => ({ dir: join(dir, 'facts'), label: `${label}/facts` })),
  );
  const files = readRulePacks(options.rulesDir, schemas, options.packDirs);
  const mechanisms = registerMechanisms(options, files, issues);
  const context = {
    facts: catalog.facts,
    operators: OPERATORS,
    terminology,
    convert: convertQuantity,
  };
  // Rule checks against a broken fact catalogue or value-set folder would only echo those problems
  // once per rule; they run after the facts and value sets load.
  const vocabularyLoaded = issues.length === 0 && catalog.issues.length === 0;
  issues.push(...catalog.issues, ...files.issues);
  if (vocabularyLoaded) {
    issues.push(...checkRuleSet(files, context));
    issues.push(...checkMechanismParams(catalog.facts, files.packs, mechanisms));
    issues.push(...checkDecisionTables({ ...files, facts: catalog.facts }));
  }
  if (issues.length > 0) {
    return { ok: false, issues };
  }
  const tables = files.tables.map((table) => ({
    ...table,
    columns: tableColumns(table.definition, catalog.facts),
  }));
  const rules = files.rules.map((rule) => ({
    definition: withTableConditions(
      convertRuleUnits(rule.definition, catalog.facts, convertQuantity),
      tables,
    ),
    file: rule.file,
    path: rule.path,
    pack:
      files.packs.get(rule.definition.pack) ?? (rule.dirPack as NonNullable<typeof rule.dirPack>),
  }));
  const ruleSet = buildRuleSet({
    rules,
    packs: files.packs,
    tables,
    facts: catalog.facts,
    terminology,
    mechanisms,
  });
  return { ok: true, ruleSet, issues };
}

/**
 * Loads a rule catalogue synchronously (for the CLI and start-up code).
 * @param options - rules, facts and value-set directories, and an optional terminology provider
 * @returns the immutable rule set
 * @throws {SOLEUS_RULE_*|SOLEUS_FACT_*|SOLEUS_VALUESET_*} one error whose code is the first issue's and
 *   whose `issues` lists every problem found
 */
export function loadRuleSetSync(options: LoadRuleSetOptions): RuleSet {
  const result = validateRuleSet(options);
  if (!result.ok) {
    throw toError(result.issues, options.rulesDir);
  }
  return result.ruleSet;
}

/**
 * Loads a rule catalogue: `loadRuleSet()` once at start-up, then `evaluate()` many times.
 * @param options - rules, facts and value-set directories, and an optional terminology provider
 * @returns the immutable rule set
 * @throws {SOLEUS_RULE_*|SOLEUS_FACT_*|SOLEUS_VALUESET_*} one error whose code is the first issue's and
 *   whose `issues` lists every problem found
 */
export async function loadRuleSet(options: LoadRuleSetOptions): Promise<RuleSet> {
  return Promise.resolve().then(() => loadRuleSetSync(options));
}

/** Shipped mechanisms, then the host's, then each extra pack's modules (no name twice). */
function registerMechanisms(
  options: LoadRuleSetOptions,
  files: RulePackFiles,
  issues: Issue[],
): MechanismRegistry {
  const registry = new Map<string, Mechanism>(SHIPPED_MECHANISMS);
  for (const [name, mechanism] of options.mechanisms ?? []) {
    if (registry.has(name)) {
      throw new SoleusError(
        'SOLEUS_PACK_MECHANISM',
        `mechanism "${name}" is registered twice; expected each name once`,
      );
    }
    registry.set(name, mechanism);
  }
  for (const [id, dir] of files.packDirs) {
    const pack = files.packs.get(id);
    if (pack?.mechanisms !== undefined) {
      issues.push(...loadPackMechanisms(pack, dir, basename(dir), registry));
    }
  }
  return registry;
}

function loadTerminology(
  options: LoadRuleSetOptions,
  extra: readonly { readonly dir: string; readonly label: string }[],
): {
  terminology: TerminologyProvider;
  issues: Issue[];
} {
  if (options.terminology) {
    return { terminology: options.terminology, issues: [] };
  }
  const loaded = loadValueSets(
    options.valueSetsDir,
    extra.map(({ dir, label }) => ({ dir: join(dir, 'valuesets'), label: `${label}/valuesets` })),
  );
  try {
    return {
      terminology: buildValueSetIndex(loaded.valueSets, { files: loaded.files }),
      issues: [...loaded.issues],
    };
  } catch (err) {
    const issues = err instanceof SoleusError ? err.issues : [];
    return { terminology: buildValueSetIndex([]), issues: [...loaded.issues, ...issues] };
  }
}

function toError(issues: readonly Issue[], rulesDir: string): SoleusError {
  const first = issues[0];
  const count = `${issues.length} problem${issues.length === 1 ? '' : 's'}`;
  const list = issues.map((issue) => `  - ${issue.message}`).join('\n');
  return new SoleusError(
    first?.code ?? 'SOLEUS_RULE_SCHEMA',
    `${count} in rule catalogue ${rulesDir}:\n${list}`,
    { issues },
  );
}
