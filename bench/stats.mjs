// Sample statistics and timing helpers shared by the bench parts.
import { performance } from 'node:perf_hooks';

/**
 * The p-th percentile (nearest rank) of numbers.
 * @param {number[]} values - samples (not modified)
 * @param {number} p - percentile, 0–100
 * @returns {number} the sample at that rank
 */
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/**
 * Median and p95 of samples in ms, rounded to µs.
 * @param {number[]} samples - durations in ms
 * @returns {{ medianMs: number, p95Ms: number, n: number }} the summary
 */
export function summarize(samples) {
  const round = (ms) => Math.round(ms * 1000) / 1000;
  return {
    medianMs: round(percentile(samples, 50)),
    p95Ms: round(percentile(samples, 95)),
    n: samples.length,
  };
}

/**
 * Times an (async) function: `warmUp` untimed calls, then `iterations` timed ones.
 * @param {() => unknown} fn - the work; a fresh input per call is the caller's business
 * @param {{ warmUp: number, iterations: number }} counts - how many calls
 * @returns {Promise<number[]>} durations in ms
 */
export async function time(fn, { warmUp, iterations }) {
  for (let i = 0; i < warmUp; i++) {
    await fn();
  }
  const samples = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return samples;
}

/**
 * Times several (async) functions in turn: `warmUp` untimed rounds, then `iterations` rounds that time
 * each function once, so that a change in machine load during the run hits every function alike.
 * @param {Record<string, () => unknown>} fns - the work by name
 * @param {{ warmUp: number, iterations: number }} counts - how many rounds
 * @returns {Promise<Record<string, number[]>>} durations in ms by name
 */
export async function timeInterleaved(fns, { warmUp, iterations }) {
  const entries = Object.entries(fns);
  for (let i = 0; i < warmUp; i++) {
    for (const [, fn] of entries) {
      await fn();
    }
  }
  const samples = Object.fromEntries(entries.map(([name]) => [name, []]));
  for (let i = 0; i < iterations; i++) {
    for (const [name, fn] of entries) {
      const start = performance.now();
      await fn();
      samples[name].push(performance.now() - start);
    }
  }
  return samples;
}
