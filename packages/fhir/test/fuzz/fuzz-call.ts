/**
 * One fuzz call: mutate a seed request, send it through `handleCdsRequest`, and judge the answer by
 * the robustness contract (issue 12): never a 500, every 200 validates against the CDS Hooks response
 * rules, no call over the latency bound. Shared by the bounded property test (`pnpm test`) and the
 * long standalone run (`pnpm fuzz`).
 */
import type { RuleSet } from '@soleus/core';
import { handleCdsRequest, type CdsResult } from '../../src/cds-hooks/handle-cds-request';
import type { CdsResponse } from '../../src/cds-hooks/types';
import { validateCdsResponse } from '../../src/cds-hooks/validate-cds-response';
import type { FuzzSeed } from './fuzz-seeds';
import { applyMutations, type Mutation } from './fuzz-mutations';

/** The latency bound of one call, milliseconds. */
export const FUZZ_MAX_MS = 1000;

/** What one mutated call gave. */
export interface FuzzOutcome {
  readonly seed: string;
  readonly touched: readonly string[];
  readonly status: number;
  readonly ms: number;
  /** JSON Pointers of the response that break CDS Hooks rules (200 only). */
  readonly invalid: readonly string[];
  /** Card ids (`source.topic.code`) of a 200. */
  readonly cards: readonly string[];
  readonly result: CdsResult;
  /** The mutated request that was sent. */
  readonly request: Record<string, unknown>;
}

/**
 * Sends one request as it is and judges the answer.
 * @param ruleSet - the rule set
 * @param call - service id, now and the request body
 * @returns the outcome (`touched` empty)
 */
export async function runCall(
  ruleSet: RuleSet,
  call: { serviceId: string; now: string; request: Record<string, unknown>; seed: string },
): Promise<FuzzOutcome> {
  const started = performance.now();
  const result = await handleCdsRequest(call.serviceId, call.request, { ruleSet, now: call.now });
  const ms = performance.now() - started;
  const response = result.status === 200 ? (result.body as CdsResponse) : undefined;
  return {
    seed: call.seed,
    touched: [],
    status: result.status,
    ms,
    invalid: response ? validateCdsResponse(response).map((i) => i.location?.pointer ?? '') : [],
    cards: (response?.cards ?? []).map((c) => c.source.topic?.code ?? ''),
    result,
    request: call.request,
  };
}

/**
 * Runs one mutated request.
 * @param ruleSet - the rule set
 * @param seed - the seed request
 * @param mutations - what to change in it
 * @returns the outcome
 */
export async function runFuzzCall(
  ruleSet: RuleSet,
  seed: FuzzSeed,
  mutations: readonly Mutation[],
): Promise<FuzzOutcome> {
  const { request, touched } = applyMutations(seed.request, mutations);
  const outcome = await runCall(ruleSet, { ...seed, seed: seed.name, request });
  return { ...outcome, touched };
}

/**
 * Names what broke the contract, or undefined when the call kept it.
 * @param outcome - the call's outcome
 * @param maxMs - the latency bound; judged only when given. The long run (`pnpm fuzz`) passes
 *   {@link FUZZ_MAX_MS}; the bounded jest properties leave it out, because a timed assertion in
 *   `pnpm test` measures the machine's load, not the code (latency is the benchmark's job).
 * @returns a one-line description of the failure
 */
export function contractBreach(outcome: FuzzOutcome, maxMs?: number): string | undefined {
  if (outcome.status === 500) {
    const err = outcome.result.internalError;
    const frame = (err?.stack[0] ?? '').replace(/\/.*?\/(packages\/)/, '$1');
    return `500 (${err?.type ?? '?'} ${frame})`;
  }
  if (outcome.invalid.length > 0) {
    return `invalid response at ${outcome.invalid.join(', ')}`;
  }
  if (maxMs !== undefined && outcome.ms > maxMs) {
    return `took ${Math.round(outcome.ms)} ms`;
  }
  return undefined;
}

/**
 * Sends one unmutated request per service, so one-time compilation (a hook's engine, the schemas) is
 * not charged to the first fuzz call.
 * @param ruleSet - the rule set
 * @param seeds - the seeds
 */
export async function warmUp(ruleSet: RuleSet, seeds: readonly FuzzSeed[]): Promise<void> {
  const firstPerService = new Map(seeds.map((seed) => [seed.serviceId, seed] as const));
  for (const seed of firstPerService.values()) {
    await runCall(ruleSet, { ...seed, seed: seed.name, request: { ...seed.request } });
  }
}
