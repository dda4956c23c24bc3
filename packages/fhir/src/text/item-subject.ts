import type { FhirResource } from 'fhir/r4';
import { describeResource } from './describe-resource';
import { calendarDate } from '@soleus/core';

/** What a record entry is when it has no coded name. */
const KINDS: Readonly<Record<string, string>> = {
  Observation: 'A result',
  Condition: 'A diagnosis',
  Procedure: 'A procedure',
  DiagnosticReport: 'A report',
  MedicationRequest: 'A medication order',
  MedicationStatement: 'A medication',
  QuestionnaireResponse: 'A recorded assessment',
  Encounter: 'An encounter',
};

/**
 * Names a record entry as the subject of a clinician line: "D-dimer (21 Nov 2026)", "Pain in left calf
 * (20 Nov 2026)", "A result" — never its resource id.
 * @param resource - the entry
 * @param name - what to call it (e.g. the fact's label); default: the record's own name for it
 * @returns the subject
 */
export function itemSubject(resource: FhirResource, name?: string): string {
  const described = describeResource(resource);
  const what = name ?? described.name ?? kindWord(resource.resourceType);
  return described.atMs === undefined ? what : `${what} (${calendarDate(described.atMs)})`;
}

/**
 * @param resourceType - a resource type
 * @returns what a clinician line calls an entry of that type with no coded name ("A result")
 */
export function kindWord(resourceType: string): string {
  return KINDS[resourceType] ?? 'A record entry';
}
