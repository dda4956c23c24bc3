/**
 * FHIR R4 → facts. One pass indexes the record; then every fact the hook's rules read is computed by the
 * builder its `source.kind` names, on demand and memoised (derived facts read simpler ones). Every
 * read is recorded, so each data-quality issue can say which facts it could have changed
 * (resolve-issue-concerns.ts). The data-quality facts start empty: which issues a clinician reads is
 * decided after evaluation (evaluate/route-issues.ts). Nothing here reads a clock: `now` is given.
 */
import type { FhirResource } from 'fhir/r4';
import type { FactSet, Issue, RuleSet } from '@soleus/core';
import type { Hook } from '../evaluate/hooks';
import type { PatientRecord } from '../record/record-from-bundle';
import { factsUsedByHook } from './facts-used-by-hook';
import { openFactSession } from './fact-session';
import type { RecordIndex } from './record-index';
import type { RxnormIndex } from '../medications/rxnorm/rxnorm-index';

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
  const session = openFactSession(record, options);
  session.compute(factsUsedByHook(options.ruleSet, options.hook));
  session.compute(options.alsoCompute ?? []);
  return session.finish();
}

/** What {@link bundleToFacts} computed for one record. */
export interface FactsOutcome {
  readonly facts: FactSet;
  /** Every issue raised, in the order first raised; `concerns.facts` names what each could change. */
  readonly issues: Issue[];
  /** The record's index (resolves references when card text describes a resource). */
  readonly index: RecordIndex;
}
