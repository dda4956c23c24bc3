/**
 * Verifies a decision table by enumerating its whole input domain (every combination of every input's
 * values, unknown included): (a) completeness — every combination matches a row (a row whose `then` is
 * null is an explicit "none"); (b) for hit policy `unique`, no combination matches two rows; (c) every
 * safety invariant — no combination matching an invariant's `when` gets an outcome it forbids. Each
 * problem is reported once per row (or row pair, or invariant and row) with its first counterexample.
 */
import type { Issue } from '../errors';
import { createIssue } from '../catalog/create-issue';
import { cellsMatch, compileCells, compileRows } from './compile-table';
import type { LoadedTable } from './loaded-table';

/** More combinations than this are not enumerated (the table is reported as too large). */
export const MAX_TABLE_COMBINATIONS = 5_000_000;

/**
 * @param table - a loaded table whose structure passed the load checks
 * @returns the issues found (empty when the table is complete, unambiguous and safe)
 */
export function verifyDecisionTable(table: LoadedTable): Issue[] {
  const { definition, columns, file } = table;
  const size = columns.reduce((n, column) => n * column.values.length, 1);
  if (size > MAX_TABLE_COMBINATIONS) {
    return [
      createIssue(
        'SOLEUS_RULE_TABLE',
        file,
        '/inputs',
        `the input domain has ${size} combinations, more than ${MAX_TABLE_COMBINATIONS} can be verified; expected fewer inputs or values (split the table)`,
      ),
    ];
  }
  const rows = compileRows(table);
  const invariants = (definition.invariants ?? []).map((inv) => compileCells(table, inv.when));
  const issues: Issue[] = [];
  const reported = new Set<string>();
  const report = (key: string, issue: () => Issue): void => {
    if (!reported.has(key)) {
      reported.add(key);
      issues.push(issue());
    }
  };
  const point = columns.map(() => 0);
  for (let n = 0; n < size; n += 1) {
    const matching = matchingRows(rows, point, definition.hitPolicy === 'unique');
    const [row, second] = matching;
    if (row === undefined) {
      report('incomplete', () =>
        createIssue(
          'SOLEUS_RULE_TABLE_INCOMPLETE',
          file,
          '/rows',
          `no row matches ${describe(table, point)}; expected every combination of input values to match a row (add a row, or one whose "then" is null for an explicit none)`,
        ),
      );
    } else {
      if (second !== undefined) {
        report(`overlap ${row} ${second}`, () =>
          createIssue(
            'SOLEUS_RULE_TABLE_OVERLAP',
            file,
            `/rows/${second}`,
            `row ${second} and row /rows/${row} both match ${describe(table, point)}; hit policy "unique" expects at most one row per combination`,
          ),
        );
      }
      const outcome = rows[row]?.then ?? null;
      invariants.forEach((cells, i) => {
        const invariant = definition.invariants?.[i];
        if (
          invariant &&
          outcome !== null &&
          invariant.never.includes(outcome) &&
          cellsMatch(cells, point)
        ) {
          report(`invariant ${i} ${row}`, () => ({
            ...createIssue(
              'SOLEUS_RULE_TABLE_INVARIANT',
              file,
              `/rows/${row}`,
              `row ${row} gives "${outcome}" for ${describe(table, point)}, which breaks invariant /invariants/${i} "${invariant.id}": ${invariant.description}`,
            ),
            details: {
              row: `/rows/${row}`,
              invariant: `/invariants/${i}`,
              outcome,
              combination: combination(table, point),
            },
          }));
        }
      });
    }
    advance(point, columns);
  }
  return issues;
}

function matchingRows(
  rows: ReturnType<typeof compileRows>,
  point: readonly number[],
  all: boolean,
): number[] {
  const found: number[] = [];
  for (let i = 0; i < rows.length && (all ? found.length < 2 : found.length < 1); i += 1) {
    if (cellsMatch(rows[i]?.allowed ?? [], point)) {
      found.push(i);
    }
  }
  return found;
}

function advance(point: number[], columns: LoadedTable['columns']): void {
  for (let i = point.length - 1; i >= 0; i -= 1) {
    const next = (point[i] ?? 0) + 1;
    if (next < (columns[i]?.values.length ?? 1)) {
      point[i] = next;
      return;
    }
    point[i] = 0;
  }
}

function combination(table: LoadedTable, point: readonly number[]): Record<string, unknown> {
  return Object.fromEntries(
    table.columns.map((column, i) => [column.fact, column.values[point[i] ?? 0] ?? null]),
  );
}

function describe(table: LoadedTable, point: readonly number[]): string {
  return table.columns
    .map((column, i) => {
      const value = column.values[point[i] ?? 0] ?? null;
      return `${column.fact} = ${value === null ? 'unknown' : JSON.stringify(value)}`;
    })
    .join(', ');
}
