/**
 * Decides which fired rules are withdrawn by `suppresses`, independent of evaluation order.
 *
 * A fired rule is withdrawn when a fired rule that is itself *not* withdrawn suppresses it; a withdrawn
 * rule suppresses nothing. This is resolved as a fixed point: a rule whose suppressors are all withdrawn
 * (or that has none) stays; a rule with a staying suppressor is withdrawn. Only a cycle (A suppresses B,
 * B suppresses A, both fired) leaves rules undecided; then the best-ranked undecided rule stays, and
 * resolution continues. With the ranked input that makes the outcome deterministic.
 */

/** A fired rule as suppression sees it. */
export interface SuppressionInput {
  readonly ruleId: string;
  readonly suppresses: readonly string[];
}

type State = 'stays' | 'withdrawn' | 'undecided';

function suppressorsOf(fired: readonly SuppressionInput[]): Map<string, string[]> {
  const by = new Map<string, string[]>();
  for (const rule of fired) {
    for (const target of rule.suppresses) {
      if (target !== rule.ruleId) {
        by.set(target, [...(by.get(target) ?? []), rule.ruleId]);
      }
    }
  }
  return by;
}

/**
 * Resolves suppression among the fired rules.
 * @param fired - the fired rules, best-ranked first
 * @returns withdrawn rule id → id of a staying rule that withdrew it
 */
export function findSuppressions(fired: readonly SuppressionInput[]): Map<string, string> {
  const firedIds = new Set(fired.map((r) => r.ruleId));
  const suppressors = suppressorsOf(fired);
  const state = new Map<string, State>(fired.map((r) => [r.ruleId, 'undecided']));
  const withdrawnBy = new Map<string, string>();
  const step = (): boolean => {
    let changed = false;
    for (const { ruleId } of fired) {
      if (state.get(ruleId) !== 'undecided') {
        continue;
      }
      const mine = (suppressors.get(ruleId) ?? []).filter((id) => firedIds.has(id));
      const staying = mine.find((id) => state.get(id) === 'stays');
      if (staying !== undefined) {
        state.set(ruleId, 'withdrawn');
        withdrawnBy.set(ruleId, staying);
        changed = true;
      } else if (mine.every((id) => state.get(id) === 'withdrawn')) {
        state.set(ruleId, 'stays');
        changed = true;
      }
    }
    return changed;
  };
  for (;;) {
    while (step()) {
      // iterate to the fixed point
    }
    const cycleBreaker = fired.find((r) => state.get(r.ruleId) === 'undecided');
    if (!cycleBreaker) {
      return withdrawnBy;
    }
    state.set(cycleBreaker.ruleId, 'stays');
  }
}
