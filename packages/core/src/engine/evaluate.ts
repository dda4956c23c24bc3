/**
 * The evaluation engine. `evaluate` runs the compiled json-rules-engine `Engine` of a rule set once
 * over precomputed facts (no I/O, no async fact resolution) and turns its output into ranked
 * {@link RuleResult}s:
 *
 * 1. `now` is parsed (never read from the clock) and date facts are wrapped with it.
 * 2. One `engine.run` evaluates every selected rule and its variant and suggestion companions.
 * 3. Each rule's result gets its variants, suggestions, effective indicator and condition traces.
 * 4. Results are ranked (indicator, pack order, priority, id), then suppression withdraws cards.
 */
import type { EngineResult, RuleResult as EngineRuleResult } from 'json-rules-engine';
import { isSoleusError, SoleusError } from '../errors';
import type { LoadedRule, RuleSet } from '../catalog/rule-set';
import type { FactSet } from '../facts/fact';
import { compareRuleResults } from './compare-rule-results';
import { suggestionRuleName, variantRuleName, type CompiledRuleSet } from './compile-rule-set';
import { evaluationError } from './evaluation-error';
import type { EvaluateOptions, EvaluationResult } from './evaluation-result';
import { findSuppressions } from './find-suppressions';
import { getCompiledRuleSet } from './get-compiled-rule-set';
import { parseInstant } from './parse-instant';
import { prepareFacts } from './prepare-facts';
import type { ConditionTrace, RuleResult } from './rule-result';
import { traceConditions } from './trace-conditions';

type ByName = ReadonlyMap<string, EngineRuleResult>;

const UNKNOWN_SITE = {
  ruleId: '(unknown rule)',
  ruleVersion: '?',
  file: '(unknown file)',
  pointer: '',
};

function parseNow(now: unknown): number {
  const ms = parseInstant(now);
  if (ms === null) {
    throw new SoleusError(
      'SOLEUS_ENGINE_INVALID_NOW',
      'evaluate options.now: expected a valid Date or an ISO 8601 date or dateTime with a time zone ' +
        `(e.g. 2024-03-01T09:00:00Z), found ${now instanceof Date ? 'an invalid Date' : typeof now}. ` +
        'Pass the evaluation time explicitly.',
    );
  }
  return ms;
}

async function runEngine(
  compiled: CompiledRuleSet,
  values: Record<string, unknown>,
): Promise<ByName> {
  const output: EngineResult = await compiled.engine.run(values);
  const byName = new Map<string, EngineRuleResult>();
  for (const result of [...output.results, ...output.failureResults]) {
    byName.set(result.name, result);
  }
  return byName;
}

function heldIndexes(count: number, held: (i: number) => boolean): number[] {
  return Array.from({ length: count }, (_, i) => i).filter(held);
}

function toRuleResult(
  rule: LoadedRule,
  byName: ByName,
  compiled: CompiledRuleSet,
  facts: FactSet,
): RuleResult {
  const { id, version, card } = rule.definition;
  const fired = (name: string): boolean => byName.get(name)?.result === true;
  const variants = heldIndexes(card.variants?.length ?? 0, (i) => fired(variantRuleName(id, i)));
  const suggestions = heldIndexes(card.suggestions?.length ?? 0, (i) =>
    card.suggestions?.[i]?.when === undefined ? true : fired(suggestionRuleName(id, i)),
  );
  const variantIndicator = variants
    .map((i) => card.variants?.[i]?.indicator)
    .find((indicator) => indicator !== undefined);
  const conditions: ConditionTrace[] = [];
  for (const name of compiled.engineRules.get(id) ?? []) {
    const result = byName.get(name);
    if (result) {
      conditions.push(...traceConditions(result.conditions, compiled.leaves, facts));
    }
  }
  return {
    ruleId: id,
    ruleVersion: version,
    packId: rule.pack.id,
    fired: fired(id),
    indicator: variantIndicator ?? card.indicator,
    variants,
    suggestions,
    conditions,
  };
}

/**
 * Evaluates a rule set against one patient's facts for one hook.
 * @param ruleSet - the loaded rule set (its engine is compiled once per hook and cached)
 * @param facts - the precomputed facts; a fact missing from the set is unknown
 * @param options - evaluation time, hook, and whether draft rules take part
 * @returns every evaluated rule ranked, the fired and unsuppressed ones, and fact issues
 * @throws {SOLEUS_ENGINE_INVALID_NOW} when `options.now` is not a valid instant
 * @throws {SOLEUS_ENGINE_EVALUATION} when a rule fails while it is evaluated (names rule, version, pointer)
 */
export async function evaluate(
  ruleSet: RuleSet,
  facts: FactSet,
  options: EvaluateOptions,
): Promise<EvaluationResult> {
  const nowMs = parseNow(options.now);
  try {
    return await evaluateAt(ruleSet, facts, options, nowMs);
  } catch (err) {
    // Operator failures arrive already wrapped with their rule and pointer; anything else (a bug, a
    // misbehaving FactSet or TerminologyProvider outside an operator) is wrapped without a location.
    if (isSoleusError(err) && err.code === 'SOLEUS_ENGINE_EVALUATION') {
      throw err;
    }
    throw evaluationError(UNKNOWN_SITE, err);
  }
}

async function evaluateAt(
  ruleSet: RuleSet,
  facts: FactSet,
  options: EvaluateOptions,
  nowMs: number,
): Promise<EvaluationResult> {
  const compiled = getCompiledRuleSet(ruleSet, options.hook, options.includeDrafts === true);
  const prepared = prepareFacts(facts, ruleSet.facts, nowMs);
  const byName = await runEngine(compiled, prepared.values);
  const ranked = compiled.rules
    .map((rule) => ({
      rule,
      priority: rule.definition.priority,
      result: toRuleResult(rule, byName, compiled, facts),
    }))
    .sort(compareRuleResults(ruleSet.packs));
  const firedRanked = ranked.filter((r) => r.result.fired);
  const withdrawn = findSuppressions(
    firedRanked.map((r) => ({
      ruleId: r.result.ruleId,
      suppresses: r.rule.definition.suppresses ?? [],
    })),
  );
  const results = ranked.map(({ result }) => {
    const by = withdrawn.get(result.ruleId);
    return by === undefined ? result : { ...result, suppressedBy: by };
  });
  return {
    now: new Date(nowMs).toISOString(),
    hook: options.hook,
    results,
    fired: results.filter((r) => r.fired && r.suppressedBy === undefined),
    issues: prepared.issues,
  };
}
