import { appendFile, mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FeedbackRecord } from './feedback-store';
import { createJsonlFeedbackStore } from './jsonl-feedback-store';

const record = (card: string): FeedbackRecord => ({
  kind: 'feedback',
  at: '2026-01-15T10:00:00Z',
  serviceId: 's',
  card,
  outcome: 'accepted',
  outcomeTimestamp: '2026-01-15T09:00:00Z',
});

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'soleus-jsonl-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('createJsonlFeedbackStore', () => {
  it('appends one line per record; concurrent appends all land in order of call', async () => {
    const path = join(dir, 'nested', 'feedback.jsonl');
    const store = createJsonlFeedbackStore(path);
    await Promise.all(['a', 'b', 'c', 'd'].map((card) => store.append([record(card)])));
    await store.close();
    const lines = (await readFile(path, 'utf8')).trim().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as { card: string }).card)).toEqual([
      'a',
      'b',
      'c',
      'd',
    ]);
  });

  it('a missing file reads as an empty store', async () => {
    const store = createJsonlFeedbackStore(join(dir, 'none.jsonl'));
    expect(await store.read()).toEqual({ records: [], issues: [] });
  });

  it.each<[string, string, string[], { pointer: string; torn: boolean }[]]>([
    [
      'a torn last line after a crash is skipped with a warning',
      '{"kind":"feedback","card":"t',
      ['a', 'b'],
      [{ pointer: '/2', torn: true }],
    ],
    [
      'a damaged middle line is skipped with a warning, the rest is read',
      'garbage\n' + JSON.stringify(record('c')) + '\n',
      ['a', 'b', 'c'],
      [{ pointer: '/2', torn: false }],
    ],
    [
      'a JSON line of another kind is skipped',
      '{"kind":"other"}\n',
      ['a', 'b'],
      [{ pointer: '/2', torn: false }],
    ],
  ])('%s', async (_name, tail, wantCards, wantIssues) => {
    const path = join(dir, 'f.jsonl');
    await writeFile(path, [record('a'), record('b')].map((r) => JSON.stringify(r) + '\n').join(''));
    await appendFile(path, tail);
    const { records, issues } = await createJsonlFeedbackStore(path).read();
    expect(records.map((r) => (r.kind === 'feedback' ? r.card : ''))).toEqual(wantCards);
    expect(issues).toEqual(
      wantIssues.map((w) =>
        expect.objectContaining({
          severity: 'warning',
          code: 'SOLEUS_SERVER_FEEDBACK_STORE',
          location: { file: path, pointer: w.pointer },
          message: expect.stringContaining(w.torn ? 'torn last line' : 'unreadable line'),
        }),
      ),
    );
  });

  it('a failed write rejects the append (the caller answers 500), it is never silent', async () => {
    await writeFile(join(dir, 'blocker'), '');
    const blocked = createJsonlFeedbackStore(join(dir, 'blocker', 'f.jsonl'));
    await expect(blocked.append([record('a')])).rejects.toMatchObject({ code: expect.any(String) });
  });
  it('a restart reopens the existing file and appends to it (the history is never truncated)', async () => {
    const path = join(dir, 'f.jsonl');
    const first = createJsonlFeedbackStore(path);
    await first.append([record('a'), record('b')]);
    await first.close();
    const second = createJsonlFeedbackStore(path); // a new process on the same file
    await second.append([record('c')]);
    await second.close();
    const { records, issues } = await createJsonlFeedbackStore(path).read();
    expect(records.map((r) => (r.kind === 'feedback' ? r.card : ''))).toEqual(['a', 'b', 'c']);
    expect(issues).toEqual([]);
  });

  it('after a crash left a torn last line, the next record starts a line of its own', async () => {
    const path = join(dir, 'f.jsonl');
    await writeFile(path, JSON.stringify(record('a')) + '\n{"kind":"feedback","card":"t');
    const store = createJsonlFeedbackStore(path);
    await store.append([record('b')]);
    await store.close();
    const { records, issues } = await store.read();
    expect(records.map((r) => (r.kind === 'feedback' ? r.card : ''))).toEqual(['a', 'b']);
    expect(issues).toEqual([expect.objectContaining({ location: { file: path, pointer: '/1' } })]);
  });

  it('an append resolves only after its write was followed by fsync (a resolved record survives a crash)', async () => {
    // FileHandle is not exported by node:fs/promises; its prototype is reached through a handle.
    const probe = await open(join(dir, 'probe'), 'w');
    const proto = Object.getPrototypeOf(probe) as { write: unknown; sync: unknown };
    await probe.close();
    const calls: string[] = [];
    const realWrite = proto.write as (...args: unknown[]) => Promise<unknown>;
    const realSync = proto.sync as (...args: unknown[]) => Promise<void>;
    const write = jest.spyOn(proto, 'write' as never).mockImplementation(function (
      this: unknown,
      ...args: unknown[]
    ) {
      calls.push('write');
      return realWrite.apply(this, args);
    } as never);
    const sync = jest.spyOn(proto, 'sync' as never).mockImplementation(function (
      this: unknown,
      ...args: unknown[]
    ) {
      calls.push('sync');
      return realSync.apply(this, args);
    } as never);
    try {
      const store = createJsonlFeedbackStore(join(dir, 'f.jsonl'));
      await store.append([record('a')]).then(() => calls.push('resolved'));
      await store.append([record('b')]).then(() => calls.push('resolved'));
      await store.close();
    } finally {
      write.mockRestore();
      sync.mockRestore();
    }
    expect(calls).toEqual(['write', 'sync', 'resolved', 'write', 'sync', 'resolved']);
  });
});
