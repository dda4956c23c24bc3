import type { MechanismContext } from '../mechanism';
import { wellsScore } from './wells-score';

/**
 * Whether the Wells class rests on data the client did not send: read with the items from that data
 * unknown instead of absent, the class would change (it can only widen to indeterminate). The decision
 * table reads it so that no exclusion rests on missing data.
 * @param ctx - the mechanism context (an episode is open)
 * @param episodeStartMs - the episode start
 * @returns true when the class as recorded and the cautious class differ
 */
export function wellsRestsOnMissingData(ctx: MechanismContext, episodeStartMs: number): boolean {
  return (
    wellsScore(ctx, episodeStartMs, 'incomplete-record').wellsClass !==
    wellsScore(ctx, episodeStartMs).wellsClass
  );
}
