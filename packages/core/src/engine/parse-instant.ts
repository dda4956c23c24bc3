/**
 * FHIR date and dateTime text → epoch milliseconds, independent of the machine's time zone. A date
 * without a time (`2024`, `2024-03`, `2024-03-01`) is read as the start of that period in UTC; a time
 * must carry `Z` or an offset, because FHIR requires one and `Date.parse` would otherwise read it in
 * the local zone, so the same record would give different answers in New York and Auckland.
 */

const DATE_ONLY = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * Reads an ISO 8601 / FHIR instant.
 * @param value - a `Date`, or date/dateTime text
 * @returns milliseconds since the epoch, or null when `value` is not an interpretable instant
 */
export function parseInstant(value: unknown): number | null {
  if (value instanceof Date) {
    const ms = value.getTime();
    return Number.isFinite(ms) ? ms : null;
  }
  if (typeof value !== 'string' || !(DATE_ONLY.test(value) || DATE_TIME.test(value))) {
    return null;
  }
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : null;
}
