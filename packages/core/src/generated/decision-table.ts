/**
 * GENERATED FILE - DO NOT EDIT. Source: packages/core/schema/table.schema.json
 * Regenerate with `pnpm generate`; CI fails when this file drifts from the schema.
 */

/**
 * The values of one input that a row or invariant matches: one value, or a list of values (null = unknown). An input without a cell matches every value.
 */
export type Cell = Scalar | [Scalar, ...Scalar[]];
/**
 * A value of an enumerated input: a string, a boolean, or null for unknown.
 */
export type Scalar = string | boolean | null;

/**
 * A decision table (`rules/<pack>/<slug>.table.json`): finite inputs (facts with enumerated values), rows written as a grid (one cell per input, a missing cell matches anything), a hit policy, one output (a card id or any value of the decision), and safety invariants. Every input also takes the value null (unknown), so the table is checked on unknowns too. `soleus validate` enumerates every combination of input values and checks completeness, overlap (hit policy unique) and every invariant. Rules read a table with their `decisionTable` property: the loader turns the rows that give the rule's outcome into ordinary conditions over the inputs, so the rule trace and the card's Based on list show the inputs.
 */
export interface DecisionTable {
  /**
   * Path or URL of this schema.
   */
  $schema?: string;
  /**
   * Table id, unique across packs; rules and derived facts name the table by it.
   */
  id: string;
  /**
   * Id of the pack the table belongs to (the pack directory's pack.json `id`).
   */
  pack: string;
  /**
   * Human name of the decision.
   */
  title: string;
  /**
   * What the table decides and where its rows come from (guideline, specification section).
   */
  description?: string;
  /**
   * `first`: the first row (in file order) whose cells all match gives the outcome. `unique`: at most one row may match any combination of input values; validate rejects overlapping rows with a combination both match.
   */
  hitPolicy: 'first' | 'unique';
  /**
   * The columns of the grid: each a catalogue fact with a finite set of values.
   *
   * @minItems 1
   */
  inputs: [Input, ...Input[]];
  output: Output;
  /**
   * The rows, in order. Completeness is required: every combination of input values (unknown included) must match a row; a row whose `then` is null says explicitly that the combination has no outcome.
   *
   * @minItems 1
   */
  rows: [Row, ...Row[]];
  /**
   * Safety invariants: for every combination of input values that matches the invariant's `when` cells, the table's outcome must not be one of `never`. Validate fails with the counterexample combination, the row that gave the outcome and the invariant, each by JSON Pointer.
   */
  invariants?: Invariant[];
  /**
   * Design choices and rows the source guideline leaves open, for reviewers.
   */
  notes?: string[];
}
export interface Input {
  /**
   * A catalogue fact of type boolean, or of type string with an `enum`.
   */
  fact: string;
  /**
   * The known values the input takes; default: true/false for a boolean fact, the catalogue `enum` for a string fact. Unknown (null) is always added. At run time a value outside this list is read as unknown.
   *
   * @minItems 1
   */
  values?: [string | boolean, ...(string | boolean)[]];
  /**
   * Column heading in the rendered grid; default: the fact's catalogue label, else its name.
   */
  label?: string;
}
/**
 * What the table decides.
 */
export interface Output {
  /**
   * Column heading of the outcome in the rendered grid.
   */
  label?: string;
  /**
   * Every outcome a row may give (e.g. card ids). A rule's `decisionTable.outcome` and a derived fact's value are one of these.
   *
   * @minItems 1
   */
  values: [string, ...string[]];
}
export interface Row {
  when: Cells;
  /**
   * The outcome (one of `output.values`), or null: explicitly no outcome for these combinations.
   */
  then: string | null;
  /**
   * Why this row (guideline recommendation, design choice).
   */
  note?: string;
}
/**
 * Cells by input fact name; inputs not named match every value.
 */
export interface Cells {
  [k: string]: Cell;
}
export interface Invariant {
  /**
   * Invariant id, unique within the table.
   */
  id: string;
  /**
   * The safety property in plain words, e.g. 'never DVT excluded when Wells is indeterminate'.
   */
  description: string;
  when: Cells;
  /**
   * Outcomes the table must never give for combinations matching `when`.
   *
   * @minItems 1
   */
  never: [string, ...string[]];
}
