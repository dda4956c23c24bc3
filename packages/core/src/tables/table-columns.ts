import type { DecisionTable } from '../generated/decision-table';
import type { FactDefinition } from '../generated/fact-catalogue-file';

/** A value of a table input: a known value, or null for unknown. */
export type TableValue = string | boolean | null;

/** One input column of a decision table with its finite domain. */
export interface TableColumn {
  readonly fact: string;
  /** Column heading: the input's label, else the fact's catalogue label, else its name. */
  readonly label: string;
  /** The known values, then null (unknown), which every input takes. */
  readonly values: readonly TableValue[];
}

/**
 * The input columns of a table with their domains: an input's `values`, else true/false for a boolean
 * fact or the catalogue `enum` of a string fact; null (unknown) is always added. An input whose fact
 * is missing or not enumerable gets only null (the load checks report it).
 * @param table - the table definition
 * @param facts - the fact catalogue
 * @returns one column per input, in input order
 */
export function tableColumns(
  table: DecisionTable,
  facts: ReadonlyMap<string, FactDefinition>,
): TableColumn[] {
  return table.inputs.map((input) => {
    const fact = facts.get(input.fact);
    const known: readonly TableValue[] =
      input.values ??
      (fact?.type === 'boolean' ? [true, false] : fact?.type === 'string' ? (fact.enum ?? []) : []);
    return {
      fact: input.fact,
      label: input.label ?? fact?.label ?? input.fact,
      values: [...known, null],
    };
  });
}
