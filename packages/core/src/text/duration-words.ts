import { parseIsoDuration } from '../engine/iso-duration';

const UNITS = [
  ['years', 'year'],
  ['months', 'month'],
  ['weeks', 'week'],
  ['days', 'day'],
  ['hours', 'hour'],
  ['minutes', 'minute'],
  ['seconds', 'second'],
] as const;

/**
 * An ISO 8601 duration in words: `P30D` "30 days", `P12M` "12 months", `PT48H` "48 hours".
 * @param iso - the duration
 * @returns the words, or the text unchanged when it is not a duration
 */
export function durationWords(iso: string): string {
  const d = parseIsoDuration(iso);
  if (!d) {
    return iso;
  }
  const parts = UNITS.filter(([key]) => d[key] > 0).map(
    ([key, one]) => `${d[key]} ${d[key] === 1 ? one : key}`,
  );
  return parts.length > 0 ? parts.join(' ') : '0 days';
}
