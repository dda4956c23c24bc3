/**
 * @param unit - the unit as the record gives it
 * @returns why it cannot be used, in words (the unit shown as written, without UCUM brackets)
 */
export function unitProblem(unit: string | undefined): string {
  const shown = (unit ?? '')
    .replace(/[{}[\]]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return shown === ''
    ? 'has no unit, so its value cannot be read'
    : `has a unit that cannot be read (“${shown}”)`;
}

/**
 * @param value - the reported number, if any
 * @param unit - the reported unit, if any
 * @returns why a quantity cannot be used, in words: no number, or a unit that cannot be read
 */
export function valueProblem(value: number | undefined, unit: string | undefined): string {
  return typeof value === 'number' ? unitProblem(unit) : 'has no numeric value';
}
