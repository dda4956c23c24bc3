/**
 * Property (issue 20): the cards do not depend on the order of the bundle's entries. For vignette cases
 * drawn at random, any shuffle of the record's entries (and of the draft orders) gives the same cards —
 * same ids, indicators and summaries, in the same order — and the same data-quality lines as the
 * bundle as written. The metamorphic suite checks one reversal of every case; this draws arbitrary
 * permutations. Evaluated in-process through evaluateRecord. Seeded and bounded.
 */
import fc from 'fast-check';
import { contextPatientId, runVignette } from './support/metamorphic/run-vignette';
import { loadVignetteCases, type VignetteInput } from './support/metamorphic/vignette-cases';

const SEED = 20261203;
const RUNS = 120;
const cases = loadVignetteCases();

type BundleJson = { entry?: unknown[] } & Record<string, unknown>;

const entries = (bundle: unknown): unknown[] => (bundle as BundleJson).entry ?? [];
const withEntries = (bundle: unknown, entry: unknown[]): unknown => ({
  ...(bundle as BundleJson),
  entry,
});
const permutationOf = <T>(items: T[]) =>
  fc.shuffledSubarray(items, { minLength: items.length, maxLength: items.length });

const reorderedCase = fc.integer({ min: 0, max: cases.length - 1 }).chain((i) => {
  const input = cases[i] as VignetteInput;
  return fc.record({
    input: fc.constant(input),
    record: permutationOf(entries(input.bundle)),
    drafts: permutationOf(input.drafts === undefined ? [] : entries(input.drafts)),
  });
});

describe('cards are independent of the order of the bundle entries', () => {
  it(`gives the same cards for any shuffle of the entries (${RUNS} drawn cases)`, async () => {
    await fc.assert(
      fc.asyncProperty(reorderedCase, async ({ input, record, drafts }) => {
        const patientId = contextPatientId(input);
        const asWritten = await runVignette(input, input.bundle, input.drafts, patientId);
        const shuffled = await runVignette(
          input,
          withEntries(input.bundle, record),
          input.drafts === undefined ? undefined : withEntries(input.drafts, drafts),
          patientId,
        );
        expect({ case: input.name, cards: shuffled.cards, dq: shuffled.dataQuality }).toEqual({
          case: input.name,
          cards: asWritten.cards,
          dq: asWritten.dataQuality,
        });
      }),
      { seed: SEED, numRuns: RUNS },
    );
  }, 120_000);
});
