/**
 * Parses FHIR `date`, `dateTime` and `instant` strings, partial dates included, into an instant plus
 * its precision. Callers use the precision to refuse year- or month-precise dates as episode evidence
 * (clinical-spec §9.3a).
 */

/** How precise a FHIR date is: `2021` → year, `2021-03` → month, `2021-03-04` → day, with a time → time. */
export type FhirDatePrecision = 'year' | 'month' | 'day' | 'time';

/** A parsed FHIR date: the start of the period it names, in epoch milliseconds, and its precision. */
export interface FhirDate {
  readonly epochMs: number;
  readonly precision: FhirDatePrecision;
}

// YYYY[-MM[-DD[Thh:mm[:ss[.fff]][Z|±hh:mm]]]]
const FHIR_DATE =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

const MAX_OFFSET_MINUTES = 14 * 60;

/**
 * Parses a FHIR date, dateTime or instant. A partial date means the start of its year, month or day in
 * UTC; a time with a zone is read in that zone, and a time without a zone (not valid FHIR, seen in
 * the wild) is read as UTC. Seconds may be absent (also seen in the wild).
 * @param value - the FHIR string, e.g. `2021`, `2021-03`, `2025-06-14`, `2025-06-14T08:30:00+02:00`
 * @returns the instant and precision, or null when the value is absent, not a string (a malformed
 *   record: the fuzz suite found one reaching here) or not a valid calendar date
 */
export function parseFhirDate(value: string | undefined): FhirDate | null {
  if (typeof value !== 'string') {
    return null;
  }
  const m = FHIR_DATE.exec(value.trim());
  if (m === null) {
    return null;
  }
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const year = Number(y);
  const month = mo === undefined ? 1 : Number(mo);
  const day = d === undefined ? 1 : Number(d);
  const hour = h === undefined ? 0 : Number(h);
  const minute = mi === undefined ? 0 : Number(mi);
  const second = s === undefined ? 0 : Number(s);
  const millis = frac === undefined ? 0 : Number(frac.slice(1, 4).padEnd(3, '0'));
  if (year < 1 || !isCalendarDate(year, month, day) || hour > 23 || minute > 59 || second > 59) {
    return null;
  }
  const offset = zoneOffsetMinutes(zone);
  if (offset === null) {
    return null;
  }
  const local = utcMs(year, month, day, hour, minute, second, millis);
  return { epochMs: local - offset * 60_000, precision: precisionOf(mo, d, h) };
}

function precisionOf(month?: string, day?: string, hour?: string): FhirDatePrecision {
  if (hour !== undefined) {
    return 'time';
  }
  if (day !== undefined) {
    return 'day';
  }
  return month === undefined ? 'year' : 'month';
}

function utcMs(...parts: [number, number, number, number, number, number, number]): number {
  const [year, month, day, hour, minute, second, millis] = parts;
  const date = new Date(Date.UTC(2000, month - 1, day, hour, minute, second, millis));
  date.setUTCFullYear(year); // Date.UTC maps years 0–99 to 1900–1999; set the year explicitly
  return date.getTime();
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) {
    return false;
  }
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const daysInMonth = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return day <= daysInMonth;
}

function zoneOffsetMinutes(zone: string | undefined): number | null {
  if (zone === undefined || zone === 'Z') {
    return 0;
  }
  const sign = zone.startsWith('-') ? -1 : 1;
  const hours = Number(zone.slice(1, 3));
  const minutes = Number(zone.slice(4, 6));
  const total = hours * 60 + minutes;
  return minutes > 59 || total > MAX_OFFSET_MINUTES ? null : sign * total;
}
