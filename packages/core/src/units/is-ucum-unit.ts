/**
 * Strict UCUM check for authored units (rule thresholds, fact catalogue units): the string must be valid
 * UCUM as written, with no alias mapping and no substitution by the UCUM engine.
 */
import { getUcumUtils } from './ucum-utils';

/**
 * Tells whether a string is a valid UCUM unit expression exactly as written (annotations allowed).
 * @param unit - the unit expression, e.g. `mmol/L`, `ng/mL{FEU}`, `[lb_av]`
 * @returns true when UCUM accepts the expression without correcting it; false for `mEq/L`, `lbs`, `''`
 */
export function isUcumUnit(unit: string): boolean {
  if (unit === '' || /\s/.test(unit)) {
    return false;
  }
  const result = getUcumUtils().validateUnitString(unit, false);
  return result.status === 'valid' && result.ucumCode === unit && result.msg.length === 0;
}
