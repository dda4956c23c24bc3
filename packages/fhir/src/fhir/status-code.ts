/**
 * Reads the one code of a FHIR status CodeableConcept (Condition.clinicalStatus, verificationStatus):
 * codings of the expected system count, and so do codings with no system (common in hand-made data).
 */
import type { CodeableConcept } from 'fhir/r4';

/** The status code found: absent, one code, or several different codes (uninterpretable). */
export type StatusCode =
  | { readonly kind: 'absent' }
  | { readonly kind: 'code'; readonly code: string }
  | { readonly kind: 'conflict'; readonly codes: readonly string[] };

/**
 * Extracts the status code of `system` from a CodeableConcept.
 * @param concept - the status element, e.g. `Condition.clinicalStatus`
 * @param system - the status code system URI
 * @returns absent (no usable coding), the code, or a conflict when codings disagree
 */
export function statusCode(concept: CodeableConcept | undefined, system: string): StatusCode {
  const codes = new Set<string>();
  for (const coding of concept?.coding ?? []) {
    if ((coding.system === undefined || coding.system === system) && coding.code !== undefined) {
      codes.add(coding.code);
    }
  }
  const [first, ...rest] = [...codes];
  if (first === undefined) {
    return { kind: 'absent' };
  }
  return rest.length === 0
    ? { kind: 'code', code: first }
    : { kind: 'conflict', codes: [first, ...rest] };
}
