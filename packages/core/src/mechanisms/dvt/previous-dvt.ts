import type { Fact, FactEvidence } from '../../facts/fact';
import type { Mechanism } from '../mechanism';
import { POSSIBLE_NOT_DOCUMENTED } from '../records/possible-not-documented';
import { checkFactParams, factName } from './fact-params';

/**
 * Wells item 9, "previously documented DVT" (clinical-spec §A.3): a DVT or history-of-DVT Condition from
 * the history fact named by param `historyFact` (any clinical status, verification confirmed or unstated)
 * whose onset is before the current episode. A condition dated only to the year or month, or not dated,
 * still counts — it can describe history (§9.3a) — while a DVT starting inside the episode is the
 * current one, not a previous one. A previous DVT that is only provisional, differential or unconfirmed
 * is *possible*: the item is then unknown (null), so Wells cannot be scored "unlikely" on it until a
 * clinician attests it (certainty by use: uncertain is unknown, never absent).
 */
export const previousDvt: Mechanism = {
  compute: (params, ctx): Fact => {
    const name = params['historyFact'];
    const history = typeof name === 'string' ? ctx.fact(name) : { value: null };
    const episodeStart = ctx.fact(factName(params, 'episodeStartFact')).value;
    const start = typeof episodeStart === 'string' ? Date.parse(episodeStart) : ctx.nowMs;
    const isBefore = (e: FactEvidence): boolean => e.at === undefined || Date.parse(e.at) < start;
    const before = (history.evidence ?? []).filter(isBefore);
    if (before.length > 0) {
      return { value: true, evidence: before };
    }
    const possible = (history.ignored ?? []).filter(
      (e) => (e.note ?? '').endsWith(POSSIBLE_NOT_DOCUMENTED) && isBefore(e),
    );
    return possible.length > 0
      ? { value: null, ignored: possible }
      : { value: false, evidence: [] };
  },
  requires: () => [{ resourceType: 'Condition' }],
  checkParams: (params) =>
    checkFactParams(params, { historyFact: 'string', episodeStartFact: 'string' }),
};
