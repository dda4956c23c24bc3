/**
 * Facts → engine → issue routing for one record, with the facts a card alone reads computed only for
 * rules whose conditions held (`factsOnDemand`, what the service does). A card that does not show has
 * no variant, suggestion or text, and issue routing reads only the conditions of a rule that did not
 * fire, so the response is the same as with every fact computed: only facts no card could use, and the
 * data-quality issues raised while computing them (which could change no card, so a clinician never
 * read them), are left out. An explanation (`--explain`) shows every fact, so it computes them all.
 */
import { rulesThatHold } from '@soleus/core';
import type { BundleToFactsOptions, FactsOutcome } from '../facts/bundle-to-facts';
import { openFactSession, type FactSession } from '../facts/fact-session';
import { factsUsedByHook } from '../facts/facts-used-by-hook';
import { hookFactRoles } from '../facts/hook-fact-roles';
import type { PatientRecord } from '../record/record-from-bundle';
import { evaluateAndRoute, type RoutedEvaluation } from './evaluate-and-route';

/** Options of {@link computeAndEvaluate}. */
export interface ComputeAndEvaluateOptions extends BundleToFactsOptions {
  /** Also evaluate rules whose status is `draft`. */
  readonly includeDrafts?: boolean;
  /** Compute a card's own facts only when its rule's conditions held (see the file comment). */
  readonly factsOnDemand?: boolean;
}

/** The facts and the routed evaluation of one record, with the milliseconds each took. */
export interface ComputedEvaluation {
  readonly computed: FactsOutcome;
  readonly routed: RoutedEvaluation;
  readonly timings: { readonly facts: number; readonly engine: number };
}

/**
 * Computes the facts and evaluates them.
 * @param record - the patient's resources
 * @param options - those of bundleToFacts, draft rules, and whether card facts are computed on demand
 * @returns the facts with their issues, and the evaluation with the issues routed
 * @throws {SOLEUS_ENGINE_INVALID_NOW} when `now` is not an instant
 */
export function computeAndEvaluate(
  record: PatientRecord,
  options: ComputeAndEvaluateOptions,
): ComputedEvaluation {
  const t0 = performance.now();
  const session = openFactSession(record, options);
  const evaluation = {
    now: options.now,
    hook: options.hook,
    ...(options.includeDrafts === true ? { includeDrafts: true } : {}),
  };
  const askedFor = options.factsOnDemand === true ? cardFactsOnDemand(session, options) : null;
  if (askedFor === null) {
    computeEveryFact(session, options);
  }
  let computed = session.finish();
  const t1 = performance.now();
  let routed = evaluateAndRoute(options.ruleSet, computed.facts, computed.issues, evaluation);
  // A rule that holds only once the data-quality facts are set (after routing) and whose card reads
  // facts not computed yet: compute every fact and evaluate again, as without on-demand facts.
  const roles = hookFactRoles(options.ruleSet, options.hook);
  const uncovered = routed.evaluation.fired.some(
    (r) =>
      askedFor?.has(r.ruleId) === false &&
      (roles.cardOnly.get(r.ruleId) ?? []).some((name) => !session.has(name)),
  );
  if (uncovered) {
    computeEveryFact(session, options);
    computed = session.finish();
    routed = evaluateAndRoute(options.ruleSet, computed.facts, computed.issues, evaluation);
  }
  const t2 = performance.now();
  return { computed, routed, timings: { facts: t1 - t0, engine: t2 - t1 } };
}

function computeEveryFact(session: FactSession, options: ComputeAndEvaluateOptions): void {
  session.compute(factsUsedByHook(options.ruleSet, options.hook));
  session.compute(options.alsoCompute ?? []);
}

/**
 * Computes what the rules' conditions need, evaluates once, then computes the card facts of every
 * rule whose conditions held (suppressed or not).
 * @returns the ids of the rules whose card facts were computed
 */
function cardFactsOnDemand(
  session: FactSession,
  options: ComputeAndEvaluateOptions,
): ReadonlySet<string> {
  const roles = hookFactRoles(options.ruleSet, options.hook);
  session.compute(roles.beforeEvaluation);
  session.compute(options.alsoCompute ?? []);
  // Which rules held is all this step needs: no results, no traces (they are built once, below).
  const held = rulesThatHold(options.ruleSet, session.facts, {
    now: options.now,
    hook: options.hook,
    ...(options.includeDrafts === true ? { includeDrafts: true } : {}),
  });
  held.forEach((id) => session.compute(roles.cardOnly.get(id) ?? []));
  return new Set(held);
}
