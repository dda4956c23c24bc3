import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Issue } from '../errors';
import type { DecisionTable } from '../generated/decision-table';
import type { PackManifest } from '../generated/pack-manifest';
import type { RuleDefinition } from '../generated/rule-definition';
import { createIssue } from './create-issue';
import { readJsonFile } from './read-json-file';
import type { SchemaValidators } from './schema-validator';

/** A schema-valid rule file and where it was read from. */
export interface RuleFile {
  readonly definition: RuleDefinition;
  /** Path relative to the rules directory, e.g. `dvt/dvt-excluded.rule.json`. */
  readonly file: string;
  /** Absolute path of the file (extra pack directories live outside the rules directory). */
  readonly path: string;
  /** The manifest of the pack directory the file sits in, if that directory has a valid pack.json. */
  readonly dirPack?: PackManifest;
}

/** A schema-valid decision table file and where it was read from. */
export interface TableFile {
  readonly definition: DecisionTable;
  /** Path relative to the rules directory, e.g. `dvt/dvt-card.table.json`. */
  readonly file: string;
}

/** Everything read from a rules directory, before semantic checks. */
export interface RulePackFiles {
  /** Valid pack manifests by id, in directory-name order. */
  readonly packs: ReadonlyMap<string, PackManifest>;
  readonly rules: readonly RuleFile[];
  /** Decision tables (`*.table.json`) of every pack directory. */
  readonly tables: readonly TableFile[];
  readonly issues: readonly Issue[];
  /** Pack id → directory of the pack (its `facts/`, `valuesets/` and mechanism modules sit there). */
  readonly packDirs: ReadonlyMap<string, string>;
}

/** One pack directory: where it is and the name its files are reported under. */
interface PackDir {
  readonly dir: string;
  /** Label of the directory in issue locations: its name under the rules directory. */
  readonly label: string;
}

const RULE_SUFFIX = '.rule.json';
const TABLE_SUFFIX = '.table.json';

/**
 * Reads every pack directory of a rules directory: `pack.json`, `*.rule.json` and `*.table.json`, each parsed and
 * checked against its schema. Structural problems become issues; nothing throws.
 * Extra pack directories (a site's own packs, outside the rules directory) are read the same way.
 * @param rulesDir - directory of pack directories
 * @param schemas - compiled schema validators
 * @param extraPackDirs - absolute directories that are each one pack (pack.json + *.rule.json)
 * @returns schema-valid packs and rules, plus every issue found
 */
export function readRulePacks(
  rulesDir: string,
  schemas: SchemaValidators,
  extraPackDirs: readonly string[] = [],
): RulePackFiles {
  const packs = new Map<string, PackManifest>();
  const packDirs = new Map<string, string>();
  const rules: RuleFile[] = [];
  const tables: TableFile[] = [];
  const issues: Issue[] = [];
  const dirNames = listPackDirs(rulesDir, issues);
  if (dirNames.length === 0 && issues.length === 0) {
    // A catalogue without packs would answer every hook with no cards: say so instead.
    const what =
      'rules directory holds no pack directories; expected <pack>/pack.json + *.rule.json';
    issues.push(createIssue('SOLEUS_RULE_PACK_EMPTY', '.', '', what));
  }
  const all: PackDir[] = [
    ...dirNames.map((label) => ({ dir: join(rulesDir, label), label })),
    ...extraPackDirs.map((dir) => ({ dir, label: basename(dir) })),
  ];
  for (const { dir, label: dirName } of all) {
    const dirPack = readPack(dir, dirName, schemas, issues);
    if (dirPack && packs.has(dirPack.id)) {
      issues.push(
        createIssue(
          'SOLEUS_RULE_DUPLICATE_PACK',
          `${dirName}/pack.json`,
          '/id',
          `pack id "${dirPack.id}" is already used by another pack directory; expected each pack id once`,
        ),
      );
    } else if (dirPack) {
      packs.set(dirPack.id, dirPack);
      packDirs.set(dirPack.id, dir);
    }
    rules.push(...readRuleFiles(dir, dirName, dirPack, schemas, issues));
    tables.push(...readTableFiles(dir, dirName, schemas, issues));
  }
  return { packs, rules, tables, issues, packDirs };
}

function readTableFiles(
  dir: string,
  dirName: string,
  schemas: SchemaValidators,
  issues: Issue[],
): TableFile[] {
  const names = readdirSync(dir)
    .filter((n) => n.endsWith(TABLE_SUFFIX))
    .sort();
  const tables: TableFile[] = [];
  for (const name of names) {
    const file = `${dirName}/${name}`;
    const read = readJsonFile(join(dir, name), file);
    const found = read.ok ? schemas.table(read.json, file) : [read.issue];
    issues.push(...found);
    if (read.ok && found.length === 0) {
      tables.push({ definition: read.json as DecisionTable, file });
    }
  }
  return tables;
}

function readRuleFiles(
  packDir: string,
  dirName: string,
  dirPack: PackManifest | undefined,
  schemas: SchemaValidators,
  issues: Issue[],
): RuleFile[] {
  const names = readdirSync(packDir)
    .filter((n) => n.endsWith(RULE_SUFFIX))
    .sort();
  if (names.length === 0) {
    issues.push(
      createIssue(
        'SOLEUS_RULE_PACK_EMPTY',
        dirName,
        '',
        `pack directory holds no *${RULE_SUFFIX} files; expected at least one rule, or remove the directory`,
      ),
    );
  }
  const rules: RuleFile[] = [];
  for (const name of names) {
    const file = `${dirName}/${name}`;
    const path = join(packDir, name);
    const read = readJsonFile(path, file);
    const found = read.ok ? schemas.rule(read.json, file) : [read.issue];
    issues.push(...found);
    if (read.ok && found.length === 0) {
      const definition = read.json as RuleDefinition;
      rules.push(dirPack ? { definition, file, path, dirPack } : { definition, file, path });
    }
  }
  return rules;
}

function readPack(
  dir: string,
  dirName: string,
  schemas: SchemaValidators,
  issues: Issue[],
): PackManifest | undefined {
  const file = `${dirName}/pack.json`;
  const read = readJsonFile(join(dir, 'pack.json'), file);
  if (!read.ok) {
    issues.push(read.issue);
    return undefined;
  }
  const found = schemas.pack(read.json, file);
  issues.push(...found);
  return found.length === 0 ? (read.json as PackManifest) : undefined;
}

function listPackDirs(rulesDir: string, issues: Issue[]): string[] {
  try {
    return readdirSync(rulesDir)
      .filter((name) => statSync(join(rulesDir, name)).isDirectory())
      .sort();
  } catch {
    issues.push(
      createIssue(
        'SOLEUS_RULE_JSON',
        rulesDir,
        '',
        'cannot read the rules directory; expected a directory of pack directories',
      ),
    );
    return [];
  }
}
