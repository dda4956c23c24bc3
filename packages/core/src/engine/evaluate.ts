/**
 * The evaluation engine. `evaluateSync` runs the compiled closures of a rule set once over precomputed
 * facts (no I/O, no promises, no per-run cloning) and turns the outcome into ranked {@link RuleResult}s:
 *
 * 1. `now` is parsed (never read from the clock) and date facts are wrapped with it.
 * 2. Every leaf of the hook's rules is decided, then every rule and its variant and suggestion `when`.
 * 3. Each rule gets its variants, suggestions and effective indicator; fired rules get their traces,
 *    the others when `results` is first read (an explanation, a dry run).
 * 4. Results are ranked (indicator, pack order, priority, id), then suppression withdraws cards.
 *
 * `evaluate` is the same, as a promise (the original API). `evaluateReference` runs step 2 through
 * json-rules-engine instead: the reference the differential test proves the compiled closures agree with.
 */
import { isSoleusError, SoleusError } from '../errors';
import type { RuleSet } from '../catalog/rule-set';
import type { FactSet } from '../facts/fact';
import { buildRuleResults, heldRuleIds } from './build-rule-results';
import type { CompiledRuleSet } from './compile-rule-set';
import { defineLazyProperty } from './define-lazy-property';
import { evaluationError } from './evaluation-error';
import type { EvaluateOptions, EvaluationResult } from './evaluation-result';
import { getCompiledRuleSet } from './get-compiled-rule-set';
import { parseInstant } from './parse-instant';
import { prepareFacts, type FactValues } from './prepare-facts';
import { runCompiled } from './run-compiled';
import type { RunOutcome } from './run-outcome';
import { runReference } from './run-reference';

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

/**
 * Operator failures arrive already wrapped with their rule and pointer; anything else (a bug, a
 * misbehaving FactSet or TerminologyProvider outside an operator) is wrapped without a location.
 */
function asEvaluationError(err: unknown): SoleusError {
  return isSoleusError(err) && err.code === 'SOLEUS_ENGINE_EVALUATION'
    ? err
    : evaluationError(UNKNOWN_SITE, err);
}

/** Everything a run needs before its outcome: the compiled rules and the fact values. */
interface Prepared {
  readonly compiled: CompiledRuleSet;
  readonly values: FactValues;
  readonly finish: (outcome: RunOutcome) => EvaluationResult;
}

function prepare(
  ruleSet: RuleSet,
  facts: FactSet,
  options: EvaluateOptions,
  nowMs: number,
): Prepared {
  const compiled = getCompiledRuleSet(ruleSet, options.hook, options.includeDrafts === true);
  const prepared = prepareFacts(facts, ruleSet.facts, nowMs);
  const finish = (outcome: RunOutcome): EvaluationResult => {
    const built = buildRuleResults(ruleSet, compiled, outcome, facts);
    const head = { now: new Date(nowMs).toISOString(), hook: options.hook };
    // `results` (every rule, with traces) is built on first read: serving reads only `fired`.
    const withResults = defineLazyProperty(head, 'results', built.all);
    return Object.assign(withResults, { fired: built.fired, issues: prepared.issues });
  };
  return { compiled, values: prepared.values, finish };
}

/**
 * Evaluates a rule set against one patient's facts for one hook, synchronously.
 * @param ruleSet - the loaded rule set (its rules are compiled once per hook and cached)
 * @param facts - the precomputed facts; a fact missing from the set is unknown
 * @param options - evaluation time, hook, and whether draft rules take part
 * @returns every evaluated rule ranked, the fired and unsuppressed ones, and fact issues
 * @throws {SOLEUS_ENGINE_INVALID_NOW} when `options.now` is not a valid instant
 * @throws {SOLEUS_ENGINE_EVALUATION} when a rule fails while it is evaluated (names rule, version, pointer)
 */
export function evaluateSync(
  ruleSet: RuleSet,
  facts: FactSet,
  options: EvaluateOptions,
): EvaluationResult {
  const nowMs = parseNow(options.now);
  try {
    const { compiled, values, finish } = prepare(ruleSet, facts, options, nowMs);
    return finish(runCompiled(compiled, values));
  } catch (err) {
    throw asEvaluationError(err);
  }
}

/**
 * The rules whose conditions hold on these facts, suppressed or not, ranked: the ids
 * `evaluateSync(…).results.filter((r) => r.fired)` names, without building results or traces (a
 * caller that only needs to know which rules held, e.g. to compute their cards' facts next).
 * @param ruleSet - the loaded rule set (its rules are compiled once per hook and cached)
 * @param facts - the precomputed facts; a fact missing from the set is unknown
 * @param options - evaluation time, hook, and whether draft rules take part
 * @returns the rule ids, in the order of `results`
 * @throws {SOLEUS_ENGINE_INVALID_NOW} when `options.now` is not a valid instant
 * @throws {SOLEUS_ENGINE_EVALUATION} when a rule fails while it is evaluated (names rule, version, pointer)
 */
export function rulesThatHold(
  ruleSet: RuleSet,
  facts: FactSet,
  options: EvaluateOptions,
): string[] {
  const nowMs = parseNow(options.now);
  try {
    const compiled = getCompiledRuleSet(ruleSet, options.hook, options.includeDrafts === true);
    const { values } = prepareFacts(facts, ruleSet.facts, nowMs);
    return heldRuleIds(ruleSet, compiled, runCompiled(compiled, values));
  } catch (err) {
    throw asEvaluationError(err);
  }
}

/**
 * Evaluates a rule set against one patient's facts for one hook: {@link evaluateSync} as a promise.
 * @param ruleSet - the loaded rule set (its rules are compiled once per hook and cached)
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
  return evaluateSync(ruleSet, facts, options);
}

/**
 * Evaluates like {@link evaluate}, but decides the conditions with json-rules-engine, the reference
 * semantics of the rule grammar. Same result for every input (the differential test holds the two to
 * it); several times slower. For cross-checks and tests, not for serving.
 * @param ruleSet - the loaded rule set
 * @param facts - the precomputed facts; a fact missing from the set is unknown
 * @param options - evaluation time, hook, and whether draft rules take part
 * @returns the same result {@link evaluate} returns
 * @throws {SOLEUS_ENGINE_INVALID_NOW} when `options.now` is not a valid instant
 * @throws {SOLEUS_ENGINE_EVALUATION} when a rule fails while it is evaluated (names rule, version, pointer)
 */
export async function evaluateReference(
  ruleSet: RuleSet,
  facts: FactSet,
  options: EvaluateOptions,
): Promise<EvaluationResult> {
  const nowMs = parseNow(options.now);
  try {
    const { compiled, values, finish } = prepare(ruleSet, facts, options, nowMs);
    return finish(await runReference(compiled, values));
  } catch (err) {
    throw asEvaluationError(err);
  }
}
