import type { FhirResource, MedicationRequest } from 'fhir/r4';
import type { Fact, MechanismContext, RuleSet } from '@soleus/core';
import type { Hook } from '../evaluate/hooks';
import type { RxnormIndex } from '../medications/rxnorm/rxnorm-index';
import type { IssueCollector } from './issue-collector';
import type { ReadGraph } from './read-graph';
import type { RecordIndex } from './record-index';

/** Everything a fact builder may read. Built once per request; `now` is given, never read. */
export interface FactContext extends MechanismContext {
  /** Evaluation instant, epoch ms, and as ISO 8601. */
  readonly nowMs: number;
  readonly nowIso: string;
  readonly hook: Hook;
  readonly index: RecordIndex;
  readonly ruleSet: RuleSet;
  /** The draft orders that count on this hook: all of them on order-sign, the selections on order-select. */
  readonly drafts: readonly MedicationRequest[];
  /** Every draft order of the hook (context only; not evaluated as new orders on order-select). */
  readonly allDrafts: readonly FhirResource[];
  readonly issues: IssueCollector;
  /** The medication index products are identified with. */
  readonly rxnorm: RxnormIndex;
  /** Pack parameters by pack id (pack.json `parameters`). */
  readonly params: (packId: string) => Readonly<Record<string, unknown>>;
  /** Another fact, computed on demand and memoised (derived facts build on simpler ones). */
  readonly fact: (name: string) => Fact;
  /**
   * The resource types a fact reads whose data is unknown in this call (see
   * `PatientRecord.unknownTypes`); empty when the fact rests on complete data. A conclusion drawn
   * from absence (nothing documented → absent) must not stand on these.
   */
  readonly unknownDataOf: (name: string) => readonly string[];
  /**
   * Which fact read which in this request. Facts are read through `fact`, which records it; a
   * mechanism memoised for several facts records its own reads (memoPerRequest), so every issue it
   * raises reaches the facts built on it.
   */
  readonly reads: ReadGraph;
}
