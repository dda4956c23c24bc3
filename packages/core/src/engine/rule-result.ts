import type { Fact } from '../facts/fact';

/** The outcome of one leaf condition, so a card can say why it fired (or an author why it did not). */
export interface ConditionTrace {
  /** JSON Pointer of the leaf inside the rule file, e.g. `/conditions/all/0`. */
  readonly pointer: string;
  readonly fact: string;
  readonly operator: string;
  /** The compared value as written in the rule, after unit conversion. */
  readonly value: unknown;
  /** The fact as it was during evaluation (value, unit, date, source resources). */
  readonly factValue: Fact | null;
  readonly result: boolean;
}

/** CDS Hooks card urgency. */
export type Indicator = 'info' | 'warning' | 'critical';

/** What the engine concluded about one rule for one evaluation. */
export interface RuleResult {
  readonly ruleId: string;
  readonly ruleVersion: string;
  readonly packId: string;
  /** True when the conditions held (even if another rule then suppressed it). */
  readonly fired: boolean;
  /** Set when the rule fired but a higher rule withdrew its card. */
  readonly suppressedBy?: string;
  /** Effective indicator after variants (only meaningful when fired). */
  readonly indicator: Indicator;
  /** Indexes of the card variants whose `when` held, in order. */
  readonly variants: readonly number[];
  /** Indexes of the suggestions whose `when` held (or that have none). */
  readonly suggestions: readonly number[];
  /**
   * Every leaf condition with its fact value and outcome: first the rule's `conditions`, then the leaves
   * of its variants' and suggestions' `when` (told apart by pointer, e.g. `/card/variants/0/when/all/0`).
   */
  readonly conditions: readonly ConditionTrace[];
}
