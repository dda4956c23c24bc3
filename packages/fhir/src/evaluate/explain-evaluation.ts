import type { ConditionTrace, EvaluationResult, Fact, FactSet, Issue, RuleSet } from '@soleus/core';

/** The rule trace `soleus evaluate --explain` adds under `response.extension`. */
export interface Explanation {
  readonly now: string;
  readonly hook: string;
  readonly contentVersion: string;
  readonly rules: readonly {
    readonly id: string;
    readonly version: string;
    readonly fired: boolean;
    readonly suppressedBy?: string;
    readonly indicator: string;
    readonly conditions: readonly ConditionTrace[];
  }[];
  readonly facts: Readonly<Record<string, Fact>>;
  /**
   * Every issue, with what it concerns, where it was shown (`shownIn`) and `couldChange`: the rule ids
   * whose card it could have changed (see docs/reference/data-quality.md).
   */
  readonly issues: readonly ExplainedIssue[];
}

/** An issue in the explanation. */
export type ExplainedIssue = Issue & { readonly couldChange?: readonly string[] };

/**
 * Builds the explanation of an evaluation: every rule with each leaf condition, the facts, the issues.
 * @param evaluation - engine result
 * @param facts - the facts used
 * @param issues - data-quality issues
 * @param ruleSet - the rule set (for its content version)
 * @returns a JSON-serialisable explanation
 */
export function explainEvaluation(
  evaluation: EvaluationResult,
  facts: FactSet,
  issues: readonly ExplainedIssue[],
  ruleSet: RuleSet,
): Explanation {
  return compactJson({
    now: evaluation.now,
    hook: evaluation.hook,
    contentVersion: ruleSet.contentVersion,
    rules: evaluation.results.map((r) => ({
      id: r.ruleId,
      version: r.ruleVersion,
      fired: r.fired,
      ...(r.suppressedBy ? { suppressedBy: r.suppressedBy } : {}),
      indicator: r.indicator,
      conditions: r.conditions.map((c) => ({ ...c })),
    })),
    facts: Object.fromEntries(facts),
    issues,
  }) as Explanation;
}

/**
 * CDS Hooks forbids null and empty values anywhere in a response (REQ 3), extensions included, so the
 * trace drops them: an absent key means unknown (a fact value), none (a list) or not applicable.
 * @param value - any JSON value
 * @returns the value without null, "", [] or {} members (undefined when nothing is left)
 */
export function compactJson(value: unknown): unknown {
  // Plain loops, no intermediate entry arrays: every card's extension goes through here on every call.
  if (Array.isArray(value)) {
    const items: unknown[] = [];
    for (const item of value) {
      const kept = compactJson(item);
      if (kept !== undefined) {
        items.push(kept);
      }
    }
    return items.length > 0 ? items : undefined;
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    let kept = 0;
    for (const key of Object.keys(value)) {
      const member = compactJson((value as Record<string, unknown>)[key]);
      if (member !== undefined) {
        if (key === '__proto__') {
          // As Object.fromEntries did: a `__proto__` key stays an own property, never the prototype.
          Object.defineProperty(out, key, {
            value: member,
            enumerable: true,
            writable: true,
            configurable: true,
          });
        } else {
          out[key] = member;
        }
        kept += 1;
      }
    }
    return kept > 0 ? out : undefined;
  }
  return value === null || value === '' ? undefined : value;
}
