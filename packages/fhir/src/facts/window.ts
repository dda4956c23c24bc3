import { parseIsoDuration, subtractDuration } from '@soleus/core';

/**
 * The earliest instant a look-back window admits.
 * @param nowMs - evaluation instant
 * @param window - ISO 8601 duration (validated by the fact-source schema; an unparsable one admits nothing)
 * @returns epoch ms of the window start
 */
export function windowStart(nowMs: number, window: string | undefined): number {
  if (window === undefined) {
    return -Infinity;
  }
  const duration = parseIsoDuration(window);
  return duration ? subtractDuration(nowMs, duration) : Infinity;
}
