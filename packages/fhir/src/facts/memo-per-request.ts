import type { FactContext } from './fact-context';

const memos = new WeakMap<FactContext, Map<string, unknown>>();

/**
 * Computes a value once per request: several facts read one assessment (e.g. a score class, its
 * bounds and its item list), and the record should be walked once. Keyed on the request's context, so
 * nothing outlives the request. Every read is recorded in `ctx.reads` (as `memo:<key>`), so an issue
 * raised while computing the value concerns every fact that read it, whichever fact came first.
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
  const node = `memo:${key}`;
  if (memo.has(key)) {
    ctx.reads.read(node);
    return memo.get(key) as T;
  }
  const value = ctx.reads.within(node, compute);
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
