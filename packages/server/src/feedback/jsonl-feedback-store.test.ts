import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
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
});
