import type { FactContext } from '../../facts/fact-context';
import { wellsScore } from './wells-score';

/**
 * Whether the Wells class rests on data the client did not send: read with the items from that data
 * unknown instead of absent, the class would change (it can only widen to indeterminate). The decision
 * table reads it so that no exclusion rests on missing data.
 * @param ctx - the fact context (an episode is open)
 * @returns true when the class as recorded and the cautious class differ
 */
export function wellsRestsOnMissingData(ctx: FactContext): boolean {
  return wellsScore(ctx, 'incomplete-record').wellsClass !== wellsScore(ctx).wellsClass;
}
