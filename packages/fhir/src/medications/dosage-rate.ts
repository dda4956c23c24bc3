/**
 * How much of the dose unit one dosage line gives per day (clinical-spec §9.6, §C.1).
 *
 * - `maxDosePerPeriod` (Ratio amount/time), when present, overrides everything else: it is the most
 *   the prescriber allows, which is what a maximum-dose check needs.
 * - Otherwise dose = `doseQuantity`, else `doseRange.high`, and the rate is frequency per
 *   `period`/`periodUnit`. PRN lines (`asNeededBoolean` true or `asNeededCodeableConcept`) use
 *   `frequencyMax` when given, else `frequency`. `frequency` defaults to 1 when only a period is given, or to the
 *   number of `timeOfDay`/`when` entries (per day when no period is given).
 * - `periodMax` is never used: it lengthens the interval ("every 4–6 h") and so can only lower the
 *   dose; for PRN the shortest interval `period` is the worst case. This is how the brief's "periodMax
 *   ignored unless PRN" is honoured without under-counting.
 * - No timing, or a dose without a value, is unknown: the caller gets an issue, never a zero.
 */
import type { Dosage, Quantity } from 'fhir/r4';
import { periodToDays } from './period-days';

/** A dose amount per day in the dose's own unit, or why it is unknown (with the element path). */
export type DosageRate =
  | {
      readonly ok: true;
      readonly perDay: number;
      readonly quantity: Quantity;
      readonly path: string;
    }
  | { readonly ok: false; readonly path: string; readonly what: string };

/**
 * Computes the daily amount (in the dose's unit) of one dosage line.
 * @param dosage - one `dosageInstruction` / `dosage` element
 * @param path - its element path, e.g. `dosageInstruction[0]`
 * @returns the amount per day with the quantity that carries its unit, or the reason it is unknown
 */
export function dosageRate(dosage: Dosage, path: string): DosageRate {
  const max = dosage.maxDosePerPeriod;
  if (max) {
    return maxDoseRate(max.numerator, max.denominator, `${path}.maxDosePerPeriod`);
  }
  const dose = dosage.doseAndRate?.find((d) => d.doseQuantity ?? d.doseRange?.high);
  const quantity = dose?.doseQuantity ?? dose?.doseRange?.high;
  if (quantity?.value === undefined) {
    return {
      ok: false,
      path: `${path}.doseAndRate`,
      what: 'expected doseQuantity or doseRange.high with a value, found none',
    };
  }
  const timesPerDay = timingPerDay(dosage);
  if (timesPerDay === undefined) {
    return {
      ok: false,
      path: `${path}.timing.repeat`,
      what: 'expected frequency per period/periodUnit (or timeOfDay/when), found no usable timing',
    };
  }
  return { ok: true, perDay: quantity.value * timesPerDay, quantity, path: `${path}.doseAndRate` };
}

/**
 * Administrations per day. `timeOfDay` / `when` lists without a frequency ("08:00 and 20:00") count
 * one administration per entry, per day unless a period says otherwise — counting them as one would
 * under-count.
 */
function timingPerDay(dosage: Dosage): number | undefined {
  const repeat = dosage.timing?.repeat;
  const listed = Math.max(repeat?.timeOfDay?.length ?? 0, repeat?.when?.length ?? 0);
  let days: number | undefined;
  if (repeat?.period !== undefined && repeat.periodUnit !== undefined) {
    days = periodToDays(repeat.period, repeat.periodUnit);
  } else if (repeat?.period === undefined && listed > 0) {
    days = 1; // a list of times with no period at all is a daily schedule
  }
  if (days === undefined) {
    return undefined;
  }
  const prn = dosage.asNeededBoolean === true || dosage.asNeededCodeableConcept !== undefined;
  const frequency =
    (prn ? (repeat?.frequencyMax ?? repeat?.frequency) : repeat?.frequency) ?? Math.max(1, listed);
  return frequency / days;
}

function maxDoseRate(
  amount: Quantity | undefined,
  per: Quantity | undefined,
  path: string,
): DosageRate {
  const days =
    per?.value === undefined ? undefined : periodToDays(per.value, per.code ?? per.unit ?? '');
  if (amount?.value === undefined || days === undefined) {
    return {
      ok: false,
      path,
      what: 'expected a Ratio of amount (numerator) per time (denominator), found one that does not convert',
    };
  }
  return { ok: true, perDay: amount.value / days, quantity: amount, path: `${path}.numerator` };
}
