import type { LoadedTable, TableValue } from '@soleus/core';

/** A decision table as reviewers read it: a grid of words plus its invariants. */
export interface TableGrid {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  /** e.g. "first: the first matching row gives the outcome". */
  readonly hitPolicy: string;
  /** `#`, one heading per input, then the outcome and the note. */
  readonly headers: readonly string[];
  /** One row of cells per table row, in order; an open cell is "–". */
  readonly rows: readonly (readonly string[])[];
  /** One line per invariant: id, description, and when it applies. */
  readonly invariants: readonly { readonly id: string; readonly text: string }[];
  readonly notes: readonly string[];
}

const HIT_POLICIES: Readonly<Record<string, string>> = {
  first: 'first — rows are read in order; the first row whose cells all match gives the outcome',
  unique: 'unique — at most one row matches any combination (validate checks it)',
};

/**
 * Lays a decision table out as a grid for `soleus docs`: each row's cell per input ("–" when the row
 * leaves it open), values in words (unknown for null), the outcome ("none" for null) and the note.
 * @param table - the loaded table
 * @returns the grid and its invariants
 */
export function tableGrid(table: LoadedTable): TableGrid {
  const d = table.definition;
  const cells = (when: Readonly<Record<string, unknown>>): string[] =>
    table.columns.map((column) => {
      const cell = when[column.fact];
      if (cell === undefined) {
        return '–';
      }
      const values = (Array.isArray(cell) ? cell : [cell]) as TableValue[];
      return values.map(word).join(' or ');
    });
  const conditions = (when: Readonly<Record<string, unknown>>): string =>
    table.columns
      .flatMap((column, i) => {
        const text = cells(when)[i] ?? '–';
        return text === '–' ? [] : [`${column.label} ${text}`];
      })
      .join(', ') || 'always';
  return {
    id: d.id,
    title: d.title,
    description: d.description ?? '',
    hitPolicy: HIT_POLICIES[d.hitPolicy] ?? d.hitPolicy,
    headers: ['#', ...table.columns.map((c) => c.label), d.output.label ?? 'Outcome', 'Note'],
    rows: d.rows.map((row, i) => [
      String(i),
      ...cells(row.when),
      row.then ?? 'none',
      row.note ?? '',
    ]),
    invariants: (d.invariants ?? []).map((inv) => ({
      id: inv.id,
      text: `${inv.description} (validate checks: never ${inv.never.join(' or ')} when ${conditions(inv.when)})`,
    })),
    notes: d.notes ?? [],
  };
}

function word(value: TableValue): string {
  return value === null ? 'unknown' : value === true ? 'yes' : value === false ? 'no' : value;
}

/**
 * The line a rule's "When it fires" gets for its `decisionTable`: which table, which outcome, which rows.
 * @param rule - the rule as authored
 * @param tables - the loaded tables
 * @returns the line, or undefined when the rule reads no table
 */
export function decisionTableLine(
  rule: { readonly decisionTable?: { readonly table: string; readonly outcome: string } },
  tables: readonly LoadedTable[],
): string | undefined {
  const reference = rule.decisionTable;
  if (!reference) {
    return undefined;
  }
  const table = tables.find((t) => t.definition.id === reference.table);
  const rows = (table?.definition.rows ?? []).flatMap((row, i) =>
    row.then === reference.outcome ? [String(i)] : [],
  );
  return `and decision table ${reference.table} gives ${reference.outcome} (rows ${rows.join(', ')}; the rules engine reads the table's inputs)`;
}
