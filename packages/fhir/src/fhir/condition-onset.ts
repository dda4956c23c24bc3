/**
 * The onset of a Condition (clinical-spec §0.1, §9.3): `onsetDateTime`, then `onsetPeriod.start`, then
 * `recordedDate`. Onset given as age, range or string is not a date and is skipped in that order.
 */
import type { Condition } from 'fhir/r4';

/** The onset as found, with the element it came from (for issue locations). */
export interface ConditionOnsetSource {
  readonly value: string;
  readonly path: 'onsetDateTime' | 'onsetPeriod.start' | 'recordedDate';
}

/**
 * Picks the Condition's onset string without parsing it; the first element present wins.
 * @param condition - the Condition
 * @returns the FHIR date string, or undefined when the onset is unknown (no date at all)
 */
export function conditionOnset(condition: Condition): string | undefined {
  return conditionOnsetSource(condition)?.value;
}

/**
 * Like {@link conditionOnset}, but also names the element the date came from.
 * @param condition - the Condition
 * @returns the value and its element path, or undefined when the onset is unknown
 */
export function conditionOnsetSource(condition: Condition): ConditionOnsetSource | undefined {
  if (condition.onsetDateTime !== undefined) {
    return { value: condition.onsetDateTime, path: 'onsetDateTime' };
  }
  if (condition.onsetPeriod?.start !== undefined) {
    return { value: condition.onsetPeriod.start, path: 'onsetPeriod.start' };
  }
  if (condition.recordedDate !== undefined) {
    return { value: condition.recordedDate, path: 'recordedDate' };
  }
  return undefined;
}
