import type { MechanismContext } from '../mechanism';
import type { RecordReader } from '../records/record-reading';
import { dvtEpisode } from './dvt-episode';

/**
 * The record reader and the episode start, for a mechanism that looks for entries in the episode.
 * @param ctx - the mechanism context
 * @returns null without a record reader (the mechanism then gives unknown); else the reader and the
 *   start (null when no episode is open: nothing is in it)
 */
export function episodeReader(
  ctx: MechanismContext,
): { readonly records: RecordReader; readonly startMs: number | null } | null {
  const records = ctx.records;
  return records ? { records, startMs: dvtEpisode(ctx, records).startMs } : null;
}
