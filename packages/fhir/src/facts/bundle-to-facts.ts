/**
 * FHIR R4 → facts. One pass indexes the record; then every fact the hook's rules read is computed by the
 * builder its `source.kind` names, on demand and memoised (derived facts read simpler ones). Data-quality facts come
 * last, so they count every issue the other facts raised. Nothing here reads a clock: `now` is given.
 */
import type { FhirResource, MedicationRequest } from 'fhir/r4';
import { SoleusError, type Fact, type FactSet, type Issue, type RuleSet } from '@soleus/core';
import type { Hook } from '../evaluate/hooks';
import type { PatientRecord } from '../record/record-from-bundle';
import type { FactContext } from './fact-context';
import { buildFact } from './build-fact';
import { compiledSources } from './compiled-sources';
import { factRequirements } from './fact-requirements';
import { factsUsedByHook } from './facts-used-by-hook';
import { IssueCollector } from './issue-collector';
import { indexRecord } from './record-index';
import { shippedRxnormIndex } from '../medications/rxnorm/load-rxnorm-index';
import type { RxnormIndex } from '../medications/rxnorm/rxnorm-index';
import { sanitiseRecord } from '../sanitise/sanitise-record';

/** Options for {@link bundleToFacts}. */
export interface BundleToFactsOptions {
  readonly ruleSet: RuleSet;
  readonly hook: Hook;
  /** Evaluation instant (ISO 8601). */
  readonly now: string;
  /** The hook's `context.draftOrders` entries. */
  readonly draftOrders?: readonly FhirResource[];
  /** order-select `context.selections` (`Type/id`). */
  readonly selections?: readonly string[];
  /** The medication index (default: the shipped one; a site's own from `soleus rxnorm import`). */
  readonly rxnormIndex?: RxnormIndex;
  /**
   * Catalogue facts to compute besides those the hook's rules read (e.g. `dvt.wellsBreakdown` for the
   * Wells app). Names not in the catalogue stay unknown.
   */
  readonly alsoCompute?: readonly string[];
}

/**
 * Computes every catalogue fact for one patient record.
 * @param record - the patient's resources
 * @param options - rule set (catalogue + terminology), hook, now, drafts, selections
 * @returns the facts and the data-quality issues raised while computing them
 * @throws {SOLEUS_ENGINE_INVALID_NOW} when `now` is not an instant
 * @throws {SOLEUS_FACT_SCHEMA} when a catalogue fact's source is not one this adapter understands
 */
export function bundleToFacts(
  record: PatientRecord,
  options: BundleToFactsOptions,
): { facts: FactSet; issues: Issue[] } {
  const nowMs = Date.parse(options.now);
  if (Number.isNaN(nowMs)) {
    throw new SoleusError(
      'SOLEUS_ENGINE_INVALID_NOW',
      `now: expected an ISO 8601 instant, found "${options.now}"`,
    );
  }
  const sources = compiledSources(options.ruleSet);
  const issues = new IssueCollector();
  record.issues.forEach((issue) => issues.add(issue));
  const clean = sanitiseRecord(record.entries, options.draftOrders ?? [], issues);
  const allDrafts = clean.drafts;
  const draftEntries = allDrafts.map((resource) => ({ resource }));
  const index = indexRecord([...clean.entries, ...draftEntries], options.ruleSet.terminology);
  const facts = new Map<string, Fact>();
  const inProgress = new Set<string>();
  const ctx: FactContext = {
    nowMs,
    nowIso: new Date(nowMs).toISOString(),
    hook: options.hook,
    index,
    ruleSet: options.ruleSet,
    drafts: countingDrafts(options.hook, allDrafts, options.selections),
    allDrafts,
    issues,
    rxnorm: options.rxnormIndex ?? shippedRxnormIndex(),
    params: (packId) => options.ruleSet.packs.get(packId)?.parameters ?? {},
    fact: (name) => computeFact(name),
    unknownDataOf: unknownDataReader(options.ruleSet, record.unknownTypes ?? []),
  };
  function computeFact(name: string): Fact {
    const known = facts.get(name);
    if (known) {
      return known;
    }
    const entry = sources.get(name);
    if (!entry || inProgress.has(name)) {
      return { value: null };
    }
    inProgress.add(name);
    const fact = buildFact(entry.definition, entry.source, ctx);
    inProgress.delete(name);
    facts.set(name, fact);
    return fact;
  }
  const deferred: string[] = [];
  for (const name of factsUsedByHook(options.ruleSet, options.hook)) {
    if (sources.get(name)?.source.kind === 'issues') {
      deferred.push(name);
    } else {
      computeFact(name);
    }
  }
  (options.alsoCompute ?? []).forEach(computeFact);
  deferred.forEach(computeFact);
  return { facts, issues: issues.list() };
}

function unknownDataReader(
  ruleSet: RuleSet,
  unknownTypes: readonly string[],
): (name: string) => readonly string[] {
  if (unknownTypes.length === 0) {
    return () => [];
  }
  const unknown = new Set(unknownTypes);
  return (name) => [
    ...new Set(
      factRequirements(ruleSet, name)
        .map((r) => r.resourceType)
        .filter((type) => unknown.has(type)),
    ),
  ];
}

/** order-sign: every draft MedicationRequest; order-select: only the selected ones; patient-view: none. */
function countingDrafts(
  hook: Hook,
  drafts: readonly FhirResource[],
  selections: readonly string[] | undefined,
): MedicationRequest[] {
  if (hook === 'patient-view') {
    return [];
  }
  const requests = drafts.filter(
    (r): r is MedicationRequest => r.resourceType === 'MedicationRequest',
  );
  if (hook === 'order-sign' || selections === undefined) {
    return requests;
  }
  const selected = new Set(selections);
  return requests.filter((r) => selected.has(`MedicationRequest/${r.id ?? ''}`));
}
