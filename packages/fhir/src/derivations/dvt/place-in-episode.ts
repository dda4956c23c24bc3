import { placeInEpisode as placeReading, type Placement } from '@soleus/core';
import { parseFhirDate } from '../../fhir/parse-fhir-date';
import type { FactContext } from '../../facts/fact-context';
import { dvtEpisode } from './dvt-episode';

export type { Placement } from '@soleus/core';

/**
 * Places a resource's FHIR date in the DVT episode (the core rule, `placeInEpisode` of
 * @soleus/core, over the adapter's episode).
 * @param ctx - the fact context
 * @param date - the FHIR date/dateTime/instant text
 * @param fresh - also apply the evidence window
 * @returns the instant, or why the resource cannot be used
 * @throws {SOLEUS_FACT_SCHEMA} when a DVT pack parameter is missing
 */
export function placeInEpisode(
  ctx: FactContext,
  date: string | undefined,
  fresh: boolean,
): Placement {
  return placeReading(ctx, parseFhirDate(date), fresh, dvtEpisode(ctx).startMs);
}
