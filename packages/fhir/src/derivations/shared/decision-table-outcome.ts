import { evaluateDecisionTable } from '@soleus/core';
import type { Derivation } from '../../facts/derivations';

/**
 * `decisionTable`: the outcome a decision table of the rule set (param `table`, its id) gives for this
 * request's facts, or null when it gives none. Param `assume` (optional) pins inputs to given values,
 * e.g. "what would the table say if the data not received held nothing". The table decides; this
 * mechanism only reads its inputs as facts (which records them in the read graph).
 */
export const decisionTableOutcome: Derivation = {
  compute: (params, ctx) => {
    const table = ctx.ruleSet.tables.get(String(params['table']));
    if (!table) {
      return { value: null };
    }
    const assume = params['assume'];
    const pinned = new Map<string, unknown>(
      typeof assume === 'object' && assume !== null && !Array.isArray(assume)
        ? Object.entries(assume)
        : [],
    );
    const hit = evaluateDecisionTable(table, (fact) =>
      pinned.has(fact) ? pinned.get(fact) : ctx.fact(fact).value,
    );
    return { value: hit.outcome };
  },
  requires: () => [],
};
