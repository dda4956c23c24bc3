import { SoleusError } from '../../errors';
import type { MechanismContext } from '../mechanism';

/** The pack id whose `parameters` (packages/core/rules/dvt/pack.json) the DVT derivations read. */
export const DVT_PACK = 'dvt';

/** Checked values per parameters object (one per loaded rule set), by type and path: read once. */
const checked = new WeakMap<object, Map<string, unknown>>();

/**
 * Reads one parameter of the DVT pack by dotted path, checking its type. Parameters are clinical content
 * (windows, cutoffs, value-set urls), so TypeScript holds none of them and has no defaults: a missing
 * parameter is a content error, reported at once instead of guessed.
 * @param ctx - the mechanism context
 * @param path - dotted path inside `parameters`, e.g. `ddimer.cutoffFeu`
 * @param type - the expected JSON type
 * @returns the value
 * @throws {SOLEUS_FACT_SCHEMA} when the parameter is missing or of another type
 */
export function dvtParam<T extends 'string' | 'number' | 'string[]'>(
  ctx: MechanismContext,
  path: string,
  type: T,
): T extends 'string' ? string : T extends 'number' ? number : readonly string[] {
  const params = ctx.params(DVT_PACK);
  let memo = checked.get(params);
  const key = `${type} ${path}`;
  if (memo?.has(key)) {
    return memo.get(key) as never;
  }
  let value: unknown = params;
  for (const key of path.split('.')) {
    value =
      value !== null && typeof value === 'object'
        ? (value as Record<string, unknown>)[key]
        : undefined;
  }
  const ok =
    type === 'string[]'
      ? Array.isArray(value) && value.every((v) => typeof v === 'string')
      : typeof value === type && (type !== 'number' || Number.isFinite(value));
  if (!ok) {
    throw new SoleusError(
      'SOLEUS_FACT_SCHEMA',
      `rules/dvt/pack.json#/parameters/${path.split('.').join('/')}: expected a ${type}, found ${value === undefined ? 'nothing' : typeof value}`,
    );
  }
  if (!memo) {
    memo = new Map();
    checked.set(params, memo);
  }
  memo.set(key, value);
  return value as never;
}
