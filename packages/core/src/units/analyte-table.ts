/**
 * The analyte table (`packages/core/data/analytes.json`): canonical units, molar masses, valences and
 * the unit-spelling aliases. Loaded once; no number or unit spelling of it is repeated in TypeScript.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One analyte: its canonical UCUM unit and, where conversions need them, molar mass and valence. */
export interface AnalyteDefinition {
  readonly display: string;
  /** Canonical UCUM unit every value of this analyte is normalised to. */
  readonly canonicalUnit: string;
  /** Molar mass in g/mol; present only when mass ↔ moles conversion is allowed. */
  readonly molarMass?: number;
  /** Absolute charge; present only when equivalents (meq) conversion is allowed. */
  readonly valence?: number;
  readonly note?: string;
}

/** The whole analyte data file. */
export interface AnalyteTable {
  readonly analytes: Readonly<Record<string, AnalyteDefinition>>;
  /** Single characters replaced before any matching (micro sign, Greek mu → `u`). */
  readonly characterAliases: Readonly<Record<string, string>>;
  /** Words accepted as a trailing plain-text annotation (`mg/L FEU`). */
  readonly textAnnotations: readonly string[];
  /** Whole real-world unit strings → UCUM. */
  readonly unitAliases: Readonly<Record<string, string>>;
}

/** Absolute path of the shipped analyte table (same depth from `src/units` and `dist/units`). */
export const ANALYTE_TABLE_PATH = join(__dirname, '..', '..', 'data', 'analytes.json');

/** The shipped analyte table, read once when the module loads. */
export const ANALYTE_TABLE = JSON.parse(readFileSync(ANALYTE_TABLE_PATH, 'utf8')) as AnalyteTable;

/**
 * Looks an analyte up by its key (`magnesium`, `dDimer`, …).
 * @param key - the analyte key, as named in analytes.json
 * @returns the analyte definition, or undefined when the key is not in the table
 */
export function findAnalyte(key: string): AnalyteDefinition | undefined {
  return Object.hasOwn(ANALYTE_TABLE.analytes, key) ? ANALYTE_TABLE.analytes[key] : undefined;
}
