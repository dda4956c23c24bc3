import type { Mechanism } from '../mechanism';

/**
 * `sameAs`: the value (with unit, evidence and ignored resources) of the fact named by param `fact`.
 * Lets a pack keep the fact names its rules and card text use (`dvt.pregnant`) while the assessment
 * behind them is shared by every pack (`pregnancy.current`), computed once per request.
 */
export const sameAs: Mechanism = {
  compute: (params, ctx) => {
    const name = params['fact'];
    return typeof name === 'string' ? ctx.fact(name) : { value: null };
  },
  checkParams: (params) =>
    typeof params['fact'] === 'string'
      ? []
      : [
          {
            severity: 'error',
            code: 'SOLEUS_FACT_PARAMETER',
            message: 'fact source params.fact: expected the name of a catalogue fact',
            location: { pointer: '/source/params/fact' },
          },
        ],
};
