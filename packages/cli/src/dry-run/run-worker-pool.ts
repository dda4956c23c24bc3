import type { Worker } from 'node:worker_threads';
import type { DryRunWorkerData } from './dry-run-worker';
import type { ItemOutcome, PopulationItem } from './population-item';
import { startDryRunWorker } from './start-dry-run-worker';

/**
 * Evaluates a population on `size` worker threads, each loading the rule set once, and hands the
 * outcomes back in input order so the report does not depend on scheduling.
 * @param items - the population
 * @param size - number of workers (at least 1)
 * @param data - content directories and settings for the workers
 * @param onOutcome - called once per item, in input order
 * @returns when every item has been reported
 * @throws {Error} when a worker fails or exits early (e.g. the rule set does not load in it)
 */
export async function runWorkerPool(
  items: AsyncIterable<PopulationItem>,
  size: number,
  data: DryRunWorkerData,
  onOutcome: (outcome: ItemOutcome) => void,
): Promise<void> {
  const workers = Array.from({ length: size }, () => watched(startDryRunWorker(data)));
  const iterator = items[Symbol.asyncIterator]();
  const ordered = inOrder(onOutcome);
  try {
    await Promise.all(workers.map((w) => drive(w, iterator, ordered)));
  } finally {
    await Promise.all(workers.map((w) => w.worker.terminate()));
  }
}

/** A worker with the first error it raised (or its early exit), whether or not an item was pending. */
interface WatchedWorker {
  readonly worker: Worker;
  failure?: Error;
}

/**
 * Keeps an `error` listener on the worker for its whole life: a worker that fails while idle (e.g. its
 * rule set or medication index does not load before it is given an item) must fail the run, not raise
 * an unhandled `error` event that ends the host process.
 */
function watched(worker: Worker): WatchedWorker {
  const w: WatchedWorker = { worker };
  worker.on('error', (err: Error) => {
    w.failure ??= err;
  });
  worker.on('exit', (code: number) => {
    w.failure ??= new Error(`dry-run worker exited with code ${code} before it was given an item`);
  });
  return w;
}

/** Feeds one worker until the shared iterator is exhausted. */
async function drive(
  w: WatchedWorker,
  iterator: AsyncIterator<PopulationItem>,
  report: (outcome: ItemOutcome) => void,
): Promise<void> {
  for (let next = await iterator.next(); next.done !== true; next = await iterator.next()) {
    if (w.failure !== undefined) {
      throw w.failure;
    }
    report(await ask(w.worker, next.value));
  }
}

function ask(worker: Worker, item: PopulationItem): Promise<ItemOutcome> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    const onMessage = (outcome: ItemOutcome) => {
      cleanup();
      resolve(outcome);
    };
    const onError = (err: Error) => {
      cleanup();
      reject(err);
    };
    const onExit = (code: number) => {
      cleanup();
      reject(new Error(`dry-run worker exited with code ${code} while evaluating ${item.label}`));
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage(item);
  });
}

/** Buffers outcomes that arrive early and releases them in index order. */
function inOrder(onOutcome: (outcome: ItemOutcome) => void): (outcome: ItemOutcome) => void {
  const waiting = new Map<number, ItemOutcome>();
  let next = 0;
  return (outcome) => {
    waiting.set(outcome.index, outcome);
    for (let o = waiting.get(next); o !== undefined; o = waiting.get(next)) {
      waiting.delete(next++);
      onOutcome(o);
    }
  };
}
