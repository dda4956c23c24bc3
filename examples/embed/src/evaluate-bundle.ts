/**
 * Soleus embedded in plain Node, no HTTP: load the rule packs once, then evaluate any FHIR R4 Bundle
 * (collection, searchset, transaction) for a hook at an explicit instant. The result is the CDS Hooks
 * response (cards) plus the data-quality issues, i.e. what the service would answer.
 */
import { DEFAULT_CONTENT, loadRuleSet, type Issue, type RuleSet } from '@soleus/core';
import { evaluateRecord, recordFromBundle, type CdsResponse, type Hook } from '@soleus/fhir';

/** What an embedded evaluation returns. */
export interface EmbeddedResult {
  readonly response: CdsResponse;
  readonly firedRuleIds: readonly string[];
  readonly issues: readonly Issue[];
}

let shared: Promise<RuleSet> | undefined;

/**
 * Loads the bundled rule packs once per process.
 * @returns the rule set
 * @throws {SOLEUS_RULE_SCHEMA} (or another SOLEUS_RULE_* code) when the catalogue is invalid
 */
export function defaultRuleSet(): Promise<RuleSet> {
  shared ??= loadRuleSet(DEFAULT_CONTENT);
  return shared;
}

/**
 * Evaluates one patient's Bundle.
 * @param bundle - a parsed FHIR R4 Bundle holding the patient's record
 * @param hook - the hook to evaluate as (`patient-view`, `order-select`, `order-sign`)
 * @param now - the evaluation instant (ISO 8601); embedders pass it, Soleus never reads a clock
 * @returns cards, fired rule ids and issues
 * @throws {SOLEUS_FHIR_NOT_A_BUNDLE} when `bundle` is not a Bundle
 */
export async function evaluateBundle(
  bundle: unknown,
  hook: Hook,
  now: string,
): Promise<EmbeddedResult> {
  const ruleSet = await defaultRuleSet();
  const record = recordFromBundle(bundle, 'bundle');
  const outcome = await evaluateRecord(record, { ruleSet, hook, now });
  return {
    response: outcome.response,
    firedRuleIds: outcome.evaluation.fired.map((r) => r.ruleId),
    issues: outcome.issues,
  };
}
