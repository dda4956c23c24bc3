import type { Fact } from '@soleus/core';
import { formatLocation } from '@soleus/core';
import type { FactContext } from './fact-context';
import type { IssuesSource } from './fact-source';

/**
 * Data-quality facts: how many issues for the clinician the other facts raised, and one line per
 * issue (issues that are only counted stay out). Computed after every other fact (see bundleToFacts),
 * so nothing raised is missed.
 * @param source - count or messages
 * @param ctx - fact context
 * @returns the fact
 */
export function issueFact(source: IssuesSource, ctx: FactContext): Fact {
  const issues = ctx.issues.forClinician();
  const evidence = issues
    .filter((i) => i.location?.resource !== undefined)
    .map((i) => ({ resource: i.location?.resource ?? '', note: i.message }));
  if (source.aggregate === 'count') {
    return { value: issues.length, evidence };
  }
  return {
    value: issues.map((i) => {
      const where = formatLocation(i.location);
      return where && !i.message.startsWith(where) ? `${where}: ${i.message}` : i.message;
    }),
    evidence,
  };
}
