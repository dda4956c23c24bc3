import type { ErrorCode, Issue } from '@soleus/core';

/**
 * Builds a warning issue located at a FHIR element, with the `Type/id (path): what` message convention.
 * Messages name the resource and element only; clinical values go in `details`, never in the text.
 * @param code - issue code
 * @param resource - the resource as `Type/id`
 * @param path - the element path inside the resource, e.g. `medicationCodeableConcept`
 * @param what - what was expected and what was found
 * @param details - optional values the caller may log (codes, units), never identifiers
 * @returns the issue
 */
export function createMedicationIssue(
  code: ErrorCode,
  resource: string,
  path: string,
  what: string,
  details?: Readonly<Record<string, unknown>>,
): Issue {
  return {
    severity: 'warning',
    code,
    message: `${resource} (${path}): ${what}`,
    location: { resource, path },
    ...(details === undefined ? {} : { details }),
  };
}
