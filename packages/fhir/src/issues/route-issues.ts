/**
 * Where each data-quality issue goes after evaluation (clinical-spec §0.3, revision 2: "a data-quality
 * issue reaches the clinician only when the data it concerns was read by a rule of this call and
 * could have changed a card that fired or would have fired"). For an issue whose `concerns.facts` are
 * uncertain, each evaluated rule's condition trees are evaluated again in three-valued logic
 * (condition-outcome.ts):
 *
 * - a card that is shown (fired, not suppressed) could have changed when its conditions, or the `when`
 *   of one of its variants or suggestions, become uncertain: the issue is written into that card;
 * - a rule that did not fire would have depended on it when its conditions become uncertain (its other
 *   conditions held, so the uncertain data decided it): the issue goes to the data-quality card,
 *   unless a shown card already carries it;
 * - otherwise, and for issues only counted (audience `operator`), it reaches no clinician: logs,
 *   metrics and `soleus dry-run` count it.
 *
 * Suppressed cards are never shown, so they never carry an issue, and neither does a rule that did not
 * fire but would be suppressed by a shown card.
 */
import type {
  ConditionTrace,
  EvaluationResult,
  Issue,
  LoadedRule,
  RuleResult,
  RuleSet,
} from '@soleus/core';
import { conditionOutcome } from './condition-outcome';

/** The routing of one evaluation's issues. */
export interface IssueRouting {
  /** Shown card id → the issues written into it, in the order raised. */
  readonly inCards: ReadonlyMap<string, readonly Issue[]>;
  /** Issues that could only have changed a card that did not fire. */
  readonly forDataQualityCard: readonly Issue[];
  /** Issue → the rule ids whose card it could have changed (shown or not). */
  readonly affects: ReadonlyMap<Issue, readonly string[]>;
}

const NONE: IssueRouting = { inCards: new Map(), forDataQualityCard: [], affects: new Map() };

/**
 * Routes the issues of one evaluation.
 * @param evaluation - the engine's result (every rule's trace is read, only when some issue could matter)
 * @param ruleSet - the rule set that was evaluated
 * @param issues - the request's issues, with `concerns.facts` resolved
 * @returns where each issue goes
 */
export function routeIssues(
  evaluation: EvaluationResult,
  ruleSet: RuleSet,
  issues: readonly Issue[],
): IssueRouting {
  const candidates = issues.filter(
    (i) => i.audience !== 'operator' && (i.concerns?.facts?.length ?? 0) > 0,
  );
  if (candidates.length === 0) {
    return NONE;
  }
  // A card that did not fire but would be withdrawn by a shown card could not have shown either.
  const withdrawn = new Set(
    evaluation.fired.flatMap((r) => ruleSet.rulesById.get(r.ruleId)?.definition.suppresses ?? []),
  );
  const rules = evaluation.results
    .filter((r) => r.suppressedBy === undefined && (r.fired || !withdrawn.has(r.ruleId)))
    .flatMap((result) => {
      const rule = ruleSet.rulesById.get(result.ruleId);
      return rule ? [{ rule, result, traced: byPointer(result.conditions) }] : [];
    });
  const inCards = new Map<string, Issue[]>();
  const forDataQualityCard: Issue[] = [];
  const affects = new Map<Issue, string[]>();
  for (const issue of candidates) {
    const uncertain = new Set(issue.concerns?.facts ?? []);
    const shown: string[] = [];
    const wouldHave: string[] = [];
    for (const { rule, result, traced } of rules) {
      const effect = effectOn(rule, result, traced, (fact) => uncertain.has(fact));
      if (effect === 'shown') {
        shown.push(result.ruleId);
      } else if (effect === 'would-have-fired') {
        wouldHave.push(result.ruleId);
      }
    }
    affects.set(issue, [...shown, ...wouldHave]);
    shown.forEach((id) => inCards.set(id, [...(inCards.get(id) ?? []), issue]));
    if (shown.length === 0 && wouldHave.length > 0) {
      forDataQualityCard.push(issue);
    }
  }
  return { inCards, forDataQualityCard, affects };
}

function effectOn(
  rule: LoadedRule,
  result: RuleResult,
  traced: ReadonlyMap<string, ConditionTrace>,
  uncertain: (fact: string) => boolean,
): 'shown' | 'would-have-fired' | 'none' {
  const { conditions, card } = rule.definition;
  const main = conditionOutcome(conditions, '/conditions', traced, uncertain);
  if (!result.fired) {
    return main === null ? 'would-have-fired' : 'none';
  }
  if (main !== true) {
    return 'shown';
  }
  const variants = (card.variants ?? []).some(
    (v, i) => conditionOutcome(v.when, `/card/variants/${i}/when`, traced, uncertain) === null,
  );
  const suggestions = (card.suggestions ?? []).some(
    (s, i) =>
      s.when !== undefined &&
      conditionOutcome(s.when, `/card/suggestions/${i}/when`, traced, uncertain) === null,
  );
  return variants || suggestions ? 'shown' : 'none';
}

function byPointer(conditions: readonly ConditionTrace[]): ReadonlyMap<string, ConditionTrace> {
  return new Map(conditions.map((c) => [c.pointer, c]));
}
