import type { Derivation } from '../../facts/derivations';

/**
 * `unknownDataOf`: true when the fact named by param `fact` reads data the client did not send in this
 * call (a prefetch key omitted or failed, a partial search), so a conclusion drawn from absence in it
 * must not stand; false when that data is complete.
 */
export const unknownDataOf: Derivation = {
  compute: (params, ctx) => {
    const name = params['fact'];
    return { value: typeof name === 'string' && ctx.unknownDataOf(name).length > 0 };
  },
  requires: () => [],
};
