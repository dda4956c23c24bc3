/**
 * Audit finding (issue 12): the JSONL feedback store appended after a torn last line (a write cut short
 * by a crash) without ending it first, so the next acknowledged item was glued to the torn text and
 * became unreadable. The file is cut at every byte offset of its last record; after a restart every
 * item acknowledged later must read back.
 */
import { mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FeedbackRecord } from '../src/feedback/feedback-store';
import { createJsonlFeedbackStore } from '../src/feedback/jsonl-feedback-store';

const record = (card: string): FeedbackRecord => ({
  kind: 'feedback',
  at: '2026-01-15T10:00:00Z',
  serviceId: 'soleus-patient-view',
  card,
  outcome: 'overridden',
  // Non-ASCII, so some cuts fall inside a multi-byte character.
  overrideReason: 'https://soleus.dev/fhir/CodeSystem/override-reason|données-erronées',
  outcomeTimestamp: '2026-01-15T09:00:00Z',
});

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'soleus-torn-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

it('reads back every item acknowledged after a crash, wherever the last record was cut', async () => {
  const original = join(dir, 'original.jsonl');
  const first = createJsonlFeedbackStore(original);
  await first.append([record('before-1'), record('before-2')]);
  await first.append([record('torn')]);
  await first.close();
  const bytes = await readFile(original);
  const lastStart = bytes.lastIndexOf(0x0a, bytes.length - 2) + 1;
  const failures: string[] = [];
  for (let cut = lastStart; cut < bytes.length; cut += 1) {
    const path = join(dir, `cut-${cut}.jsonl`);
    await writeFile(path, bytes);
    await truncate(path, cut);
    const restarted = createJsonlFeedbackStore(path);
    await restarted.append([record('after-1')]);
    await restarted.append([record('after-2'), record('after-3')]);
    const { records, issues } = await restarted.read();
    await restarted.close();
    const cards = records.map((r) => (r.kind === 'feedback' ? r.card : ''));
    const wanted = ['before-1', 'before-2', 'after-1', 'after-2', 'after-3'];
    if (!wanted.every((c) => cards.includes(c)) || issues.length > 1) {
      failures.push(`cut at byte ${cut - lastStart} of the last record: read ${cards.join(',')}`);
    }
    await rm(path);
  }
  expect(failures).toEqual([]);
});
