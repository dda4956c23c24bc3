import type { FeedbackRecord } from './feedback-store';
import { createMemoryFeedbackStore } from './memory-feedback-store';

const record = (card: string): FeedbackRecord => ({
  kind: 'feedback',
  at: '2026-01-15T10:00:00Z',
  serviceId: 's',
  card,
  outcome: 'accepted',
  outcomeTimestamp: '2026-01-15T09:00:00Z',
});
const cards = async (store: ReturnType<typeof createMemoryFeedbackStore>): Promise<string[]> =>
  (await store.read()).records.map((r) => (r.kind === 'feedback' ? r.card : ''));

describe('createMemoryFeedbackStore', () => {
  it('reads back what was appended, in order, with no issues', async () => {
    const store = createMemoryFeedbackStore();
    await store.append([record('a'), record('b')]);
    await store.append([record('c')]);
    expect(await store.read()).toEqual({
      records: [record('a'), record('b'), record('c')],
      issues: [],
    });
    await expect(store.close()).resolves.toBeUndefined();
  });

  it('keeps exactly maxRecords records, then drops the oldest', async () => {
    const store = createMemoryFeedbackStore(2);
    await store.append([record('a'), record('b')]);
    expect(await cards(store)).toEqual(['a', 'b']);
    await store.append([record('c')]);
    expect(await cards(store)).toEqual(['b', 'c']);
  });
});
