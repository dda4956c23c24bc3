import {
  evaluateSync,
  type EvaluationResult,
  type FactSet,
  type Issue,
  type RuleSet,
} from '@soleus/core';
import { withIssueFacts } from '../facts/issue-facts';
import { routeIssues, type IssueRouting } from '../issues/route-issues';
import type { Hook } from './hooks';

/** An evaluation with its data-quality issues routed. */
export interface RoutedEvaluation {
  readonly evaluation: EvaluationResult;
  /** The facts the final evaluation read (the data-quality facts set from the routing). */
  readonly facts: FactSet;
  readonly routing: IssueRouting;
  /** The issues, each with `shownIn`: the cards it was written into (empty: only counted). */
  readonly issues: readonly Issue[];
}

/**
 * Evaluates, routes the issues (route-issues.ts), and when some issue could only have changed a card
 * that did not fire, evaluates again with the data-quality facts naming those issues, so the
 * data-quality rule (content, like any rule) decides whether its card shows. Only the data-quality
 * facts differ between the two evaluations; the second runs only when such an issue exists.
 * @param ruleSet - the rule set
 * @param facts - the computed facts (data-quality facts empty)
 * @param issues - the issues with `concerns.facts` resolved
 * @param options - now and hook
 * @returns the final evaluation, its facts, the routing and the issues with `shownIn`
 */
export function evaluateAndRoute(
  ruleSet: RuleSet,
  facts: FactSet,
  issues: readonly Issue[],
  options: { readonly now: string; readonly hook: Hook; readonly includeDrafts?: boolean },
): RoutedEvaluation {
  const first = evaluateSync(ruleSet, facts, options);
  const routing = routeIssues(first, ruleSet, issues);
  if (routing.forDataQualityCard.length === 0) {
    return { evaluation: first, facts, routing, issues: issues.map((i) => shown(i, routing, [])) };
  }
  const withIssues = withIssueFacts(facts, ruleSet, options.hook, routing.forDataQualityCard);
  const evaluation = evaluateSync(ruleSet, withIssues, options);
  const before = new Set(first.fired.map((r) => r.ruleId));
  const dataQualityCards = evaluation.fired.map((r) => r.ruleId).filter((id) => !before.has(id));
  return {
    evaluation,
    facts: withIssues,
    routing,
    issues: issues.map((i) => shown(i, routing, dataQualityCards)),
  };
}

function shown(issue: Issue, routing: IssueRouting, dataQualityCards: readonly string[]): Issue {
  const inCards = [...routing.inCards].filter(([, list]) => list.includes(issue)).map(([id]) => id);
  const shownIn =
    inCards.length > 0
      ? inCards
      : routing.forDataQualityCard.includes(issue)
        ? [...dataQualityCards]
        : [];
  return { ...issue, shownIn };
}
