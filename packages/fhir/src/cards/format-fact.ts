import { displayUnit, humanDateText } from '@soleus/core';
import type { Fact, FactDefinition, FactValue } from '@soleus/core';

/** What formatting a fact for card text may use besides the fact itself. */
export interface FactFormat {
  /** Evaluation instant, epoch ms: date facts then read "20 Nov 2026, 2 days ago". */
  readonly nowMs?: number;
  /** The fact's catalogue entry (its type says whether a string is a date, its unit the unit). */
  readonly definition?: FactDefinition;
}

/**
 * Formats a fact value for card text as a clinician reads it: numbers with their unit as clinicians
 * write it (never UCUM syntax) and at most 3 decimals, thousands grouped; dates as "20 Nov 2026, 2 days
 * ago"; booleans yes/no; lists joined; unknown as "unknown".
 * @param fact - the fact, or undefined when the fact set has none (unknown)
 * @param format - evaluation instant and catalogue entry
 * @returns the value as clinicians read it
 */
export function formatFactValue(fact: Fact | undefined, format: FactFormat = {}): string {
  if (!fact || fact.value === null) {
    return 'unknown';
  }
  const isDate = format.definition?.type === 'date';
  if (isDate && typeof fact.value === 'string' && format.nowMs !== undefined) {
    return humanDateText(fact.value, format.nowMs);
  }
  const text = formatValue(fact.value);
  const unit = fact.unit ?? format.definition?.unit;
  const shown = unit && typeof fact.value === 'number' ? displayUnit(unit) : '';
  return shown === '' ? text : `${text} ${shown}`;
}

/**
 * @param value - a number
 * @returns at most 3 decimals, thousands grouped ("4,325", "3.4", "0.25")
 */
export function formatNumber(value: number): string {
  const rounded = Number(value.toFixed(3));
  return Math.abs(rounded) >= 10_000 || (Number.isInteger(rounded) && Math.abs(rounded) >= 1_000)
    ? rounded.toLocaleString('en-US', { maximumFractionDigits: 3 })
    : String(rounded);
}

function formatValue(value: Exclude<FactValue, null>): string {
  if (typeof value === 'number') {
    return formatNumber(value);
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
