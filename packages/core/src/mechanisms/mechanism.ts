/**
 * The mechanism plugin interface: how a rule pack brings arithmetic that is not a lookup (interval Wells
 * scoring, D-dimer normalisation, Cockcroft-Gault, the acetaminophen daily limit) without the adapter
 * knowing the pack. A catalogue fact whose source is `{ "kind": "derived", "derivation": "<name>" }` is
 * computed by the mechanism registered under `<name>`. Mechanisms are FHIR-free: they read other facts
 * and pack parameters through a {@link MechanismContext}, so they are unit-testable without bundles.
 * See docs/guides/site-packs.md.
 */
import type { Issue } from '../errors';
import type { Fact } from '../facts/fact';
import type { RecordReader } from './records/record-reading';

/** Pack parameters by pack id (pack.json `parameters`); `{}` for an unknown pack. */
export type PackParameters = (packId: string) => Readonly<Record<string, unknown>>;

/** Where a mechanism reports a content fault (a missing or mistyped parameter). */
export interface MechanismIssueSink {
  /** Records an issue (the host de-duplicates by code and location). */
  readonly add: (issue: Issue) => void;
}

/** Everything a mechanism may read while computing one fact. `now` is given, never read. */
export interface MechanismContext {
  /** Evaluation instant, epoch ms, and as ISO 8601. */
  readonly nowMs: number;
  readonly nowIso: string;
  /** Pack parameters by pack id. */
  readonly params: PackParameters;
  /** Another catalogue fact, computed on demand and memoised by the host. */
  readonly fact: (name: string) => Fact;
  readonly issues: MechanismIssueSink;
  /**
   * The record, read plainly (entries of a value set with their status, time and value), for the few
   * mechanisms that interpret entries themselves. Absent when the host has no record: such a mechanism
   * then gives unknown.
   */
  readonly records?: RecordReader;
  /**
   * Computes a value once per evaluation (several facts read one assessment), recording the read so
   * every issue raised while computing it concerns each fact that read it. Absent: computed each time.
   */
  readonly memo?: <T>(key: string, compute: () => T) => T;
  /**
   * The kinds of record data (resource types) a fact is read from that could not be had in this
   * evaluation (a prefetch key omitted or failed, a partial search); empty when that data is complete.
   * A conclusion drawn from absence ("nothing documented, so absent") must not stand on them. Absent:
   * the host reports no missing data, and every fact's data is taken as complete.
   */
  readonly unknownDataOf?: (name: string) => readonly string[];
}

/**
 * A kind of record data a mechanism reads directly (most read only other facts and need none): a
 * resource type, optionally narrowed to codes in a value set or to a status token. The host turns these
 * into prefetch templates.
 */
export interface MechanismRequirement {
  readonly resourceType: string;
  readonly valueSet?: string;
  readonly status?: string;
}

/**
 * A named computation a pack registers. `C` is the context the mechanism needs: FHIR-free mechanisms
 * take {@link MechanismContext}; an adapter may run mechanisms over a richer context of its own.
 */
export interface Mechanism<C extends MechanismContext = MechanismContext> {
  /**
   * Computes the fact. Unknown inputs give `{ value: null }`, never a guess.
   * @param params - the derived source's `params` (input fact names, pack id)
   * @param ctx - facts, pack parameters, `now` and the issue sink
   */
  compute(params: Readonly<Record<string, unknown>>, ctx: C): Fact;
  /**
   * Record data read directly (not through other facts), for prefetch. Omit when the mechanism reads
   * only facts: their own sources carry the requirements.
   */
  requires?(
    params: Readonly<Record<string, unknown>>,
    pack: PackParameters,
  ): readonly MechanismRequirement[];
  /**
   * Checks the source `params` and the pack parameters the mechanism will read, when the rule set
   * loads, so a typo fails `soleus validate` instead of the first request.
   * @returns one issue per fault (code SOLEUS_FACT_PARAMETER); empty when all is well
   */
  checkParams?(params: Readonly<Record<string, unknown>>, pack: PackParameters): readonly Issue[];
}

/** Mechanisms by the name derived fact sources give. */
export type MechanismRegistry = ReadonlyMap<string, Mechanism>;
