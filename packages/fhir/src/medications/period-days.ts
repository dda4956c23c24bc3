/**
 * Converts a timing period to days. UCUM time codes (the FHIR `Timing.repeat.periodUnit` value set:
 * s, min, h, d, wk, mo, a) are accepted plus common words, because `maxDosePerPeriod.denominator`
 * often arrives with only a display unit. A month counts as 30 days and a year as 365 (DESIGN CHOICE:
 * the shorter calendar length gives the higher daily dose, the safe side for a maximum-dose check).
 */

const DAYS_PER_UNIT: Readonly<Record<string, number>> = {
  s: 1 / 86_400,
  sec: 1 / 86_400,
  second: 1 / 86_400,
  min: 1 / 1_440,
  minute: 1 / 1_440,
  h: 1 / 24,
  hr: 1 / 24,
  hour: 1 / 24,
  d: 1,
  day: 1,
  wk: 7,
  week: 7,
  mo: 30,
  month: 30,
  a: 365,
  yr: 365,
  year: 365,
};

/**
 * Converts a period value and unit to days.
 * @param value - the period length, e.g. 6
 * @param unit - UCUM code or word, e.g. `h`, `wk`, `day`, `hours`
 * @returns the period in days, or undefined when the unit is unknown or the value is not positive
 */
export function periodToDays(value: number, unit: string): number | undefined {
  const key = unit.trim().toLowerCase();
  const perUnit = DAYS_PER_UNIT[key] ?? DAYS_PER_UNIT[key.replace(/s$/, '')];
  if (perUnit === undefined || !(value > 0)) {
    return undefined;
  }
  return value * perUnit;
}
