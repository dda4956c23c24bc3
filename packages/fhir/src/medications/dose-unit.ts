/**
 * Classifies the unit of a dose or strength quantity. EHRs send UCUM (`mg`, `mL`, `{tbl}`, any `{…}`
 * annotation), HL7 orderable-unit codes (`TAB`, `CAP`) or plain words (`tablet`), so the UCUM `code`
 * is tried first and the display `unit` second. Anything not listed is unconvertible: the caller treats the dose as
 * unknown, never as zero.
 */
import type { Quantity } from 'fhir/r4';

/** A dose unit: a count of tablets/capsules, a mass (factor to mg) or a volume (factor to mL). */
export type DoseUnit =
  | { readonly kind: 'count' }
  | { readonly kind: 'mass'; readonly toMg: number }
  | { readonly kind: 'volume'; readonly toMl: number };

/** Units that count dose-form units: each one holds the product strength once. */
const COUNT_UNITS = new Set([
  '1',
  '{tbl}',
  '{tablet}',
  '{tablets}',
  'tab',
  'tabs',
  'tablet',
  'tablets',
  '{capsule}',
  '{capsules}',
  '{cap}',
  'cap',
  'caps',
  'capsule',
  'capsules',
]);

/**
 * A UCUM annotation on its own (`{pill}`, `{tbl}`, `{capsule}`, `{puff}` …) is the unit 1 in UCUM: a
 * count of dose units, each holding the product strength once (the CDS Hooks sandbox sends `{pill}`).
 */
const UCUM_ANNOTATION = /^\{[^{}]+\}$/;

const MASS_TO_MG: Readonly<Record<string, number>> = {
  mg: 1,
  g: 1000,
  ug: 0.001,
  mcg: 0.001,
  µg: 0.001,
};

const VOLUME_TO_ML: Readonly<Record<string, number>> = { ml: 1, l: 1000, cl: 10, dl: 100 };

/**
 * Classifies one unit string (UCUM code or display text), case-insensitively.
 * @param unit - a unit such as `mg`, `mL`, `{tbl}`, `TAB` or `tablet`
 * @returns the unit kind and factor, or undefined when the unit is not a supported dose unit
 */
export function classifyUnitText(unit: string): DoseUnit | undefined {
  const key = unit.trim().toLowerCase();
  if (COUNT_UNITS.has(key) || UCUM_ANNOTATION.test(key)) {
    return { kind: 'count' };
  }
  const mg = MASS_TO_MG[key];
  if (mg !== undefined) {
    return { kind: 'mass', toMg: mg };
  }
  const ml = VOLUME_TO_ML[key];
  return ml === undefined ? undefined : { kind: 'volume', toMl: ml };
}

/**
 * Classifies the unit of a quantity from its `code`, else its `unit`. A quantity with neither is a
 * bare count only when it says so with UCUM `1`; a missing unit is unknown.
 * @param quantity - a FHIR Quantity (dose, ratio numerator or denominator)
 * @returns the unit kind and factor, or undefined when it cannot be interpreted
 */
export function classifyDoseUnit(quantity: Quantity): DoseUnit | undefined {
  for (const candidate of [quantity.code, quantity.unit]) {
    if (candidate !== undefined && candidate.trim() !== '') {
      const unit = classifyUnitText(candidate);
      if (unit) {
        return unit;
      }
    }
  }
  return undefined;
}
