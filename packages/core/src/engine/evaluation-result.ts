import type { Issue } from '../errors';
import type { RuleResult } from './rule-result';

/** A CDS Hooks hook the engine evaluates rules for. */
export type Hook = 'patient-view' | 'order-select' | 'order-sign';

/** Options of {@link evaluate}. */
export interface EvaluateOptions {
  /** Evaluation time; every date window is measured back from it. Never read from the wall clock. */
  readonly now: string | Date;
  /** Only rules listing this hook are evaluated. */
  readonly hook: Hook;
  /** Also evaluate `draft` rules (dry runs). `retired` rules are never evaluated. */
  readonly includeDrafts?: boolean;
}

/** Everything one evaluation concluded. */
export interface EvaluationResult {
  /** The evaluation time as an ISO 8601 UTC instant. */
  readonly now: string;
  readonly hook: Hook;
  /** Every evaluated rule, fired or not, ranked. */
  readonly results: readonly RuleResult[];
  /** Rules that fired and were not suppressed, ranked: the cards to show. */
  readonly fired: readonly RuleResult[];
  /**
   * Facts the engine could not interpret and treated as unknown (e.g. a date fact that is not a date).
   * `evaluate` always sets it; it is optional only so hand-built results (tests, fixtures) may omit it.
   * Callers should merge these into the issues they report, so no skipped fact goes unmentioned.
   */
  readonly issues?: readonly Issue[];
}
