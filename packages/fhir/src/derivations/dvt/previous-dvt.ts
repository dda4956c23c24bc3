import type { Fact } from '@soleus/core';
import type { Derivation } from '../../facts/derivations';
import { dvtEpisode } from './dvt-episode';

/**
 * Wells item 9, "previously documented DVT" (clinical-spec §A.3): a DVT or history-of-DVT Condition from
 * the history fact named by param `historyFact` (any clinical status, verification confirmed or unstated)
 * whose onset is before the current episode. A condition dated only to the year or month, or not dated,
 * still counts — it can describe history (§9.3a) — while a DVT starting inside the episode is the
 * current one, not a previous one.
 */
export const previousDvt: Derivation = {
  compute: (params, ctx): Fact => {
    const name = params['historyFact'];
    const history = typeof name === 'string' ? ctx.fact(name) : { value: null };
    const start = dvtEpisode(ctx).startMs ?? ctx.nowMs;
    const before = (history.evidence ?? []).filter(
      (e) => e.at === undefined || Date.parse(e.at) < start,
    );
    return { value: before.length > 0, evidence: before };
  },
  requires: () => [{ resourceType: 'Condition' }],
};
