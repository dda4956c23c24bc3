/**
 * An operator sees only `(factValue, value)` (json-rules-engine's operator contract, which the compiled
 * evaluator keeps so both call the same functions), so a date operator cannot see the evaluation time. Before each run the engine wraps every date fact into a {@link DatedValue} that
 * carries both instants; `withinLast` and `olderThan` then compare without a clock of their own.
 */

/** A date fact as the date operators see it: the fact's instant and the evaluation time, in epoch ms. */
export interface DatedValue {
  readonly at: number;
  readonly now: number;
}

/**
 * Narrows an operator's fact value to a {@link DatedValue}.
 * @param value - the fact value json-rules-engine passed to an operator
 * @returns true when `value` holds finite `at` and `now` numbers
 */
export function isDatedValue(value: unknown): value is DatedValue {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const candidate = value as { at?: unknown; now?: unknown };
  return (
    typeof candidate.at === 'number' &&
    Number.isFinite(candidate.at) &&
    typeof candidate.now === 'number' &&
    Number.isFinite(candidate.now)
  );
}
