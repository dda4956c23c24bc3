import type { Issue } from '../../errors';

/**
 * Load-time check of value-set list params: each named list, when present, is a list of strings, and
 * at least one of them is present (a source that names no value set would find nothing).
 * @param params - the source params
 * @param keys - the list parameters
 * @returns one error per mistyped list, or one when none is given
 */
export function checkValueSetLists(
  params: Readonly<Record<string, unknown>>,
  keys: readonly string[],
): Issue[] {
  const issue = (key: string, message: string): Issue => ({
    severity: 'error',
    code: 'SOLEUS_FACT_PARAMETER',
    message,
    location: { pointer: `/source/params/${key}` },
  });
  const given = keys.filter((key) => params[key] !== undefined);
  if (given.length === 0) {
    return [issue(keys[0] ?? '', `params: expected ${keys.join(' or ')} (a list of value sets)`)];
  }
  return given
    .filter((key) => {
      const value = params[key];
      return !Array.isArray(value) || !value.every((v) => typeof v === 'string');
    })
    .map((key) => issue(key, `params.${key}: expected a list of value sets`));
}
