/**
 * Dates as a clinician reads them: "20 Nov 2026, 2 days ago". The calendar date is the UTC date of the
 * instant (a FHIR date-only value is the start of that day in UTC, clinical-spec §9.3a); the distance
 * counts whole UTC calendar days back from the evaluation instant, which is always passed in.
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY_MS = 86_400_000;

/**
 * @param atMs - an instant, epoch ms
 * @returns its UTC calendar date, e.g. "20 Nov 2026"
 */
export function calendarDate(atMs: number): string {
  const d = new Date(atMs);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()] ?? ''} ${d.getUTCFullYear()}`;
}

/**
 * How long before `nowMs` an instant was, in words: today, yesterday, N days / months / years ago, or
 * in N days for a future instant.
 * @param atMs - the instant
 * @param nowMs - the evaluation instant
 * @returns the distance in words
 */
export function timeAgo(atMs: number, nowMs: number): string {
  const days = Math.round((startOfUtcDay(nowMs) - startOfUtcDay(atMs)) / DAY_MS);
  if (days < 0) {
    return days === -1 ? 'tomorrow' : `in ${-days} days`;
  }
  if (days <= 1) {
    return days === 0 ? 'today' : 'yesterday';
  }
  if (days < 60) {
    return `${days} days ago`;
  }
  const months = Math.max(1, monthsBetween(atMs, nowMs));
  if (months < 24) {
    return months === 1 ? '1 month ago' : `${months} months ago`;
  }
  return `${Math.floor(months / 12)} years ago`;
}

/**
 * @param atMs - the instant
 * @param nowMs - the evaluation instant
 * @returns e.g. "20 Nov 2026, 2 days ago"
 */
export function humanDate(atMs: number, nowMs: number): string {
  return `${calendarDate(atMs)}, ${timeAgo(atMs, nowMs)}`;
}

/**
 * @param iso - an ISO 8601 instant or date
 * @param nowMs - the evaluation instant
 * @returns {@link humanDate} of it, or the text unchanged when it is not a date
 */
export function humanDateText(iso: string, nowMs: number): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : humanDate(ms, nowMs);
}

function startOfUtcDay(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

function monthsBetween(fromMs: number, toMs: number): number {
  const a = new Date(fromMs);
  const b = new Date(toMs);
  const months =
    (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + (b.getUTCMonth() - a.getUTCMonth());
  return b.getUTCDate() < a.getUTCDate() ? months - 1 : months;
}
