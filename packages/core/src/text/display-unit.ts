/**
 * Units as clinicians write them. Card text never shows UCUM syntax: `mL/min/{1.73_m2}` reads
 * "mL/min/1.73 m²", `ug/L` "µg/L", `mg/d` "mg/day", `ng/mL{FEU}` "ng/mL FEU", `Cel` "°C".
 */

/** Whole UCUM codes with a conventional clinical spelling. */
const WHOLE: Readonly<Record<string, string>> = {
  a: 'years',
  mo: 'months',
  wk: 'weeks',
  d: 'days',
  h: 'hours',
  min: 'minutes',
  Cel: '°C',
  '[degF]': '°F',
  '[lb_av]': 'lb',
  '[in_i]': 'in',
  '[iU]': 'IU',
  '[IU]': 'IU',
  '1': '',
};

/** Units already made readable: a card names a few units, and each costs eight regular expressions. */
const seen = new Map<string, string>();
const MAX_SEEN = 1000;

/**
 * @param unit - a UCUM code (or a free-text unit, returned readable)
 * @returns the unit as shown in card text
 */
export function displayUnit(unit: string): string {
  const whole = WHOLE[unit];
  if (whole !== undefined) {
    return whole;
  }
  const known = seen.get(unit);
  if (known !== undefined) {
    return known;
  }
  // Units come from records, so the memo is bounded: cleared when full (strings only, nothing shared).
  if (seen.size >= MAX_SEEN) {
    seen.clear();
  }
  const shown = readable(unit);
  seen.set(unit, shown);
  return shown;
}

function readable(unit: string): string {
  return unit
    .replace(/\{1\.73_m2\}/g, '1.73 m²')
    .replace(/(\/?)\{([^}]*)\}/g, (_m, slash: string, text: string) =>
      text === '' ? slash : `${slash === '' ? ' ' : slash}${text.replace(/_/g, ' ')}`,
    )
    .replace(/\[([^\]]*)\]/g, (_m, text: string) => text.replace(/_.*$/, ''))
    .replace(/(^|[^A-Za-z])u(?=(g|mol|L|IU|U)\b)/g, '$1µ')
    .replace(/10\*(\d+)/g, (_m, exp: string) => `×10${superscript(exp)}`)
    .replace(/\/d$/, '/day')
    .replace(/\/h$/, '/hour')
    .replace(/m2\b/g, 'm²')
    .trim();
}

/**
 * A value as the record reported it ("3.1 mEq/L", "499 ng/mL{FEU}"), with its unit made readable.
 * @param reported - number, optional comparator, space, unit
 * @returns the same with {@link displayUnit} applied to the unit
 */
export function displayReported(reported: string): string {
  const match = /^(\S+)\s+(.+)$/.exec(reported.trim());
  return match ? `${match[1] ?? ''} ${displayUnit(match[2] ?? '')}`.trim() : reported;
}

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

function superscript(digits: string): string {
  return [...digits].map((d) => SUPERSCRIPT[Number(d)] ?? d).join('');
}
