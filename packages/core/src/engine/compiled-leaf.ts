/** One leaf condition as compiled into the engine: where it is in the rule file and what it compares. */
export interface CompiledLeaf {
  /** Operator name registered with json-rules-engine for this leaf only (e.g. `equal@12`). */
  readonly alias: string;
  readonly ruleId: string;
  readonly ruleVersion: string;
  /** Rule file relative to the rules directory. */
  readonly file: string;
  /** JSON Pointer of the leaf inside the rule file, e.g. `/conditions/all/0`. */
  readonly pointer: string;
  readonly fact: string;
  /** The operator as the rule names it (a key of OPERATORS). */
  readonly operator: string;
  /** The compared value as written in the rule (after the loader's unit conversion). */
  readonly value: unknown;
}
