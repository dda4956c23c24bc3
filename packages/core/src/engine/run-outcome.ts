/**
 * What one run decided, in slots: the compiled evaluator and the reference engine both produce it, and
 * everything after (variants, suggestions, indicator, ranking, suppression, traces) is built from it alone.
 */
export interface RunOutcome {
  /** Per leaf slot: 1 when the leaf held. */
  readonly leaves: Uint8Array;
  /** Per entry slot (rule, variant `when`, suggestion `when`): 1 when it held. */
  readonly entries: Uint8Array;
}
