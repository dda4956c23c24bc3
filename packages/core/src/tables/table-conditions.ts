/**
 * Turns the rows of a decision table that give one outcome into ordinary rule conditions over the
 * table's inputs, so every engine (compiled evaluator, json-rules-engine reference) evaluates them
 * unchanged and the rule trace shows the inputs. Hit policy `first`: a row gives its outcome only when
 * no earlier row with another outcome matches. Earlier rows are folded into the row's cells where they
 * differ in one input (the cell loses those values); otherwise the row gets `not (earlier row)`.
 *
 * A cell becomes `equal`/`in` over its known values; a cell that also matches unknown becomes
 * `not (equal/in the values it excludes)`, which holds for unknown and for any value outside the
 * input's domain — exactly how {@link evaluateDecisionTable} reads such values.
 */
import type {
  AllCondition,
  AnyCondition,
  Condition,
  LeafCondition,
} from '../generated/rule-definition';
import { compileRows } from './compile-table';
import type { LoadedTable } from './loaded-table';
import type { TableColumn, TableValue } from './table-columns';

type Region = boolean[][];

/**
 * The conditions under which a table gives `outcome`.
 * @param table - the loaded table (its rows are checked at load)
 * @param outcome - one of the table's output values
 * @returns `any` over the rows that give it (each an `all` of cell conditions)
 */
export function tableConditions(table: LoadedTable, outcome: string): AnyCondition {
  const rows = compileRows(table);
  const first = table.definition.hitPolicy === 'first';
  const alternatives: Condition[] = [];
  rows.forEach((row, k) => {
    if (row.then !== outcome) {
      return;
    }
    const earlier = first
      ? rows
          .slice(0, k)
          .filter((other) => other.then !== outcome)
          .map((other) => other.allowed)
      : [];
    const region = narrow(
      row.allowed.map((allowed) => [...allowed]),
      earlier,
    );
    if (region) {
      alternatives.push(regionCondition(table.columns, region.cells, region.excluded));
    }
  });
  const [head, ...tail] = alternatives;
  return { any: head ? [head, ...tail] : [never(table.columns)] };
}

/** Folds earlier rows into the region; null when they cover it entirely. */
function narrow(
  cells: Region,
  earlier: readonly (readonly (readonly boolean[])[])[],
): { cells: Region; excluded: number[][][] } | null {
  for (let changed = true; changed;) {
    changed = false;
    for (const other of earlier) {
      const differing = differingColumns(cells, other);
      if (differing === 'disjoint') {
        continue;
      }
      if (differing.length === 0) {
        return null;
      }
      if (differing.length === 1) {
        const column = differing[0] ?? 0;
        cells[column] = (cells[column] ?? []).map((on, i) => on && other[column]?.[i] !== true);
        changed = true;
      }
    }
  }
  const excluded: number[][][] = [];
  for (const other of earlier) {
    const differing = differingColumns(cells, other);
    if (differing !== 'disjoint') {
      excluded.push(differing.map((column) => [column, ...trueIndices(other[column] ?? [])]));
    }
  }
  return { cells, excluded };
}

/** Columns where the region allows a value the other row does not; 'disjoint' when they share none. */
function differingColumns(
  cells: Region,
  other: readonly (readonly boolean[])[],
): number[] | 'disjoint' {
  const differing: number[] = [];
  for (let column = 0; column < cells.length; column += 1) {
    const mine = cells[column] ?? [];
    const theirs = other[column] ?? [];
    if (!mine.some((on, i) => on && theirs[i] === true)) {
      return 'disjoint';
    }
    if (mine.some((on, i) => on && theirs[i] !== true)) {
      differing.push(column);
    }
  }
  return differing;
}

function trueIndices(flags: readonly boolean[]): number[] {
  return flags.flatMap((on, i) => (on ? [i] : []));
}

function regionCondition(
  columns: readonly TableColumn[],
  cells: Region,
  excluded: readonly (readonly number[])[][],
): Condition {
  const parts: Condition[] = [];
  cells.forEach((allowed, i) => {
    const column = columns[i];
    const leaf = column ? cellCondition(column, trueIndices(allowed)) : undefined;
    if (leaf) {
      parts.push(leaf);
    }
  });
  for (const other of excluded) {
    const leaves = other.flatMap(([column = 0, ...indices]) => {
      const leaf = columns[column] ? cellCondition(columns[column], indices) : undefined;
      return leaf ? [leaf] : [];
    });
    const [head, ...tail] = leaves;
    if (head) {
      parts.push({ not: tail.length === 0 ? head : { all: [head, ...tail] } });
    }
  }
  const [head, ...tail] = parts;
  return head ? ({ all: [head, ...tail] } satisfies AllCondition) : always(columns);
}

/** The condition of one cell, or undefined when the cell matches every value of its column. */
function cellCondition(column: TableColumn, indices: readonly number[]): Condition | undefined {
  if (indices.length === column.values.length) {
    return undefined;
  }
  const matched = indices.map((i) => column.values[i] ?? null);
  if (!matched.includes(null)) {
    return membership(column.fact, matched);
  }
  const others = column.values.filter((value) => value !== null && !matched.includes(value));
  return { not: membership(column.fact, others) };
}

function membership(fact: string, values: readonly TableValue[]): LeafCondition {
  return values.length === 1
    ? { fact, operator: 'equal', value: values[0] as string | boolean }
    : { fact, operator: 'in', value: [...values] };
}

function always(columns: readonly TableColumn[]): Condition {
  const fact = columns[0]?.fact ?? '';
  return {
    any: [
      { fact, operator: 'isKnown' },
      { fact, operator: 'isUnknown' },
    ],
  };
}

function never(columns: readonly TableColumn[]): Condition {
  const fact = columns[0]?.fact ?? '';
  return {
    all: [
      { fact, operator: 'isKnown' },
      { fact, operator: 'isUnknown' },
    ],
  };
}
