import type { Cell } from '../generated/decision-table';
import type { TableColumn, TableValue } from './table-columns';

/**
 * The values of a column a cell matches: every value when there is no cell, else the cell's value or
 * list of values (null = unknown).
 * @param cell - the cell, or undefined when the row leaves the input open
 * @param column - the column the cell belongs to
 * @returns the matched values
 */
export function cellValues(cell: Cell | undefined, column: TableColumn): readonly TableValue[] {
  if (cell === undefined) {
    return column.values;
  }
  return Array.isArray(cell) ? cell : [cell];
}
