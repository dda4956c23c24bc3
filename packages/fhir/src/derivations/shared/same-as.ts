import type { Derivation } from '../../facts/derivations';

/**
 * `sameAs`: the value (with unit, evidence and ignored resources) of the fact named by param `fact`.
 * Lets a pack keep the fact names its rules and card text use (`dvt.pregnant`) while the assessment
 * behind them is shared by every pack (`pregnancy.current`), computed once per request.
 */
export const sameAs: Derivation = {
  compute: (params, ctx) => {
    const name = params['fact'];
    return typeof name === 'string' ? ctx.fact(name) : { value: null };
  },
  requires: () => [],
};
