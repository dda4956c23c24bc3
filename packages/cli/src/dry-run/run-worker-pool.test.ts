import { setTimeout as sleep } from 'node:timers/promises';
import { DEFAULT_CONTENT } from '@soleus/core';
import { runWorkerPool } from './run-worker-pool';
import type { ItemOutcome, PopulationItem } from './population-item';

/**
 * A worker that fails while it is idle (here: its medication index file does not exist, so it fails
 * while loading, before it is given an item) must fail the run with that error. Before the pool kept an
 * `error` listener on each worker for its whole life, such a failure was an unhandled `error` event
 * that ended the host process (it ended a jest run), and a worker that had already exited left the
 * next item waiting forever.
 */
describe('runWorkerPool', () => {
  async function* lateItems(): AsyncIterable<PopulationItem> {
    // Give the workers time to fail while idle; if they are slower, the item finds the failure instead.
    await sleep(3_000);
    yield { index: 0, label: 'late.json', text: '{}' };
  }

  it('fails the run, not the process, when a worker fails before it is given an item', async () => {
    const outcomes: ItemOutcome[] = [];
    await expect(
      runWorkerPool(
        lateItems(),
        2,
        {
          content: DEFAULT_CONTENT,
          settings: { hook: 'patient-view', now: '2026-12-01T00:00:00Z' },
          rxnormIndex: '/nonexistent/site-index.json',
        },
        (o) => outcomes.push(o),
      ),
    ).rejects.toThrow(/medication index|exited with code/);
    expect(outcomes).toEqual([]);
  }, 120_000);
});
