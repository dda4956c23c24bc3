/**
 * Plain readings of record entries, for mechanisms that interpret the record itself (the pregnancy
 * assessment, the DVT episode): the host adapter finds the entries of a value set, applies its status
 * rules and reads their values; the mechanism gets these FHIR-free objects and decides what they mean.
 * Nothing here names a clinical concept: a query is a resource kind, a value set and, for coded
 * results, the value sets that mean positive and negative.
 */
import type { AnswersQuery, AnswersReading } from './answers-reading';
import type { EntryDescription } from './entry-description';

/** The record kinds a mechanism may read. */
export type ReadingKind = 'Observation' | 'Condition' | 'DiagnosticReport' | 'Encounter';

/**
 * The side of the body an entry is about, as the record states it (from its code or body site): `bilateral`
 * is both sides (never one side), `unknown` is not stated.
 */
export type ReadingSide = 'left' | 'right' | 'bilateral' | 'unknown';

/** What an entry is used for, for the status rules of Conditions (docs/reference/status-rules.md). */
export type ReadingUse = 'current' | 'risk' | 'history' | 'confirmed';

/** Which entries to read. */
export interface RecordQuery {
  readonly kind: ReadingKind;
  /**
   * Value set (url or id) of the entry's code (an Encounter's first reason). Omitted: every entry of
   * the kind (only for kinds whose other fields decide, e.g. an Encounter's class and status).
   */
  readonly valueSet?: string;
  /** Condition status rules to apply (default `current`). */
  readonly use?: ReadingUse;
  /** Coded results in this value set read as positive (Observations). */
  readonly positiveValueSet?: string;
  /** Coded results in this value set read as negative (Observations). */
  readonly negativeValueSet?: string;
  /** Other value sets to test the entry's code against (the reading's `alsoIn` lists those it is in). */
  readonly alsoIn?: readonly string[];
  /**
   * Value sets to test the entry's coded results against — an Observation's coded value and
   * interpretation, a report's conclusion codes (the reading's `resultIn` lists those hit).
   */
  readonly resultIn?: readonly string[];
}

/** A quantity as the record gives it (a reference limit, a reported value). */
export interface ReadingQuantity {
  readonly value?: number;
  readonly unit?: string;
  readonly code?: string;
  readonly system?: string;
  readonly comparator?: string;
}

/**
 * Whether an entry counts under the host's status rules, and why not. Observations count when final,
 * amended or corrected with a result; reports when final, amended, corrected or appended; Conditions by
 * their clinical and verification status for the query's `use`.
 */
export interface ReadingStatus {
  readonly counts: boolean;
  /** Why it does not count, for the engineer (explain). */
  readonly reason?: string;
  /** The same as a predicate a clinician reads ("was entered in error"). */
  readonly plain?: string;
  /** A preliminary result with a value: never used to rule out. */
  readonly preliminary?: boolean;
  /**
   * An uncertain Condition (provisional, differential, unconfirmed) in a use that may not rely on it:
   * unknown, neither present nor absent.
   */
  readonly uncertain?: boolean;
  /** The entry breaks an invariant of its format: a data-quality issue to report. */
  readonly issue?: boolean;
  /** Element the status was read from, for the issue location. */
  readonly path: string;
}

/** The value an entry reports. */
export type ReadingValue =
  | {
      readonly kind: 'quantity';
      readonly value: number;
      readonly unit?: string;
      readonly code?: string;
      readonly system?: string;
      readonly comparator?: string;
      /** True when the quantity was read from text. */
      readonly fromText: boolean;
    }
  | { readonly kind: 'positive' | 'negative'; readonly reported: string }
  | { readonly kind: 'none' }
  | {
      readonly kind: 'uninterpretable';
      readonly reason: string;
      readonly path: string;
      /** The same for a clinician, as a predicate ("has a written result that cannot be read"). */
      readonly plain: string;
    };

/** The clinically relevant instant of an entry (effective time, onset) and how precise it is. */
export interface ReadingTime {
  readonly epochMs: number;
  readonly precision: 'year' | 'month' | 'day' | 'time';
}

/** One record entry, read. */
export interface RecordReading {
  /** `Type/id`, for evidence. */
  readonly ref: string;
  readonly time: ReadingTime | null;
  /** Element the time was read from, for an issue location. */
  readonly timePath: string;
  readonly status: ReadingStatus;
  /** The reported value (Observations; `none` for other kinds). */
  readonly value: ReadingValue;
  /** Element the value was read from, for an issue location. */
  readonly valuePath: string;
  /** The entry's codes that are in the query's value set. */
  readonly codes: readonly string[];
  /** The value sets of the query's `alsoIn` that the entry's code is in. */
  readonly alsoIn: readonly string[];
  /** The value sets of the query's `resultIn` that a coded result of the entry is in. */
  readonly resultIn: readonly string[];
  /** The upper reference limit the record gives with a result (Observations), if any. */
  readonly referenceHigh?: ReadingQuantity;
  /** The record's own name for it (code text or first display), when it has one. */
  readonly name?: string;
  /** Its day in words for a clinician line ("21 Nov 2026"), when known to the day. */
  readonly day?: string;
  /** Generic word for the kind when it has no name ("A result", "A diagnosis"). */
  readonly kindWord: string;
  /** The side of the body the entry is about (Conditions, Observations, an Encounter's first reason); absent = unknown. */
  readonly side?: ReadingSide;
  /** A yes/no value (an Observation's valueBoolean), when the entry reports one. */
  readonly booleanValue?: boolean;
  /** Encounters: the visit is in progress now. */
  readonly inProgress?: boolean;
  /** Encounters: the class code (e.g. an HL7 v3 ActCode such as IMP), when recorded. */
  readonly classCode?: string;
}

/** The patient, as far as a mechanism needs it. */
export interface PatientReading {
  /** `Type/id`, for an issue location. */
  readonly ref: string;
  /** Completed years at an instant, or null when the date of birth cannot tell (missing, too coarse). */
  readonly ageAt: (atMs: number) => number | null;
}

/** Reads record entries; the host adapter implements it and hands it to mechanisms. */
export interface RecordReader {
  read(query: RecordQuery): readonly RecordReading[];
  /** The context patient, or null when the record has no Patient resource. */
  patient(): PatientReading | null;
  /** The responses to a questionnaire, every status (absent: the host reads none; then none are known). */
  answers?(query: AnswersQuery): readonly AnswersReading[];
  /** An entry named by `Type/id` in clinician words, or null when the record does not hold it. */
  describe?(ref: string): EntryDescription | null;
}
