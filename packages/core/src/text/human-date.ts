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
 * The rules' look-back windows are counted in days, the longest within half a year (Wells item 1:
 * 183 days, clinical-spec §A.3); below it a distance is written in days, so a card never says "1 month
 * ago" for 60 days, or "5 months ago" for an item it counted "in the last 6 months".
 */
const DAYS_UP_TO = 183;

/**
 * How long before `nowMs` an instant was, in words: today, yesterday, N days ago (under 183 days),
 * N months ago (at least 6, under 2 years), N years ago, or in N days for a future instant. Cards
 * always show the calendar date beside it ({@link humanDate}).
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
  if (days < DAYS_UP_TO) {
    return `${days} days ago`;
  }
  // 183 days or more is at least the spec's six months, whatever the lengths of the months between.
  const months = Math.max(6, monthsBetween(atMs, nowMs));
  if (months < 24) {
    return `${months} months ago`;
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
