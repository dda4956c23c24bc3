import type { Fact, FactSet, Issue, RuleSet } from '@soleus/core';
import type { Hook } from '../evaluate/hooks';
import { clinicianLine } from '../issues/clinician-line';
import { compiledSources } from './compiled-sources';
import type { IssuesSource } from './fact-source';
import { factsUsedByHook } from './facts-used-by-hook';

/**
 * Data-quality facts over the issues given: how many distinct lines, and the lines (one per
 * issue, the same line once). The issues are
 * those that could only have changed a card that did not fire (evaluate/route-issues.ts), so these
 * facts are empty while the other facts are computed and set after the first evaluation.
 * @param source - count or messages
 * @param issues - the issues the data-quality card should name
 * @returns the fact
 */
export function issueFact(source: IssuesSource, issues: readonly Issue[]): Fact {
  const lines = [...new Set(issues.map(clinicianLine))];
  return { value: source.aggregate === 'count' ? lines.length : lines };
}

/**
 * The facts with every data-quality fact the hook reads recomputed over `issues`.
 * @param facts - the computed facts
 * @param ruleSet - the rule set (its catalogue says which facts are data-quality facts)
 * @param hook - the hook
 * @param issues - the issues the data-quality card should name
 * @returns a new fact set
 */
export function withIssueFacts(
  facts: FactSet,
  ruleSet: RuleSet,
  hook: Hook,
  issues: readonly Issue[],
): FactSet {
  const sources = compiledSources(ruleSet);
  const next = new Map(facts);
  for (const name of factsUsedByHook(ruleSet, hook)) {
    const source = sources.get(name)?.source;
    if (source?.kind === 'issues') {
      next.set(name, issueFact(source, issues));
    }
  }
  return next;
}
