import type { DecisionTable } from '../generated/decision-table';
import type { TableColumn } from './table-columns';

/** A decision table as loaded: its definition, its file and its input columns with their domains. */
export interface LoadedTable {
  readonly definition: DecisionTable;
  /** Path relative to the rules directory, e.g. `dvt/dvt-card.table.json`. */
  readonly file: string;
  readonly columns: readonly TableColumn[];
}
