import type { EvaluationResult, FactSet, Issue } from '@soleus/core';
import { resultsToCards } from '../cards/results-to-cards';
import type { CdsResponse } from '../cds-hooks/types';
import type { BundleToFactsOptions } from '../facts/bundle-to-facts';
import type { PatientRecord } from '../record/record-from-bundle';
import { describeResource } from '../text/describe-resource';
import { computeAndEvaluate } from './compute-and-evaluate';
import { explainEvaluation, type Explanation } from './explain-evaluation';

/** Options for {@link evaluateRecord}: those of {@link bundleToFacts} plus how to build the response. */
export interface EvaluateRecordOptions extends BundleToFactsOptions {
  /** Hook context for `{{context.x}}` tokens in card text (patientId, userId, encounterId). */
  readonly context?: Readonly<Record<string, unknown>>;
  /** Add the rule trace to the response under `extension`. */
  readonly explain?: boolean;
  readonly uuid?: () => string;
  readonly sourceLabel?: string;
  /** Public base URL of the service, for card links to pages it serves (`{{service.baseUrl}}`). */
  readonly serviceBaseUrl?: string;
  /** Also evaluate rules whose status is `draft` (dry runs of rules under review; never the service). */
  readonly includeDrafts?: boolean;
  /**
   * Compute the facts only a card reads (variant and suggestion `when`, card text) only for rules
   * whose conditions held: the same response, less work (evaluate/compute-and-evaluate.ts). `facts`
   * and `issues` then leave out what no card could use. Ignored with `explain`, which shows every fact.
   */
  readonly factsOnDemand?: boolean;
}

/** The response plus what an integrator or informaticist needs to see behind it. */
export interface EvaluateRecordOutcome {
  readonly response: CdsResponse;
  readonly facts: FactSet;
  readonly evaluation: EvaluationResult;
  /**
   * Data-quality issues (skipped resources, unconvertible units, unmapped medications …), each with
   * the facts it concerns and `shownIn`: the cards it was written into, empty when only counted.
   */
  readonly issues: readonly Issue[];
  /** Milliseconds spent in each stage. */
  readonly timings: { readonly facts: number; readonly engine: number; readonly cards: number };
}

/**
 * Facts → engine → cards for one patient record: the path every entry point (CLI, service, embedding)
 * shares, so that they cannot drift apart.
 * @param record - the patient's resources
 * @param options - rule set, hook, now, drafts and selections
 * @returns the CDS Hooks response and its explanation
 * @throws {SOLEUS_ENGINE_INVALID_NOW} when `now` is not an instant
 */
export async function evaluateRecord(
  record: PatientRecord,
  options: EvaluateRecordOptions,
): Promise<EvaluateRecordOutcome> {
  const { computed, routed, timings } = computeAndEvaluate(record, {
    ...options,
    factsOnDemand: options.factsOnDemand === true && options.explain !== true,
  });
  const { evaluation, facts, routing, issues } = routed;
  const t2 = performance.now();
  const patientId =
    options.patientId ??
    record.entries.find((e) => e.resource.resourceType === 'Patient')?.resource.id;
  // Read before the adapter's checks: only a string id may reach card text.
  const cardPatientId = typeof patientId === 'string' ? patientId : undefined;
  const cards = resultsToCards(evaluation, {
    ruleSet: options.ruleSet,
    facts,
    context: { ...(cardPatientId ? { patientId: cardPatientId } : {}), ...options.context },
    ...(options.uuid ? { uuid: options.uuid } : {}),
    ...(options.sourceLabel ? { sourceLabel: options.sourceLabel } : {}),
    ...(options.serviceBaseUrl ? { serviceBaseUrl: options.serviceBaseUrl } : {}),
    dataIssues: routing.inCards,
    describe: (reference) => {
      const resource = computed.index.resolve(reference);
      return resource ? describeResource(resource) : undefined;
    },
  });
  const t3 = performance.now();
  const explanation: Explanation | undefined = options.explain
    ? explainEvaluation(
        evaluation,
        facts,
        issues.map((issue, i) => {
          const couldChange = routing.affects.get(computed.issues[i] ?? issue);
          return couldChange ? { ...issue, couldChange } : issue;
        }),
        options.ruleSet,
      )
    : undefined;
  const response: CdsResponse = explanation
    ? { cards, extension: { 'dev.soleus.explanation': explanation } }
    : { cards };
  // Engine warnings (a fact value that does not match its catalogue type) are adapter bugs, not record
  // problems: they are reported with the issues, for the operator only.
  const engineIssues = (evaluation.issues ?? []).map((i): Issue => ({
    ...i,
    audience: 'operator',
    shownIn: [],
  }));
  return {
    response,
    facts,
    evaluation,
    issues: [...issues, ...engineIssues],
    timings: { ...timings, cards: t3 - t2 },
  };
}
