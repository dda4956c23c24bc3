/**
 * Plain readings of recorded questionnaire answers (a structured bedside assessment a clinician filled
 * in), for mechanisms that weigh them against the record. The host adapter finds the responses to one
 * questionnaire and reads their boolean answers by item id; the mechanism decides which response counts
 * and what each answer means. Nothing here names a clinical questionnaire.
 */
import type { ReadingStatus, ReadingTime } from './record-reading';

/** Which responses to read. */
export interface AnswersQuery {
  /** Canonical url of the questionnaire answered; a `|version` suffix on a response is ignored. */
  readonly questionnaire: string;
}

/** One recorded response, read. */
export interface AnswersReading {
  /** `Type/id`, for evidence and issue locations. */
  readonly ref: string;
  /** When it was authored (null when it has no usable date). */
  readonly time: ReadingTime | null;
  /** Element the time was read from, for an issue location. */
  readonly timePath: string;
  /** Whether the response counts: a finished response (completed or amended) does; a draft does not. */
  readonly status: ReadingStatus;
  /**
   * Item id → its boolean answer, items inside groups included; the first boolean answer of an item
   * counts, and an item without one is not in the map (not answered).
   */
  readonly answers: ReadonlyMap<string, boolean>;
}
