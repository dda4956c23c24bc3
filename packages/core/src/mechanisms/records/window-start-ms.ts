import { parseIsoDuration } from '../../engine/iso-duration';
import { subtractDuration } from '../../engine/subtract-duration';

/**
 * The earliest instant a look-back window admits.
 * @param nowMs - evaluation instant
 * @param window - ISO 8601 duration; undefined admits everything, an unparsable one nothing
 * @returns epoch ms of the window start
 */
export function windowStartMs(nowMs: number, window: string | undefined): number {
  if (window === undefined) {
    return -Infinity;
  }
  const duration = parseIsoDuration(window);
  return duration ? subtractDuration(nowMs, duration) : Infinity;
}
