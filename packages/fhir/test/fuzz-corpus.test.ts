/**
 * Replays the fuzzer's regression corpus (test/fixtures/fuzz-corpus): every request that once crashed
 * the handler (HTTP 500, no cards) or got an invalid response must now get a 200 whose body passes the
 * CDS Hooks response rules, within the latency bound.
 */
import { DEFAULT_CONTENT, loadRuleSet, type RuleSet } from '@soleus/core';
import { contractBreach, runCall } from './fuzz/fuzz-call';
import { loadCorpus } from './fuzz/fuzz-corpus';

let ruleSet: RuleSet;

const corpus = loadCorpus();

beforeAll(async () => {
  ruleSet = await loadRuleSet(DEFAULT_CONTENT);
  // One call per service first: the 1 s bound is per call, not the process's one-time compilation.
  const firstPerService = new Map(corpus.map(([, kase]) => [kase.serviceId, kase] as const));
  for (const kase of firstPerService.values()) {
    await runCall(ruleSet, { ...kase, seed: kase.origin });
  }
});

it('holds every crash site the fuzzer found before the defensive reading layer', () => {
  expect(corpus.length).toBeGreaterThanOrEqual(41);
});

it.each(corpus.map(([file, kase]) => [file, kase.found, kase] as const))(
  '%s (found: %s) now answers 200 with a valid response',
  async (_file, _found, kase) => {
    const outcome = await runCall(ruleSet, { ...kase, seed: kase.origin });
    expect({ status: outcome.status, breach: contractBreach(outcome) }).toEqual({
      status: 200,
      breach: undefined,
    });
  },
);
