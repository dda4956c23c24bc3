import { cellsMatch, compileRows, type CompiledRow } from './compile-table';
import type { LoadedTable } from './loaded-table';

/** What a table gives for one combination of input values. */
export interface TableHit {
  /** The outcome, or null when the matching row says "none" or no row matches. */
  readonly outcome: string | null;
  /** Index of the row that gave it, or null when no row matches. */
  readonly row: number | null;
}

const compiled = new WeakMap<LoadedTable, CompiledRow[]>();

/**
 * Evaluates a decision table: reads each input, treats a value outside the input's domain as unknown
 * (null), and returns the first matching row's outcome (a `unique` table has at most one, which
 * validation checks).
 * @param table - the loaded table
 * @param valueOf - reads an input fact's value
 * @returns the outcome and the row behind it
 */
export function evaluateDecisionTable(
  table: LoadedTable,
  valueOf: (fact: string) => unknown,
): TableHit {
  let rows = compiled.get(table);
  if (!rows) {
    rows = compileRows(table);
    compiled.set(table, rows);
  }
  const point = table.columns.map((column) => {
    const index = column.values.indexOf(valueOf(column.fact) as never);
    return index >= 0 ? index : column.values.length - 1;
  });
  const row = rows.findIndex((candidate) => cellsMatch(candidate.allowed, point));
  return row < 0 ? { outcome: null, row: null } : { outcome: rows[row]?.then ?? null, row };
}
