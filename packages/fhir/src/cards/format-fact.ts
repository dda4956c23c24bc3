import type { Fact, FactValue } from '@soleus/core';

/**
 * Formats a fact value for card text: numbers with their unit, lists joined, booleans as yes/no,
 * unknown as "unknown". Numbers keep at most 3 significant decimals so converted units stay readable.
 * @param fact - the fact, or undefined when the fact set has none (unknown)
 * @returns the value as clinicians read it
 */
export function formatFactValue(fact: Fact | undefined): string {
  if (!fact || fact.value === null) {
    return 'unknown';
  }
  const text = formatValue(fact.value);
  return fact.unit && typeof fact.value === 'number' ? `${text} ${displayUnit(fact.unit)}` : text;
}

/** UCUM codes as clinicians write them; any other unit is shown as its UCUM code. */
const DISPLAY_UNITS: Readonly<Record<string, string>> = {
  a: 'years',
  d: 'days',
  'mg/d': 'mg/day',
  'ug/L': 'µg/L',
  'mL/min/{1.73_m2}': 'mL/min/1.73 m²',
  Cel: '°C',
  '%': '%',
};

/**
 * @param unit - a UCUM code
 * @returns the unit as shown in card text
 */
export function displayUnit(unit: string): string {
  return DISPLAY_UNITS[unit] ?? unit;
}

function formatValue(value: Exclude<FactValue, null>): string {
  if (typeof value === 'number') {
    return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(3)));
  }
  if (typeof value === 'boolean') {
    return value ? 'yes' : 'no';
  }
  if (typeof value === 'string') {
    return value;
  }
  if (Array.isArray(value)) {
    return value.length === 0 ? 'none' : value.join(', ');
  }
  return JSON.stringify(value);
}

/**
 * Formats a fact with its provenance for the "why" section of a card: value, date and source resources.
 * @param name - the fact name
 * @param fact - the fact (undefined = unknown)
 * @returns one markdown list line without the leading dash
 */
export function formatFactLine(name: string, fact: Fact | undefined): string {
  const parts = [`\`${name}\` = ${formatFactValue(fact)}`];
  if (fact?.at) {
    parts.push(`at ${fact.at}`);
  }
  const sources = (fact?.evidence ?? []).map((e) =>
    e.reported ? `${e.resource} (reported ${e.reported})` : e.resource,
  );
  if (sources.length > 0) {
    parts.push(`from ${sources.join(', ')}`);
  }
  return parts.join(' ');
}
