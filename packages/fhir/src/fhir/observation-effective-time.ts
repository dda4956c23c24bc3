/**
 * The clinically relevant time of an Observation (clinical-spec §0.1): `effectiveDateTime`, then
 * `effectivePeriod.end`, then `effectiveInstant`, then `issued`.
 */
import type { Observation } from 'fhir/r4';

/** The effective time as found, with the element it came from (for issue locations). */
export interface ObservationTime {
  readonly value: string;
  /** Element path inside the Observation, e.g. `effectivePeriod.end`. */
  readonly path: 'effectiveDateTime' | 'effectivePeriod.end' | 'effectiveInstant' | 'issued';
}

/**
 * Picks the Observation's effective time string without parsing it: the first element present wins,
 * even when its value later fails to parse (a broken date is reported, never replaced by `issued`).
 * @param observation - the Observation
 * @returns the FHIR date string, or undefined when none of the four elements is present
 */
export function observationEffectiveTime(observation: Observation): string | undefined {
  return observationTimeSource(observation)?.value;
}

/**
 * Like {@link observationEffectiveTime}, but also names the element the time came from.
 * @param observation - the Observation
 * @returns the value and its element path, or undefined when none is present
 */
export function observationTimeSource(observation: Observation): ObservationTime | undefined {
  if (observation.effectiveDateTime !== undefined) {
    return { value: observation.effectiveDateTime, path: 'effectiveDateTime' };
  }
  if (observation.effectivePeriod?.end !== undefined) {
    return { value: observation.effectivePeriod.end, path: 'effectivePeriod.end' };
  }
  if (observation.effectiveInstant !== undefined) {
    return { value: observation.effectiveInstant, path: 'effectiveInstant' };
  }
  if (observation.issued !== undefined) {
    return { value: observation.issued, path: 'issued' };
  }
  return undefined;
}
