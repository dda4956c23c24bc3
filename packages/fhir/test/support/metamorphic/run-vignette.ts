/**
 * Evaluates a (possibly transformed) vignette in-process through evaluateRecord — the path the CLI and
 * the service share — and reduces the response to what the metamorphic relations compare.
 */
import type { FhirResource } from 'fhir/r4';
import { DEFAULT_CONTENT, loadRuleSetSync, type FactSet, type RuleSet } from '@soleus/core';
import { evaluateRecord } from '../../../src/evaluate/evaluate-record';
import { recordFromBundle } from '../../../src/record/record-from-bundle';
import type { VignetteInput } from './vignette-cases';

/** A card as the relations compare it. */
export interface CardKey {
  readonly id: string;
  readonly indicator: string;
  readonly summary: string;
}

/** The outcome of one evaluation. */
export interface VignetteRun {
  readonly cards: readonly CardKey[];
  /** Per fired card id: every resource (`Type/id`) the facts behind it used or looked at. */
  readonly support: ReadonlyMap<string, ReadonlySet<string>>;
  /** The data-quality lines of the response (empty when none). */
  readonly dataQuality: readonly string[];
  /** Every issue message of the evaluation (the clinician's and the operator's). */
  readonly issues: readonly string[];
  /**
   * Resources behind a fact that raises caution or keeps it open: true, positive, therapeutic,
   * likely, indeterminate, or unknown (null). Removing one of them may legitimately close a pathway.
   */
  readonly raising: ReadonlySet<string>;
}

const RAISING = new Set<unknown>([
  true,
  'positive',
  'therapeutic',
  'likely',
  'indeterminate',
  null,
]);

/** Facts that carry the D-dimer and ultrasound verdicts (positive is a reason for caution). */
const VERDICT_FACTS = ['dvt.ddimerResult', 'dvt.ultrasoundResult'];

let ruleSet: RuleSet | undefined;

/**
 * Evaluates one vignette.
 * @param input - the case (hook, now, patient …)
 * @param bundle - the record bundle (transformed or not)
 * @param drafts - the draft-orders bundle, if the case has one
 * @param patientId - the context patient id to name (as a CDS Hooks call does)
 * @returns the cards, their support and the data-quality lines
 */
export async function runVignette(
  input: VignetteInput,
  bundle: unknown,
  drafts: unknown,
  patientId?: string,
): Promise<VignetteRun> {
  ruleSet ??= loadRuleSetSync(DEFAULT_CONTENT);
  const draftOrders = drafts === undefined ? undefined : resourcesOf(drafts);
  let n = 0;
  const outcome = await evaluateRecord(recordFromBundle(bundle, 'bundle'), {
    ruleSet,
    hook: input.hook,
    now: input.now,
    uuid: () => `00000000-0000-4000-8000-${String((n += 1)).padStart(12, '0')}`,
    ...(draftOrders ? { draftOrders } : {}),
    ...(input.selections ? { selections: input.selections } : {}),
    ...((patientId ?? input.patient) ? { patientId: patientId ?? input.patient } : {}),
    // The D-dimer and scan verdicts are read by the decision through their memos, and no card text
    // names these facts any more: computed here, their evidence says which results raised caution.
    alsoCompute: VERDICT_FACTS,
  });
  const cards = outcome.response.cards.map((c) => ({
    id: c.source.topic?.code ?? '',
    indicator: c.indicator,
    summary: c.summary,
  }));
  const support = new Map<string, ReadonlySet<string>>();
  for (const result of outcome.evaluation.fired) {
    support.set(
      result.ruleId,
      supportOf(
        result.conditions.map((t) => t.fact),
        outcome.facts,
      ),
    );
  }
  const messages = outcome.facts.get('dataQuality.messages')?.value;
  const raising = new Set<string>();
  for (const fact of outcome.facts.values()) {
    if (RAISING.has(fact.value)) {
      [...(fact.evidence ?? []), ...(fact.ignored ?? [])].forEach((e) => raising.add(e.resource));
    }
  }
  return {
    issues: outcome.issues.map((i) => i.message),
    raising,
    cards,
    support,
    dataQuality:
      cards.some((c) => c.id === 'data-quality') && Array.isArray(messages)
        ? (messages as string[])
        : [],
  };
}

/**
 * Evaluates every case once, untransformed: the baselines the relations compare with.
 * @param inputs - the cases
 * @returns each case's run, by case name
 */
export async function runBaselines(
  inputs: readonly VignetteInput[],
): Promise<Map<string, VignetteRun>> {
  const baselines = new Map<string, VignetteRun>();
  for (const input of inputs) {
    baselines.set(
      input.name,
      await runVignette(input, input.bundle, input.drafts, contextPatientId(input)),
    );
  }
  return baselines;
}

/**
 * The context patient id of a vignette: its `patient`, else the id of the bundle's Patient.
 * @param input - the case
 * @returns the id, if the bundle names one
 */
export function contextPatientId(input: VignetteInput): string | undefined {
  if (input.patient) {
    return input.patient;
  }
  const patient = resourcesOf(input.bundle).find((r) => r.resourceType === 'Patient');
  return patient?.id;
}

/** Resources of a bundle JSON (drafts and records alike). */
export function resourcesOf(bundle: unknown): FhirResource[] {
  return recordFromBundle(bundle, 'bundle').entries.map((e) => e.resource);
}

/** Every resource the named facts — and, transitively, the facts derived ones name — used or looked at. */
function supportOf(names: readonly string[], facts: FactSet): Set<string> {
  const refs = new Set<string>();
  const seen = new Set<string>();
  const queue = [...names];
  while (queue.length > 0) {
    const name = queue.pop() ?? '';
    if (seen.has(name)) {
      continue;
    }
    seen.add(name);
    const fact = facts.get(name);
    [...(fact?.evidence ?? []), ...(fact?.ignored ?? [])].forEach((e) => refs.add(e.resource));
    const params = (ruleSet?.facts.get(name)?.source as { params?: unknown } | undefined)?.params;
    queue.push(
      ...(JSON.stringify(params ?? {})
        .match(/"[a-zA-Z]+\.[a-zA-Z0-9.]+"/g)
        ?.map((s) => s.slice(1, -1)) ?? []),
    );
  }
  return refs;
}
