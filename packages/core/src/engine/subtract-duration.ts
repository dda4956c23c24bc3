import type { IsoDuration } from './iso-duration';

const MS_PER_SECOND = 1000;
const MS_PER_MINUTE = 60 * MS_PER_SECOND;
const MS_PER_HOUR = 60 * MS_PER_MINUTE;
const MS_PER_DAY = 24 * MS_PER_HOUR;

/**
 * Steps back from an instant by a duration with calendar arithmetic in UTC: years and months move the
 * calendar (clamping to the last day of a shorter month, so 31 March − P1M is 28/29 February), then
 * weeks, days, hours, minutes and seconds move by fixed lengths. Counting a month as 30 days would shift
 * look-back windows by up to a day per month, which matters at rule boundaries.
 * @param epochMs - the instant to step back from (evaluation `now`), in milliseconds since the epoch
 * @param duration - the duration to subtract
 * @returns the earlier instant in milliseconds since the epoch
 */
export function subtractDuration(epochMs: number, duration: IsoDuration): number {
  const start = new Date(epochMs);
  const totalMonths =
    start.getUTCFullYear() * 12 + start.getUTCMonth() - duration.years * 12 - duration.months;
  const year = Math.floor(totalMonths / 12);
  const month = totalMonths - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const shifted = new Date(epochMs);
  shifted.setUTCFullYear(year, month, Math.min(start.getUTCDate(), lastDay));
  const fixedMs =
    duration.weeks * 7 * MS_PER_DAY +
    duration.days * MS_PER_DAY +
    duration.hours * MS_PER_HOUR +
    duration.minutes * MS_PER_MINUTE +
    duration.seconds * MS_PER_SECOND;
  return shifted.getTime() - fixedMs;
}
