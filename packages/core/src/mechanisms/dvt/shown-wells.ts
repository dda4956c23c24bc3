import type { Issue } from '../../errors';
import type { MechanismContext } from '../mechanism';
import { checkFactParams } from './fact-params';
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
 * @param ctx - the mechanism context
 * @param episodeStartMs - the episode start
 * @returns the Wells score
 */
export function shownWells(
  params: Readonly<Record<string, unknown>>,
  ctx: MechanismContext,
  episodeStartMs: number,
): WellsScore {
  const decisionFact = params['decisionFact'];
  const missing = params['missingDataFacts'];
  const restsOnMissingData =
    Array.isArray(missing) &&
    missing.some((name) => typeof name === 'string' && ctx.fact(name).value === true);
  const wouldExclude =
    typeof decisionFact === 'string' && ctx.fact(decisionFact).value === EXCLUDED;
  return restsOnMissingData && wouldExclude
    ? wellsScore(ctx, episodeStartMs, 'incomplete-record')
    : wellsScore(ctx, episodeStartMs);
}

/**
 * Load-time check of the params {@link shownWells} reads.
 * @param params - the derived source's params
 * @returns one error per missing or mistyped parameter
 */
export function checkShownWellsParams(params: Readonly<Record<string, unknown>>): Issue[] {
  return checkFactParams(params, { decisionFact: 'string', missingDataFacts: 'string[]' });
}
