import type { Issue } from '../../errors';

/**
 * A fact name given in a derived source's params.
 * @param params - the source params
 * @param key - the parameter
 * @returns the name, or '' (an unknown fact) when absent
 */
export function factName(params: Readonly<Record<string, unknown>>, key: string): string {
  const value = params[key];
  return typeof value === 'string' ? value : '';
}

/**
 * The strings of a list parameter.
 * @param params - the source params
 * @param key - the parameter
 * @returns its strings, empty when absent
 */
export function stringList(params: Readonly<Record<string, unknown>>, key: string): string[] {
  const value = params[key];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/**
 * Load-time check that the named source params are present with the right shape.
 * @param params - the source params
 * @param spec - parameter → `string` (a fact name) or `string[]` (fact names)
 * @returns one error per missing or mistyped parameter
 */
export function checkFactParams(
  params: Readonly<Record<string, unknown>>,
  spec: Readonly<Record<string, 'string' | 'string[]'>>,
): Issue[] {
  return Object.entries(spec).flatMap(([key, type]): Issue[] => {
    const value = params[key];
    const ok =
      type === 'string'
        ? typeof value === 'string' && value !== ''
        : Array.isArray(value) && value.every((v) => typeof v === 'string');
    return ok
      ? []
      : [
          {
            severity: 'error',
            code: 'SOLEUS_FACT_PARAMETER',
            message: `params.${key}: expected ${type === 'string' ? 'a fact name' : 'a list of fact names'}`,
            location: { pointer: `/source/params/${key}` },
          },
        ];
  });
}
