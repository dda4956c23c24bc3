import type { Cells } from '../generated/decision-table';
import type { LoadedTable } from './loaded-table';
import { cellValues } from './table-cell';

/** Cells as one allowed-flag list per column (indexed like `column.values`). */
export type CompiledCells = readonly (readonly boolean[])[];

/** A row compiled for fast enumeration. */
export interface CompiledRow {
  readonly allowed: CompiledCells;
  readonly then: string | null;
}

/**
 * Compiles cells over a table's columns: for each column, which of its values the cells match.
 * @param table - the loaded table
 * @param cells - a row's or invariant's `when`
 * @returns one flag list per column
 */
export function compileCells(table: LoadedTable, cells: Cells): CompiledCells {
  return table.columns.map((column) => {
    const matched = cellValues(cells[column.fact], column);
    return column.values.map((value) => matched.includes(value));
  });
}

/**
 * Tells whether a point of the input domain (one value index per column) matches compiled cells.
 * @param cells - compiled cells
 * @param point - value indices, one per column
 * @returns true when every column's value is allowed
 */
export function cellsMatch(cells: CompiledCells, point: readonly number[]): boolean {
  return cells.every((allowed, column) => allowed[point[column] ?? 0] === true);
}

/**
 * Compiles every row of a table.
 * @param table - the loaded table
 * @returns the rows in order
 */
export function compileRows(table: LoadedTable): CompiledRow[] {
  return table.definition.rows.map((row) => ({
    allowed: compileCells(table, row.when),
    then: row.then,
  }));
}
