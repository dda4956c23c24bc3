/**
 * A durable append-only JSONL {@link FeedbackStore}: one JSON record per line, appended through one
 * file handle opened with `a`. Appends that arrive while a write is in flight are coalesced into the
 * next batch, and each batch is one `write` + one `fsync`, so a resolved `append` survives a crash.
 * A crash mid-write can leave a torn last line; `read` skips it (and any other unreadable line) with a
 * warning issue instead of failing, so one bad line never hides the rest of the history. Before the
 * first write after opening (a restart after a crash) and after a failed write, the file's last byte is
 * checked and a newline ends any torn line, so the next acknowledged record starts a line of its own
 * instead of being glued to the torn text.
 */
import { mkdir, open, readFile, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Issue } from '@soleus/core';
import type { FeedbackReadResult, FeedbackRecord, FeedbackStore } from './feedback-store';

interface Pending {
  readonly text: string;
  readonly resolve: () => void;
  readonly reject: (err: unknown) => void;
}

/**
 * Creates a JSONL store at `path` (parent directories are created).
 * @param path - the file to append to
 * @returns the store
 */
export function createJsonlFeedbackStore(path: string): FeedbackStore {
  let handle: Promise<FileHandle> | undefined;
  let queue: Pending[] = [];
  let flushing: Promise<void> | undefined;
  let tailChecked = false;
  const getHandle = (): Promise<FileHandle> =>
    (handle ??= mkdir(dirname(path), { recursive: true }).then(() => open(path, 'a+')));

  const flush = async (): Promise<void> => {
    while (queue.length > 0) {
      const batch = queue;
      queue = [];
      try {
        const file = await getHandle();
        if (!tailChecked) {
          await endTornLine(file);
          tailChecked = true;
        }
        await file.write(batch.map((p) => p.text).join(''));
        await file.sync();
        batch.forEach((p) => p.resolve());
      } catch (err) {
        tailChecked = false; // the failed write may have left part of a line
        batch.forEach((p) => p.reject(err));
      }
    }
    flushing = undefined;
  };

  return {
    append: (records) => {
      if (records.length === 0) {
        return Promise.resolve();
      }
      const text = records.map((r) => `${JSON.stringify(r)}\n`).join('');
      const done = new Promise<void>((resolve, reject) => queue.push({ text, resolve, reject }));
      flushing ??= flush();
      return done;
    },
    read: () => readJsonl(path),
    close: async () => {
      await flushing;
      if (handle) {
        await (await handle).close();
        handle = undefined;
      }
    },
  };
}

/** Appends a newline when the file's last byte is not one (a torn last line). */
async function endTornLine(file: FileHandle): Promise<void> {
  const { size } = await file.stat();
  if (size === 0) {
    return;
  }
  const last = Buffer.alloc(1);
  await file.read(last, 0, 1, size - 1);
  if (last[0] !== 0x0a) {
    await file.write('\n');
  }
}

/**
 * Reads a JSONL feedback file, skipping unreadable lines with a warning each.
 * @param path - the file
 * @returns the records and the skip issues; a missing file is an empty store
 */
async function readJsonl(path: string): Promise<FeedbackReadResult> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      return { records: [], issues: [] };
    }
    throw err;
  }
  const records: FeedbackRecord[] = [];
  const issues: Issue[] = [];
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    if (line.trim() === '') {
      return;
    }
    const record = parseRecord(line);
    if (record) {
      records.push(record);
    } else {
      const torn = index === lines.length - 1;
      issues.push(skipIssue(path, index + 1, torn));
    }
  });
  return { records, issues };
}

function parseRecord(line: string): FeedbackRecord | undefined {
  try {
    const value = JSON.parse(line) as { kind?: unknown };
    return value.kind === 'cards' || value.kind === 'feedback'
      ? (value as FeedbackRecord)
      : undefined;
  } catch {
    return undefined;
  }
}

function skipIssue(path: string, lineNumber: number, torn: boolean): Issue {
  return {
    severity: 'warning',
    code: 'SOLEUS_SERVER_FEEDBACK_STORE',
    message: torn
      ? `${path}:${lineNumber}: expected a complete JSON record; found a torn last line (a write cut short by a crash), skipped`
      : `${path}:${lineNumber}: expected a JSON record with kind "cards" or "feedback"; found an unreadable line, skipped`,
    location: { file: path, pointer: `/${lineNumber - 1}` },
  };
}
