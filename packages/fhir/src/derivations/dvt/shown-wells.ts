import type { FactContext } from '../../facts/fact-context';
import { decidedInRequest } from './dvt-decision';
import { wellsScore, type WellsScore } from './wells-score';

/**
 * The Wells reading the cards show: the one the decision was taken on (see dvt-decision.ts) when the
 * fact names the decision in `decisionFact`, else the score as recorded.
 * @param params - the derived fact's params (`decisionFact`)
 * @param ctx - the fact context
 * @returns the Wells score
 */
export function shownWells(
  params: Readonly<Record<string, unknown>>,
  ctx: FactContext,
): WellsScore {
  const decisionFact = params['decisionFact'];
  if (typeof decisionFact === 'string' && decisionFact !== '') {
    ctx.fact(decisionFact);
  }
  return decidedInRequest(ctx)?.wells ?? wellsScore(ctx);
}
