import type { ErrorCode, Issue } from '@soleus/core';

/** Kinds of record data as a clinician names them. */
const DATA_KINDS: Readonly<Record<string, string>> = {
  Patient: 'Demographics (date of birth, sex)',
  Observation: 'Results and measurements',
  Condition: 'Problem list and diagnoses',
  Procedure: 'Procedures',
  MedicationRequest: 'Medication orders',
  MedicationStatement: 'Medication lists',
  DiagnosticReport: 'Reports (e.g. ultrasound)',
  QuestionnaireResponse: 'Recorded assessments (e.g. Wells)',
  Encounter: 'Encounters',
};

/** What a clinician reads for an issue raised without its own clinician text. */
const FALLBACK: Partial<Record<ErrorCode, string>> = {
  SOLEUS_FHIR_UNINTERPRETABLE: 'A record entry could not be read; it was treated as unknown',
  SOLEUS_FHIR_INVALID_RESOURCE: 'A record entry is invalid; it was not used',
  SOLEUS_FHIR_UNMAPPED_MEDICATION: 'A medication could not be identified; it was not checked',
  SOLEUS_FHIR_MEDICATION_CONFLICT:
    'A medication’s code and name describe different products; the code was used',
  SOLEUS_FHIR_CONFLICT: 'The record and the bedside assessment disagree; the record was kept',
};

const UNAVAILABLE_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'SOLEUS_HOOK_PREFETCH_MISSING',
  'SOLEUS_HOOK_PREFETCH_OUTCOME',
  'SOLEUS_HOOK_PREFETCH_PARTIAL',
  'SOLEUS_FHIR_FETCH',
]);

/**
 * The line a clinician reads for an issue inside a card: its own clinician text, or a plain sentence
 * for its kind. Never the engineering message (resource ids, element paths, codes).
 * @param issue - the issue
 * @returns one sentence without a final full stop
 */
export function clinicianLine(issue: Issue): string {
  if (issue.clinicianText) {
    return issue.clinicianText;
  }
  const kinds = (issue.concerns?.resourceTypes ?? []).map((t) => DATA_KINDS[t] ?? 'Record data');
  const what = kinds.length > 0 ? [...new Set(kinds)].join(', ') : 'Some record data';
  if (UNAVAILABLE_CODES.has(issue.code)) {
    const partial = issue.code === 'SOLEUS_HOOK_PREFETCH_PARTIAL' ? 'only partly' : 'not';
    return `${what}: ${partial} received from the EHR in this call, so treated as unknown`;
  }
  if (kinds.length > 0) {
    return `${what}: some entries from the EHR could not be read and were left out, so treated as unknown`;
  }
  return FALLBACK[issue.code] ?? 'Some record data could not be used; it was treated as unknown';
}
