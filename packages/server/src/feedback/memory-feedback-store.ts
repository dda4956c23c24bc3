/**
 * An in-memory {@link FeedbackStore}, bounded so a long-running process cannot grow without limit.
 * It is the default when no file is configured (tests, demos); production uses the JSONL store.
 */
import type { FeedbackReadResult, FeedbackRecord, FeedbackStore } from './feedback-store';

/**
 * Creates an in-memory store that keeps the newest `maxRecords` records.
 * @param maxRecords - most records kept (default 100,000)
 * @returns the store
 */
export function createMemoryFeedbackStore(maxRecords = 100_000): FeedbackStore {
  let records: FeedbackRecord[] = [];
  return {
    append: (batch) => {
      records.push(...batch);
      if (records.length > maxRecords) {
        records = records.slice(records.length - maxRecords);
      }
      return Promise.resolve();
    },
    read: (): Promise<FeedbackReadResult> => Promise.resolve({ records: [...records], issues: [] }),
    close: () => Promise.resolve(),
  };
}
