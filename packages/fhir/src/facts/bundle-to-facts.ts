/**
 * FHIR R4 → facts. One pass indexes the record; then every fact the hook's rules read is computed by the
 * builder its `source.kind` names, on demand and memoised (derived facts read simpler ones). Every
 * read is recorded, so each data-quality issue can say which facts it could have changed
 * (resolve-issue-concerns.ts). The data-quality facts start empty: which issues a clinician reads is
 * decided after evaluation (evaluate/route-issues.ts). Nothing here reads a clock: `now` is given.
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
import { memoPerRequest } from './memo-per-request';
import { ReadGraph } from './read-graph';
import { recordReader } from './record-reader';
import { indexRecord, type RecordIndex } from './record-index';
import { resolveIssueConcerns } from './resolve-issue-concerns';
import { refileUnderContextPatient } from '../record/refile-under-context-patient';
import { scopeRecord, type ScopedRecord } from '../record/scope-record';
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
  /**
   * The context patient (CDS Hooks `context.patientId`). Only this patient's resources count; without it
   * the record is the one of its only Patient (see scopeRecord).
   */
  readonly patientId?: string;
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
 * @returns the facts, the data-quality issues raised while computing them (each with the facts it
 *   concerns) and the record index (to describe resources in card text)
 * @throws {SOLEUS_ENGINE_INVALID_NOW} when `now` is not an instant
 * @throws {SOLEUS_FACT_SCHEMA} when a catalogue fact's source is not one this adapter understands
 * @throws {SOLEUS_FHIR_PATIENT_AMBIGUOUS} when no patient id is given and the record holds several
 */
export function bundleToFacts(record: PatientRecord, options: BundleToFactsOptions): FactsOutcome {
  return computeFacts(record, options, true);
}

/** `misfiled`: also tell which facts the entries left out as another patient's could have changed. */
function computeFacts(
  record: PatientRecord,
  options: BundleToFactsOptions,
  misfiled: boolean,
): FactsOutcome {
  const nowMs = Date.parse(options.now);
  if (Number.isNaN(nowMs)) {
    throw new SoleusError(
      'SOLEUS_ENGINE_INVALID_NOW',
      `now: expected an ISO 8601 instant, found "${options.now}"`,
    );
  }
  const sources = compiledSources(options.ruleSet);
  const reads = new ReadGraph();
  const issues = new IssueCollector(() => reads.current());
  // The one entrance every path shares: another patient's data and superseded versions never get in
  // (scoped before the reading layer, so they are never read, nor reported one by one).
  const scoped = scopeRecord(record.entries, options.draftOrders ?? [], options.patientId);
  [...record.issues, ...scoped.issues].forEach((issue) => issues.add(issue));
  const clean = sanitiseRecord(scoped.entries, scoped.drafts, issues);
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
    reads,
    records: recordReader(index),
    memo: (key, compute) => memoPerRequest(ctx, key, compute),
  };
  function computeFact(name: string): Fact {
    const known = facts.get(name);
    if (known) {
      reads.read(name);
      return known;
    }
    const entry = sources.get(name);
    if (!entry || inProgress.has(name)) {
      reads.read(name);
      return { value: null };
    }
    inProgress.add(name);
    const fact = reads.within(name, () => buildFact(entry.definition, entry.source, ctx));
    inProgress.delete(name);
    facts.set(name, fact);
    return fact;
  }
  factsUsedByHook(options.ruleSet, options.hook).forEach(computeFact);
  (options.alsoCompute ?? []).forEach(computeFact);
  const resolved = resolveIssueConcerns(issues.list(), {
    ruleSet: options.ruleSet,
    facts,
    index,
    collector: issues,
    reads,
    outOfScope: misfiled ? factsMisfiledDataWouldChange(scoped, record, options, facts) : [],
  });
  return { facts, issues: resolved, index };
}

/**
 * The facts whose value would differ had the entries left out as another patient's been this
 * patient's: computed once more on the record with them re-filed (only when there are any).
 */
function factsMisfiledDataWouldChange(
  scoped: ScopedRecord,
  record: PatientRecord,
  options: BundleToFactsOptions,
  facts: ReadonlyMap<string, Fact>,
): string[] {
  const refiled = refileUnderContextPatient(scoped);
  if (refiled === null) {
    return [];
  }
  const whatIf = computeFacts(
    { ...record, entries: refiled.entries, issues: [] },
    {
      ...options,
      draftOrders: refiled.drafts,
      alsoCompute: [...facts.keys()],
      ...(refiled.patientId === undefined ? {} : { patientId: refiled.patientId }),
    },
    false,
  ).facts;
  const valueOf = (fact: Fact | undefined) => JSON.stringify(fact?.value ?? null);
  return [...facts]
    .filter(([name, fact]) => valueOf(fact) !== valueOf(whatIf.get(name)))
    .map(([name]) => name);
}

/** What {@link bundleToFacts} computed for one record. */
export interface FactsOutcome {
  readonly facts: FactSet;
  /** Every issue raised, in the order first raised; `concerns.facts` names what each could change. */
  readonly issues: Issue[];
  /** The record's index (resolves references when card text describes a resource). */
  readonly index: RecordIndex;
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
