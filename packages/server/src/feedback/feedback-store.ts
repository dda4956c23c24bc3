/**
 * The durable record behind feedback analytics. Two kinds of record share one append-only log:
 * `cards` (written when a service call issues cards: card uuid → rule id, so feedback, which names
 * only the card uuid, can be attributed to a rule later) and `feedback` (one per accepted feedback
 * item). Keeping the mapping in the same store, not in a process-local map, means a summary still
 * attributes feedback after a restart or on another replica reading the same file. Free-text override
 * comments are never stored: they may hold PHI.
 */
import type { Issue } from '@soleus/core';
import type { FeedbackSummary } from './summarize-feedback';

/** Cards issued by one service call. */
export interface CardsIssuedRecord {
  readonly kind: 'cards';
  /** Server time of the call (ISO 8601). */
  readonly at: string;
  readonly serviceId: string;
  readonly hookInstance: string;
  readonly cards: readonly {
    readonly uuid: string;
    readonly ruleId: string;
    readonly indicator: string;
  }[];
}

/** One feedback item as stored. */
export interface FeedbackItemRecord {
  readonly kind: 'feedback';
  /** Server time of receipt (ISO 8601). */
  readonly at: string;
  readonly serviceId: string;
  /** The card uuid the client echoed. */
  readonly card: string;
  readonly outcome: 'accepted' | 'overridden';
  readonly outcomeTimestamp: string;
  readonly acceptedSuggestions?: readonly string[];
  /** Override reason code (`system|code`), never the free-text comment. */
  readonly overrideReason?: string;
}

/** A line of the store. */
export type FeedbackRecord = CardsIssuedRecord | FeedbackItemRecord;

/** What a read returns: every readable record, and an issue for each skipped line. */
export interface FeedbackReadResult {
  readonly records: readonly FeedbackRecord[];
  readonly issues: readonly Issue[];
}

/** An append-only store of card issuance and feedback. */
export interface FeedbackStore {
  /** Appends records durably (one batch, one fsync for file stores); resolves once they are safe. */
  append(records: readonly FeedbackRecord[]): Promise<void>;
  /** Reads every record; unreadable lines are skipped with a warning issue, never fatal. */
  read(): Promise<FeedbackReadResult>;
  /**
   * The per-rule summary of one service, computed where the records are (an SQL aggregate). Stores
   * without it are summarised from {@link FeedbackStore.read} by `summarizeFeedback`; both give the
   * same numbers.
   */
  summarize?(serviceId: string): Promise<FeedbackSummary>;
  /** Flushes and releases resources. */
  close(): Promise<void>;
}
