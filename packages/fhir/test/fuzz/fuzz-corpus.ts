/**
 * The regression corpus of the fuzzer (test/fixtures/fuzz-corpus): every distinct crash site the
 * fuzzer found, saved as the request that crashed (shrunk to the resources the mutations touched when
 * that still reproduces the crash). `fuzz-corpus.test.ts` replays each one on every `pnpm test`.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the corpus lives. */
export const CORPUS_DIR = join(__dirname, '..', 'fixtures', 'fuzz-corpus');

/** One saved request and how it broke the contract when it was found. */
export interface CorpusCase {
  /** What the fuzzer saw (status and crash site at the time). */
  readonly found: string;
  /** The seed it came from and the mutations, for the record. */
  readonly origin: string;
  readonly serviceId: string;
  readonly now: string;
  readonly request: Record<string, unknown>;
}

/**
 * Reads every case of the corpus.
 * @returns file name → case
 */
export function loadCorpus(): [string, CorpusCase][] {
  return readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => [f, JSON.parse(readFileSync(join(CORPUS_DIR, f), 'utf8')) as CorpusCase]);
}

/**
 * Saves one case under the next free number.
 * @param kase - the case
 * @returns the file name
 */
export function saveCorpusCase(kase: CorpusCase): string {
  mkdirSync(CORPUS_DIR, { recursive: true });
  const next = readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.json')).length + 1;
  const name = `crash-${String(next).padStart(3, '0')}.json`;
  writeFileSync(join(CORPUS_DIR, name), `${JSON.stringify(kase, null, 2)}\n`);
  return name;
}

/**
 * A smaller copy of a mutated request: each prefetch searchset keeps only the entries a mutation
 * touched (paths like `prefetch.observations.entry[3]…`); the Patient read and the draft orders stay.
 * @param request - the mutated request
 * @param touched - `kind path` strings from applyMutations
 * @returns the reduced request
 */
export function shrinkRequest(
  request: Readonly<Record<string, unknown>>,
  touched: readonly string[],
): Record<string, unknown> {
  const copy = structuredClone(request) as Record<string, unknown>;
  const prefetch = copy['prefetch'] as Record<string, unknown> | undefined;
  if (!prefetch || typeof prefetch !== 'object') {
    return copy;
  }
  const keep = new Map<string, Set<number>>();
  for (const line of touched) {
    const match = /prefetch\.([A-Za-z]+)(?:\.entry\[(\d+)\])?/.exec(line);
    if (match?.[1]) {
      const set = keep.get(match[1]) ?? new Set<number>();
      if (match[2] === undefined) {
        set.add(-1); // the whole key was touched: keep it as it is
      } else {
        set.add(Number(match[2]));
      }
      keep.set(match[1], set);
    }
  }
  for (const [key, value] of Object.entries(prefetch)) {
    const entries = (value as { entry?: unknown } | null)?.entry;
    const kept = keep.get(key);
    if (!Array.isArray(entries) || kept?.has(-1)) {
      continue;
    }
    (value as { entry: unknown[] }).entry = entries.filter((_e, i) => kept?.has(i) ?? false);
  }
  return copy;
}
