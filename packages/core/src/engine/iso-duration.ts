/**
 * ISO 8601 durations (`PnYnMnWnDTnHnMnS`) as rules write look-back windows, e.g. `P14D`, `PT4H`, `P12M`.
 * Components are whole, non-negative numbers, except seconds, which may carry a fraction (`PT0.5S`), as
 * the loader's check accepts: a fractional month has no calendar meaning, and a rule author who needs
 * 36 hours writes `PT36H`.
 */

/** The components of an ISO 8601 duration: whole non-negative numbers (seconds may be fractional). */
export interface IsoDuration {
  readonly years: number;
  readonly months: number;
  readonly weeks: number;
  readonly days: number;
  readonly hours: number;
  readonly minutes: number;
  readonly seconds: number;
}

const DURATION_PATTERN =
  /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/**
 * Parses an ISO 8601 duration such as `P14D`, `PT4H` or `P1Y2M`.
 * @param text - the duration as written in a rule
 * @returns the duration's components, or null when `text` is not a duration this parser accepts
 */
export function parseIsoDuration(text: unknown): IsoDuration | null {
  if (typeof text !== 'string') {
    return null;
  }
  const match = DURATION_PATTERN.exec(text);
  // 'P' and 'PT' alone match the pattern but name no component: reject them.
  if (!match || text === 'P' || text.endsWith('T')) {
    return null;
  }
  const part = (index: number): number => Number(match[index] ?? '0');
  return {
    years: part(1),
    months: part(2),
    weeks: part(3),
    days: part(4),
    hours: part(5),
    minutes: part(6),
    seconds: part(7),
  };
}
