/**
 * Property-based robustness of handleCdsRequest at the FHIR boundary (issue 12), seeded and bounded so
 * `pnpm test` stays fast; `pnpm fuzz` runs the same model 100,000 times (docs/reference/reliability.md).
 * Seeds are the calf-pain vignettes and the small third-party records; mutations (retype, drop,
 * duplicate, bad unit/code/date/reference, extra field, null entries, object-for-array …) land inside
 * prefetch resources and draft orders.
 */
import fc from 'fast-check';
import { DEFAULT_CONTENT, loadRuleSet, type RuleSet } from '@soleus/core';
import { contractBreach, runCall, runFuzzCall, warmUp } from './fuzz/fuzz-call';
import { mutationsArbitrary } from './fuzz/fuzz-mutations';
import { withMutatedNoise } from './fuzz/fuzz-noise';
import { loadFuzzSeeds, type FuzzSeed } from './fuzz/fuzz-seeds';

const SEED = 12;
/** Runs per property; raise it locally (FUZZ_PROPERTY_RUNS=5000) when changing the adapter. */
const RUNS = Number(process.env['FUZZ_PROPERTY_RUNS'] ?? 250);
let ruleSet: RuleSet;
let seeds: FuzzSeed[];

beforeAll(async () => {
  ruleSet = await loadRuleSet(DEFAULT_CONTENT);
  seeds = loadFuzzSeeds(ruleSet);
  // One clean call per service first: the 1 s bound is about each call, not the one-time compilation
  // of a hook's engine and schemas that the first call of a process pays.
  await warmUp(ruleSet, seeds);
});

jest.setTimeout(60_000);

const pick = (index: number): FuzzSeed => seeds[index % seeds.length] as FuzzSeed;
const withoutDataQuality = (cards: readonly string[]): string[] =>
  cards.filter((c) => c !== 'data-quality').sort();

it('builds a seed from every vignette case and the small third-party records', () => {
  expect(seeds.length).toBeGreaterThan(250);
  expect(new Set(seeds.map((s) => s.request['hook']))).toEqual(
    new Set(['patient-view', 'order-select', 'order-sign']),
  );
});

it('never answers 500, always sends a valid response, and answers within 1 s', async () => {
  await fc.assert(
    fc.asyncProperty(fc.nat(), mutationsArbitrary, async (index, mutations) => {
      const outcome = await runFuzzCall(ruleSet, pick(index), mutations);
      expect({ breach: contractBreach(outcome), touched: outcome.touched }).toEqual({
        breach: undefined,
        touched: outcome.touched,
      });
    }),
    { seed: SEED, numRuns: RUNS },
  );
});

it('keeps the cards of the unmutated record when only other resources are broken', async () => {
  const baseline = new Map<string, string[]>();
  await fc.assert(
    fc.asyncProperty(fc.nat(), mutationsArbitrary, async (index, mutations) => {
      const seed = pick(index);
      let expected = baseline.get(seed.name);
      if (!expected) {
        const clean = await runCall(ruleSet, {
          ...seed,
          seed: seed.name,
          request: { ...seed.request },
        });
        expected = withoutDataQuality(clean.cards);
        baseline.set(seed.name, expected);
      }
      const { request, touched } = withMutatedNoise(seed.request, seed.keyOfType, mutations);
      const outcome = await runCall(ruleSet, { ...seed, seed: seed.name, request });
      expect({ status: outcome.status, cards: withoutDataQuality(outcome.cards), touched }).toEqual(
        {
          status: 200,
          cards: expected,
          touched,
        },
      );
    }),
    { seed: SEED + 1, numRuns: RUNS },
  );
});
