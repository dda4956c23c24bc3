import type { FactContext } from '../../facts/fact-context';

const memos = new WeakMap<FactContext, Map<string, unknown>>();

/**
 * Computes a value once per request: several DVT facts read one assessment (e.g. the Wells class, its
 * bounds and its item list), and the record should be walked once. Keyed on the request's context, so
 * nothing outlives the request.
 * @param ctx - the request's fact context
 * @param key - what is memoised
 * @param compute - computes it
 * @returns the memoised value
 */
export function memoPerRequest<T>(ctx: FactContext, key: string, compute: () => T): T {
  let memo = memos.get(ctx);
  if (!memo) {
    memo = new Map();
    memos.set(ctx, memo);
  }
  if (memo.has(key)) {
    return memo.get(key) as T;
  }
  const value = compute();
  memo.set(key, value);
  return value;
}

/**
 * A value memoised by {@link memoPerRequest} in this request, without computing it.
 * @param ctx - the request's fact context
 * @param key - what is memoised
 * @returns the value, or undefined when it has not been computed
 */
export function memoisedInRequest<T>(ctx: FactContext, key: string): T | undefined {
  return memos.get(ctx)?.get(key) as T | undefined;
}
