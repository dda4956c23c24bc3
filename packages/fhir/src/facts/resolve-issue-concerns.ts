/**
 * Which catalogue facts each data-quality issue could have changed, once every fact of the request is
 * computed. An issue concerns, in this order of evidence:
 *
 * 1. the facts and memoised mechanisms being computed whenever it was raised (IssueCollector);
 * 2. for an issue raised outside any fact (about the record as a whole, e.g. by the request's
 *    validation), the facts that list its resource among their evidence or ignored resources;
 * 3. when it names a resource that is not in the record, or a whole kind of data (a prefetch key that
 *    could not be had: `concerns.resourceTypes`), every computed fact that reads that resource type
 *    (fact-requirements.ts): such data could hold anything; when the hook's draft orders could not be
 *    read (`concerns.draftOrders`), every medication fact that counts draft orders;
 * 4. for the entries left out as another patient's (`SOLEUS_FHIR_OUT_OF_SCOPE`, scope-record.ts), the
 *    facts whose value would differ had they been filed under this patient (a misfiled entry matters
 *    exactly where it would have changed something; bundle-to-facts.ts computes them);
 *
 * and then every fact that read one of those, directly or through others (ReadGraph). Issue-kind facts
 * (the data-quality counts) never count: they describe issues, they are not changed by them.
 */
import type { Fact, Issue, RuleSet } from '@soleus/core';
import { compiledSources } from './compiled-sources';
import { factRequirements } from './fact-requirements';
import type { IssueCollector } from './issue-collector';
import type { ReadGraph } from './read-graph';
import type { RecordIndex } from './record-index';

/** What {@link resolveIssueConcerns} reads. */
export interface ConcernInputs {
  readonly ruleSet: RuleSet;
  readonly facts: ReadonlyMap<string, Fact>;
  readonly index: RecordIndex;
  readonly collector: IssueCollector;
  readonly reads: ReadGraph;
  /** Facts the entries left out as another patient's would have changed, were they this patient's. */
  readonly outOfScope?: readonly string[];
}

/**
 * Sets `concerns.facts` on every issue a clinician may read (issues only counted are returned as they
 * are: they never reach a card).
 * @param issues - the request's issues
 * @param inputs - rule set, computed facts, record index, the collector and the read graph
 * @returns the issues, each with the facts it could have changed (absent when none)
 */
export function resolveIssueConcerns(issues: readonly Issue[], inputs: ConcernInputs): Issue[] {
  const sources = compiledSources(inputs.ruleSet);
  const counted = (name: string): boolean => sources.get(name)?.source.kind !== 'issues';
  return issues.map((issue) => {
    if (issue.audience === 'operator') {
      return issue;
    }
    const start = new Set(inputs.collector.raisedWhileComputing(issue));
    const types = new Set(issue.concerns?.resourceTypes ?? []);
    const resource = issue.location?.resource;
    if (resource !== undefined && resource !== '') {
      if (inputs.index.resolve(resource)) {
        if (start.size === 0) {
          factsMentioning(resource, inputs.facts).forEach((name) => start.add(name));
        }
      } else {
        types.add(resource.split('/')[0] ?? '');
      }
    }
    factsReadingTypes(types, inputs).forEach((name) => start.add(name));
    if (issue.code === 'SOLEUS_FHIR_OUT_OF_SCOPE') {
      (inputs.outOfScope ?? []).forEach((name) => start.add(name));
    }
    if (issue.concerns?.draftOrders === true) {
      factsReadingDrafts(inputs).forEach((name) => start.add(name));
    }
    const facts = [...inputs.reads.readersOf(start)]
      .filter((name) => inputs.facts.has(name) && counted(name))
      .sort();
    return facts.length === 0 ? issue : { ...issue, concerns: { ...issue.concerns, facts } };
  });
}

function factsMentioning(resource: string, facts: ReadonlyMap<string, Fact>): string[] {
  const names: string[] = [];
  for (const [name, fact] of facts) {
    const seen = [...(fact.evidence ?? []), ...(fact.ignored ?? [])];
    if (seen.some((e) => e.resource === resource)) {
      names.push(name);
    }
  }
  return names;
}

function factsReadingTypes(types: ReadonlySet<string>, inputs: ConcernInputs): string[] {
  if (types.size === 0) {
    return [];
  }
  return [...inputs.facts.keys()].filter((name) =>
    factRequirements(inputs.ruleSet, name).some((r) => types.has(r.resourceType)),
  );
}

function factsReadingDrafts(inputs: ConcernInputs): string[] {
  const sources = compiledSources(inputs.ruleSet);
  return [...inputs.facts.keys()].filter((name) => {
    const source = sources.get(name)?.source;
    return source?.kind === 'medication' && source.scope !== 'active';
  });
}
