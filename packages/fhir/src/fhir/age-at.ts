/**
 * Age in completed years at an instant, from `Patient.birthDate` (clinical-spec: all ages are completed
 * years). The calendar is UTC: a birthday starts at 00:00Z. A 29 February birthday is reached on
 * 1 March in common years.
 */
import { parseFhirDate } from './parse-fhir-date';

/**
 * Computes completed years at `nowMs`. A partial birth date (`1970`, `1970-05`) gives an age only when
 * it is unambiguous: every possible birthday inside the partial date yields the same age (e.g. born
 * `1970-05` and now in July); otherwise the age is unknown. Missing, invalid or time-bearing birth
 * dates, and birth dates after `nowMs`, are unknown.
 * @param birthDate - Patient.birthDate, a FHIR `date`
 * @param nowMs - the evaluation instant in epoch milliseconds
 * @returns completed years, or null when unknown
 */
export function ageAt(birthDate: string | undefined, nowMs: number): number | null {
  const parsed = parseFhirDate(birthDate);
  if (parsed === null || parsed.precision === 'time' || !Number.isFinite(nowMs)) {
    return null;
  }
  const earliest = new Date(parsed.epochMs);
  const latest = lastDayOf(earliest, parsed.precision);
  const now = new Date(nowMs);
  if (earliest.getTime() > nowMs) {
    return null;
  }
  const oldest = completedYears(earliest, now);
  const youngest = completedYears(latest, now);
  return oldest === youngest ? oldest : null;
}

function lastDayOf(start: Date, precision: 'year' | 'month' | 'day'): Date {
  const end = new Date(start.getTime());
  if (precision === 'year') {
    end.setUTCMonth(11, 31);
  } else if (precision === 'month') {
    end.setUTCMonth(start.getUTCMonth() + 1, 0);
  }
  return end;
}

function completedYears(birth: Date, now: Date): number {
  const years = now.getUTCFullYear() - birth.getUTCFullYear();
  const beforeBirthday =
    now.getUTCMonth() < birth.getUTCMonth() ||
    (now.getUTCMonth() === birth.getUTCMonth() && now.getUTCDate() < birth.getUTCDate());
  return beforeBirthday ? years - 1 : years;
}
