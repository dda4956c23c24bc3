import type { FactContext } from '../../facts/fact-context';
import { wellsScore, type WellsScore } from './wells-score';

/** The outcome whose withdrawal changes the Wells reading the cards show. */
const EXCLUDED = 'dvt-excluded';

/**
 * The Wells reading the cards show. Usually the score as recorded; but when the decision table would
 * exclude DVT were the missing data complete (`decisionFact`, e.g. `dvt.decisionIfDataComplete`) and
 * the decision rests on missing data (any of `missingDataFacts` is true), the exclusion is withdrawn or
 * rests on data the client did not send, and the cards show the reading that treats that data as
 * unknown — so their text and the decision agree.
 * @param params - the derived fact's params (`decisionFact`, `missingDataFacts`)
 * @param ctx - the fact context
 * @returns the Wells score
 */
export function shownWells(
  params: Readonly<Record<string, unknown>>,
  ctx: FactContext,
): WellsScore {
  const decisionFact = params['decisionFact'];
  const missing = params['missingDataFacts'];
  const restsOnMissingData =
    Array.isArray(missing) &&
    missing.some((name) => typeof name === 'string' && ctx.fact(name).value === true);
  const wouldExclude =
    typeof decisionFact === 'string' && ctx.fact(decisionFact).value === EXCLUDED;
  return restsOnMissingData && wouldExclude
    ? wellsScore(ctx, 'incomplete-record')
    : wellsScore(ctx);
}
