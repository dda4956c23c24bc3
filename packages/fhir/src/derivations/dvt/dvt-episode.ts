/**
 * Shim for the adapter's remaining Wells code (issue 19): the DVT episode is computed by core's
 * `dvtEpisode` over the request's record reader, memoised under the same key, so the Wells mechanisms
 * still here see the very episode `dvt.triggered` reports. Goes when the Wells mechanisms move to core.
 */
import { dvtEpisode as coreEpisode, type DvtEpisode } from '@soleus/core';
import type { FactContext } from '../../facts/fact-context';
import { recordReader } from '../../facts/record-reader';

export type { DvtEpisode } from '@soleus/core';

/**
 * The DVT episode of the record, once per request.
 * @param ctx - the fact context
 * @returns the episode
 * @throws {SOLEUS_FACT_SCHEMA} when a DVT pack parameter is missing
 */
export function dvtEpisode(ctx: FactContext): DvtEpisode {
  return coreEpisode(ctx, ctx.records ?? recordReader(ctx.index));
}
