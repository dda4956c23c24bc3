/**
 * Converts a quantity between units with the UCUM engine, using the analyte's molar mass (mass ↔ moles)
 * and valence (equivalents) from analytes.json. Never guesses: a missing, unknown or incommensurable
 * unit gives `{ ok: false, reason }`, and so does any unit the UCUM engine had to correct.
 */
import { findAnalyte } from './analyte-table';
import { parseUnit } from './parse-unit';
import { getUcumUtils, type UcumConvertOptions } from './ucum-utils';

/** A converted value in the wanted unit. */
export interface ConvertedQuantity {
  readonly ok: true;
  readonly value: number;
  /** The wanted unit, as passed in. */
  readonly unit: string;
}

/** Why a conversion was refused; the reason names units, never values. */
export interface ConversionFailure {
  readonly ok: false;
  readonly reason: string;
}

/** Result of {@link convertQuantity}. */
export type ConversionResult = ConvertedQuantity | ConversionFailure;

/** Significant digits kept, to drop binary floating-point noise (59.99999999999999 → 60). */
const SIGNIFICANT_DIGITS = 12;

/**
 * Converts `value` from one unit to another (real-world spellings and annotations tolerated).
 * @param value - the number to convert (must be finite)
 * @param from - the unit of `value` (UCUM code or unit text, e.g. `mg/dL`, `mEq/L`, `ng/mL FEU`)
 * @param to - the wanted unit (normally an analyte's canonical UCUM unit)
 * @param analyte - analytes.json key supplying molar mass and valence (`magnesium`, `creatinine`, …)
 * @returns the converted value, or a failure with a reason when the units cannot be converted
 */
export function convertQuantity(
  value: number,
  from: string,
  to: string,
  analyte?: string,
): ConversionResult {
  if (!Number.isFinite(value)) {
    return fail('value is not a finite number');
  }
  const source = parseUnit(from);
  const target = parseUnit(to);
  if (source.ucum === '' || target.ucum === '') {
    return fail(`unit missing: expected a UCUM unit, found "${source.ucum === '' ? from : to}"`);
  }
  if (/\s/.test(source.ucum) || /\s/.test(target.ucum)) {
    return fail(`cannot convert "${from}" to "${to}": a UCUM unit has no blanks`);
  }
  const options = optionsFor(analyte);
  if (options === undefined) {
    return fail(`unknown analyte "${analyte ?? ''}": expected a key of data/analytes.json`);
  }
  const result = getUcumUtils().convertUnitTo(source.ucum, value, target.ucum, options);
  if (result.status !== 'succeeded' || result.toVal === null || !Number.isFinite(result.toVal)) {
    return fail(
      `cannot convert "${from}" to "${to}"${forAnalyte(analyte)}: ${result.msg.join(' ')}`,
    );
  }
  if (result.msg.length > 0) {
    return fail(`unit "${from}" is not UCUM and would need a guess: ${result.msg.join(' ')}`);
  }
  return { ok: true, value: Number(result.toVal.toPrecision(SIGNIFICANT_DIGITS)), unit: to };
}

function optionsFor(analyte: string | undefined): UcumConvertOptions | undefined {
  if (analyte === undefined) {
    return {};
  }
  const definition = findAnalyte(analyte);
  if (definition === undefined) {
    return undefined;
  }
  return {
    ...(definition.molarMass === undefined ? {} : { molecularWeight: definition.molarMass }),
    ...(definition.valence === undefined ? {} : { charge: definition.valence }),
  };
}

function forAnalyte(analyte: string | undefined): string {
  return analyte === undefined ? '' : ` for analyte "${analyte}"`;
}

function fail(reason: string): ConversionFailure {
  return { ok: false, reason };
}
