/** One leaf condition as compiled: where it is in the rule file and what it compares. */
export interface CompiledLeaf {
  /** Position among the leaves of the compiled rule set: the slot of its outcome in every run. */
  readonly index: number;
  readonly ruleId: string;
  readonly ruleVersion: string;
  /** Rule file relative to the rules directory. */
  readonly file: string;
  /** JSON Pointer of the leaf inside the rule file, e.g. `/conditions/all/0`. */
  readonly pointer: string;
  readonly fact: string;
  /** The operator as the rule names it (a key of OPERATORS). */
  readonly operator: string;
  /** The compared value as written in the rule (after the loader's unit conversion); null when absent. */
  readonly value: unknown;
  /** JSONPath into an object-valued fact, when the leaf has one. */
  readonly path?: string;
}
