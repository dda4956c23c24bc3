// Opening, empty appends, closing and reading edge cases of the JSONL store (the durability of appends
// is in jsonl-feedback-store.test.ts).
import { access, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
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
const line = (card: string): string => `${JSON.stringify(record(card))}\n`;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'soleus-jsonl-life-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('createJsonlFeedbackStore lifecycle', () => {
  it('a restart on a file that ends with a newline adds no blank line', async () => {
    const path = join(dir, 'f.jsonl');
    await writeFile(path, line('a'));
    const store = createJsonlFeedbackStore(path);
    await store.append([record('b')]);
    await store.close();
    expect(await readFile(path, 'utf8')).toBe(line('a') + line('b'));
  });

  it('an empty append resolves without opening (or creating) the file', async () => {
    const path = join(dir, 'f.jsonl');
    const store = createJsonlFeedbackStore(path);
    await store.append([]);
    await store.close();
    await expect(access(path)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('closing a store that never wrote resolves', async () => {
    await expect(createJsonlFeedbackStore(join(dir, 'f.jsonl')).close()).resolves.toBeUndefined();
  });

  it('a read error other than a missing file is not an empty store', async () => {
    const path = join(dir, 'a-directory');
    await mkdir(path);
    await expect(createJsonlFeedbackStore(path).read()).rejects.toMatchObject({ code: 'EISDIR' });
  });

  it('a whitespace-only line is skipped without an issue', async () => {
    const path = join(dir, 'f.jsonl');
    await writeFile(path, line('a') + '   \n' + line('b'));
    expect(await createJsonlFeedbackStore(path).read()).toEqual({
      records: [record('a'), record('b')],
      issues: [],
    });
  });
});
