/**
 * Builds the ranked {@link RuleResult}s of one run from its slot outcomes: variants, suggestions and the
 * effective indicator of each rule, then ranking (indicator, pack order, priority, id), then suppression.
 * Traces are built from the leaf outcomes the run already holds (no re-evaluation), and only for the
 * results someone needs: the fired, unsuppressed rules at once (their cards explain them), every other
 * rule only when all results are asked for.
 */
import type { RuleSet } from '../catalog/rule-set';
import type { FactSet } from '../facts/fact';
import { compareRuleResults } from './compare-rule-results';
import type { CompiledRule, CompiledRuleSet } from './compile-rule-set';
import { findSuppressions } from './find-suppressions';
import type { RuleResult } from './rule-result';
import type { RunOutcome } from './run-outcome';
import { traceConditions } from './trace-conditions';

/** A rule's decisions before traces and suppression. */
interface Decided {
  readonly compiled: CompiledRule;
  readonly priority: number;
  readonly result: Omit<RuleResult, 'conditions' | 'suppressedBy'>;
}

function decide(compiled: CompiledRule, entries: Uint8Array): Decided {
  const { definition, pack } = compiled.rule;
  const { card } = definition;
  const variants: number[] = [];
  compiled.variants.forEach((entry, i) => {
    if (entries[entry.index] === 1) {
      variants.push(i);
    }
  });
  const suggestions: number[] = [];
  compiled.suggestions.forEach((entry, i) => {
    if (entry === undefined || entries[entry.index] === 1) {
      suggestions.push(i);
    }
  });
  const variantIndicator = variants
    .map((i) => card.variants?.[i]?.indicator)
    .find((indicator) => indicator !== undefined);
  return {
    compiled,
    priority: definition.priority,
    result: {
      ruleId: definition.id,
      ruleVersion: definition.version,
      packId: pack.id,
      fired: entries[compiled.conditions.index] === 1,
      indicator: variantIndicator ?? card.indicator,
      variants,
      suggestions,
    },
  };
}

function rank(ruleSet: RuleSet, compiled: CompiledRuleSet, outcome: RunOutcome): Decided[] {
  return compiled.rules
    .map((rule) => decide(rule, outcome.entries))
    .sort(compareRuleResults(ruleSet.packs));
}

/**
 * The ids of the rules whose conditions held in a run, suppressed or not, in the order `all` ranks
 * them: what `all().filter((r) => r.fired)` names, without building a result or a trace.
 * @param ruleSet - the rule set (its packs decide ranking)
 * @param compiled - the compiled rule set that was run
 * @param outcome - the run's slot outcomes
 * @returns the rule ids, ranked
 */
export function heldRuleIds(
  ruleSet: RuleSet,
  compiled: CompiledRuleSet,
  outcome: RunOutcome,
): string[] {
  return rank(ruleSet, compiled, outcome)
    .filter((d) => d.result.fired)
    .map((d) => d.result.ruleId);
}

/** The results of one run: the cards to show now, every rule's result when asked. */
export interface BuiltRuleResults {
  /** Rules that fired and were not suppressed, ranked, with their traces (cards read them). */
  readonly fired: RuleResult[];
  /** Builds every rule's result, ranked (the fired ones are the same objects as in `fired`). */
  readonly all: () => RuleResult[];
}

/**
 * Decides, ranks and suppresses every rule of a run. Only the fired, unsuppressed rules get their
 * result and trace now; the others are built when `all` is called (an explanation, a dry run).
 * @param ruleSet - the rule set (its packs decide ranking)
 * @param compiled - the compiled rule set that was run
 * @param outcome - the run's slot outcomes
 * @param facts - the facts of this evaluation (for traces)
 * @returns the fired results and the builder of all results
 */
export function buildRuleResults(
  ruleSet: RuleSet,
  compiled: CompiledRuleSet,
  outcome: RunOutcome,
  facts: FactSet,
): BuiltRuleResults {
  const ranked = rank(ruleSet, compiled, outcome);
  const withdrawn = findSuppressions(
    ranked
      .filter((d) => d.result.fired)
      .map((d) => ({
        ruleId: d.result.ruleId,
        suppresses: d.compiled.rule.definition.suppresses ?? [],
      })),
  );
  const toResult = ({ compiled: rule, result }: Decided): RuleResult => {
    const conditions = traceConditions(rule.leaves, outcome.leaves, facts);
    const by = withdrawn.get(result.ruleId);
    return by === undefined
      ? { ...result, conditions }
      : { ...result, conditions, suppressedBy: by };
  };
  const shown = ranked.map((d) =>
    d.result.fired && !withdrawn.has(d.result.ruleId) ? toResult(d) : undefined,
  );
  return {
    fired: shown.filter((r) => r !== undefined),
    all: () => ranked.map((d, i) => shown[i] ?? toResult(d)),
  };
}
