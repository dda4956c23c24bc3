import type { FhirResource } from 'fhir/r4';
import type { Issue } from '@soleus/core';
import { itemSubject } from '../text/item-subject';

/** What a clinician calls the top element a sanitiser issue names (FHIR element → words). */
const ELEMENTS: Readonly<Record<string, string>> = {
  birthDate: 'date of birth',
  gender: 'sex',
  code: 'code',
  status: 'status',
  clinicalStatus: 'status',
  verificationStatus: 'status',
  intent: 'intent',
  subject: 'patient reference',
  valueQuantity: 'value',
  valueCodeableConcept: 'value',
  valueBoolean: 'value',
  valueString: 'value',
  component: 'components',
  interpretation: 'interpretation',
  referenceRange: 'reference range',
  effectiveDateTime: 'date',
  effectivePeriod: 'date',
  issued: 'date',
  onsetDateTime: 'onset date',
  onsetPeriod: 'onset date',
  recordedDate: 'date',
  authoredOn: 'date',
  authored: 'date',
  dosageInstruction: 'dosage',
  medicationCodeableConcept: 'medication',
  medicationReference: 'medication',
  bodySite: 'body site',
  item: 'answers',
  conclusionCode: 'conclusion',
  class: 'class',
  period: 'dates',
  modifierExtension: 'qualifier that changes its meaning',
};

/**
 * The clinician line of an issue the reading layer raised for a resource it repaired or skipped: what
 * the entry is (its name and date, or its kind) and which part of it could not be read, in words,
 * never its resource id or element path.
 * @param issue - the sanitiser's issue (location path = the broken element)
 * @param resource - the resource as it will be read (repaired), or undefined when it was skipped
 * @param original - the resource as received (for its kind when it was skipped)
 * @returns the issue with its clinician text
 */
export function withSanitisedText(
  issue: Issue,
  resource: FhirResource | undefined,
  original: unknown,
): Issue {
  const type = (original as { resourceType?: unknown } | null)?.resourceType;
  const subject = resource
    ? itemSubject(resource)
    : itemSubject({ resourceType: typeof type === 'string' ? type : 'Basic' } as FhirResource);
  const top = (issue.location?.path ?? '').split(/[.[]/)[0] ?? '';
  const part = ELEMENTS[top];
  const what = part ? `its ${part} could not be read` : 'part of it could not be read';
  const then = resource ? 'that part was treated as unknown' : 'it was not used';
  return { ...issue, clinicianText: `${subject}: ${what}; ${then}` };
}
