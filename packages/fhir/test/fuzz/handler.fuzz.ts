/**
 * The long fuzz run (not part of `pnpm test`): `pnpm fuzz` sends FUZZ_REQUESTS (default 100,000)
 * mutated requests through `handleCdsRequest` with seed FUZZ_SEED (default 12) and prints the tally:
 * statuses, contract breaches (500s, invalid responses, calls over 1 s) grouped by where they broke,
 * and latency percentiles. The numbers in docs/reference/reliability.md come from this run. Set
 * FUZZ_REPORT=path to write the tally as JSON too.
 */
import { writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { DEFAULT_CONTENT, loadRuleSet, type RuleSet } from '@soleus/core';
import {
  contractBreach,
  FUZZ_MAX_MS,
  runCall,
  runFuzzCall,
  warmUp,
  type FuzzOutcome,
} from './fuzz-call';
import { saveCorpusCase, shrinkRequest } from './fuzz-corpus';
import { mutationsArbitrary } from './fuzz-mutations';
import { loadFuzzSeeds, type FuzzSeed } from './fuzz-seeds';

const REQUESTS = Number(process.env['FUZZ_REQUESTS'] ?? 100_000);
const SEED = Number(process.env['FUZZ_SEED'] ?? 12);
const BATCH = 1000;

interface Tally {
  requests: number;
  statuses: Record<string, number>;
  breaches: Record<string, { count: number; example: string }>;
  /** Why non-200 answers refused the call: status, issue code and pointer (indices as *). */
  refusals: Record<string, number>;
  latenciesMs: number[];
}

jest.setTimeout(6 * 60 * 60 * 1000);

it(`keeps the robustness contract over ${REQUESTS} mutated requests`, async () => {
  const ruleSet: RuleSet = await loadRuleSet(DEFAULT_CONTENT);
  const seeds: FuzzSeed[] = loadFuzzSeeds(ruleSet);
  await warmUp(ruleSet, seeds);
  const arbitrary = fc.record({ seed: fc.nat(seeds.length - 1), mutations: mutationsArbitrary });
  const tally: Tally = {
    requests: 0,
    statuses: {},
    breaches: {},
    refusals: {},
    latenciesMs: [],
  };
  const started = performance.now();
  for (let done = 0; done < REQUESTS; done += BATCH) {
    const size = Math.min(BATCH, REQUESTS - done);
    const cases = fc.sample(arbitrary, { seed: SEED + done, numRuns: size });
    for (const c of cases) {
      const seed = seeds[c.seed] as FuzzSeed;
      const outcome = await runFuzzCall(ruleSet, seed, c.mutations);
      tally.requests += 1;
      tally.statuses[outcome.status] = (tally.statuses[outcome.status] ?? 0) + 1;
      tally.latenciesMs.push(outcome.ms);
      if (outcome.status !== 200) {
        const first = outcome.result.issues?.[0];
        const why = `${outcome.status} ${first?.code ?? ''} ${(first?.location?.pointer ?? '').replace(/\/\d+/g, '/*')}`;
        tally.refusals[why] = (tally.refusals[why] ?? 0) + 1;
      }
      const breach = contractBreach(outcome, FUZZ_MAX_MS);
      if (breach !== undefined) {
        const where = breach.replace(/\d+ ms$/, 'slow');
        const origin = JSON.stringify({ seed: seed.name, mutations: c.mutations });
        if (!tally.breaches[where] && process.env['FUZZ_CORPUS'] === '1') {
          await saveToCorpus(ruleSet, seed, outcome, where, origin);
        }
        const entry = (tally.breaches[where] ??= { count: 0, example: origin });
        entry.count += 1;
      }
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const sorted = [...tally.latenciesMs].sort((a, b) => a - b);
  const pct = (p: number): number =>
    Math.round((sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0) * 100) /
    100;
  const summary = {
    requests: tally.requests,
    seed: SEED,
    seeds: seeds.length,
    seconds: Math.round(seconds),
    statuses: tally.statuses,
    breaches: tally.breaches,
    refusals: tally.refusals,
    latencyMs: { p50: pct(0.5), p99: pct(0.99), p999: pct(0.999), max: pct(1) },
  };
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  if (process.env['FUZZ_REPORT']) {
    writeFileSync(process.env['FUZZ_REPORT'], `${JSON.stringify(summary, null, 2)}\n`);
  }
  expect(Object.keys(tally.breaches)).toEqual([]);
});

/** Saves the first request of a new breach site, shrunk when the shrunk one still breaks. */
async function saveToCorpus(
  ruleSet: RuleSet,
  seed: FuzzSeed,
  outcome: FuzzOutcome,
  found: string,
  origin: string,
): Promise<void> {
  const shrunk = shrinkRequest(outcome.request, outcome.touched);
  const again = await runCall(ruleSet, { ...seed, seed: seed.name, request: shrunk });
  const request = contractBreach(again, FUZZ_MAX_MS) === found ? shrunk : outcome.request;
  const name = saveCorpusCase({ found, origin, serviceId: seed.serviceId, now: seed.now, request });
  process.stdout.write(`saved ${name}: ${found}\n`);
}
