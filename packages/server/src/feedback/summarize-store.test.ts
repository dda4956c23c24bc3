import type { FeedbackStore } from './feedback-store';
import { createMemoryFeedbackStore } from './memory-feedback-store';
import { summarizeStore } from './summarize-store';
import type { FeedbackSummary } from './summarize-feedback';

describe('summarizeStore', () => {
  it('uses the store’s own aggregation when it has one (PostgreSQL), not its records', async () => {
    const own: FeedbackSummary = { rules: [], unattributed: 7 };
    const summarize = jest.fn(() => Promise.resolve(own));
    const read = jest.fn(() => Promise.reject(new Error('read must not be called')));
    const store: FeedbackStore = {
      append: () => Promise.resolve(),
      read,
      close: () => Promise.resolve(),
      summarize,
    };
    expect(await summarizeStore(store, 'svc')).toEqual({ summary: own, issues: [] });
    expect(summarize).toHaveBeenCalledWith('svc');
    expect(read).not.toHaveBeenCalled();
  });

  it('otherwise summarises the records and passes the store’s read issues on', async () => {
    const memory = createMemoryFeedbackStore();
    await memory.append([
      {
        kind: 'cards',
        at: '2026-01-15T10:00:00Z',
        serviceId: 'svc',
        hookInstance: 'h1',
        cards: [{ uuid: 'u1', ruleId: 'r1', indicator: 'warning' }],
      },
      {
        kind: 'feedback',
        at: '2026-01-15T10:05:00Z',
        serviceId: 'svc',
        card: 'u1',
        outcome: 'overridden',
        outcomeTimestamp: '2026-01-15T10:04:00Z',
      },
    ]);
    const issue = {
      severity: 'warning',
      code: 'SOLEUS_SERVER_FEEDBACK_STORE',
      message: 'skipped',
    } as const;
    const store: FeedbackStore = {
      ...memory,
      read: async () => ({ ...(await memory.read()), issues: [issue] }),
    };
    const { summary, issues } = await summarizeStore(store, 'svc');
    expect(issues).toEqual([issue]);
    expect(summary.rules).toEqual([
      expect.objectContaining({ ruleId: 'r1', cardsIssued: 1, accepted: 0, overridden: 1 }),
    ]);
  });
});
