/**
 * One request's fact computation, opened once and asked for facts as they are needed: the record is
 * scoped, sanitised and indexed when the session opens; each fact is computed on first request by the
 * builder its `source.kind` names and memoised (derived facts read simpler ones through the same
 * memo). `finish` then resolves which facts each data-quality issue could have changed, over the facts
 * computed so far. {@link bundleToFacts} asks for every fact the hook's rules read; the service asks
 * for a card's own facts only when its rule's conditions held (evaluate/compute-and-evaluate.ts).
 */
import type { FhirResource, MedicationRequest } from 'fhir/r4';
import { SoleusError, type Fact, type FactSet, type RuleSet } from '@soleus/core';
import type { Hook } from '../evaluate/hooks';
import type { PatientRecord } from '../record/record-from-bundle';
import type { BundleToFactsOptions, FactsOutcome } from './bundle-to-facts';
import type { FactContext } from './fact-context';
import { buildFact } from './build-fact';
import { compiledSources } from './compiled-sources';
import { factRequirements } from './fact-requirements';
import { factsUsedByHook } from './facts-used-by-hook';
import { IssueCollector } from './issue-collector';
import { memoPerRequest } from './memo-per-request';
import { ReadGraph } from './read-graph';
import { recordReader } from './record-reader';
import { indexRecord } from './record-index';
import { resolveIssueConcerns } from './resolve-issue-concerns';
import { refileUnderContextPatient } from '../record/refile-under-context-patient';
import { scopeRecord, type ScopedRecord } from '../record/scope-record';
import { shippedRxnormIndex } from '../medications/rxnorm/load-rxnorm-index';
import { sanitiseRecord } from '../sanitise/sanitise-record';

/** An open fact computation for one record. */
export interface FactSession {
  /** Computes the named facts not computed yet (names not in the catalogue stay unknown). */
  compute(names: Iterable<string>): void;
  /** Whether the fact has been computed. */
  has(name: string): boolean;
  /** The facts computed so far (the session keeps adding to this map). */
  readonly facts: FactSet;
  /**
   * The facts computed so far, with every issue raised so far and the facts it concerns.
   * @returns the outcome (it may be asked again after more facts were computed)
   */
  finish(): FactsOutcome;
}

/**
 * Opens the fact computation of one record.
 * @param record - the patient's resources
 * @param options - rule set, hook, now, drafts, selections (`alsoCompute` is the caller's to ask for)
 * @param misfiled - also tell which facts the entries left out as another patient's could have changed
 * @returns the session
 * @throws {SOLEUS_ENGINE_INVALID_NOW} when `now` is not an instant
 * @throws {SOLEUS_FHIR_PATIENT_AMBIGUOUS} when no patient id is given and the record holds several
 */
export function openFactSession(
  record: PatientRecord,
  options: BundleToFactsOptions,
  misfiled = true,
): FactSession {
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
  return {
    compute: (names) => {
      for (const name of names) {
        computeFact(name);
      }
    },
    has: (name) => facts.has(name),
    facts,
    finish: () => {
      const resolved = resolveIssueConcerns(issues.list(), {
        ruleSet: options.ruleSet,
        facts,
        index,
        collector: issues,
        reads,
        outOfScope: misfiled ? factsMisfiledDataWouldChange(scoped, record, options, facts) : [],
      });
      return { facts, issues: resolved, index };
    },
  };
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
  const whatIf = openFactSession(
    { ...record, entries: refiled.entries, issues: [] },
    {
      ...options,
      draftOrders: refiled.drafts,
      ...(refiled.patientId === undefined ? {} : { patientId: refiled.patientId }),
    },
    false,
  );
  whatIf.compute(factsUsedByHook(options.ruleSet, options.hook));
  whatIf.compute(facts.keys());
  const after = whatIf.finish().facts;
  const valueOf = (fact: Fact | undefined) => JSON.stringify(fact?.value ?? null);
  return [...facts]
    .filter(([name, fact]) => valueOf(fact) !== valueOf(after.get(name)))
    .map(([name]) => name);
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
