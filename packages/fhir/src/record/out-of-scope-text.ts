import type { FhirResource } from 'fhir/r4';

/** What a clinician calls an entry of each kind when it carries no readable name. */
const KINDS: Readonly<Record<string, string>> = {
  Patient: 'patient demographics',
  Observation: 'a result',
  Condition: 'a diagnosis',
  Procedure: 'a procedure',
  DiagnosticReport: 'a report',
  MedicationRequest: 'a medication order',
  MedicationStatement: 'a medication',
  QuestionnaireResponse: 'a recorded assessment',
  Encounter: 'an encounter',
};

const SHOWN = 3;

/**
 * The clinician line for record entries left out because they are filed under another patient (or
 * name no patient): what they are, by their own names where readable, and what to do. Entries left out
 * are not sanitised, so every element is read with type checks; never a resource id or a patient id.
 * @param record - the record entries left out
 * @param drafts - the draft orders left out
 * @returns one sentence without a final full stop
 */
export function outOfScopeText(
  record: readonly FhirResource[],
  drafts: readonly FhirResource[],
): string {
  const foreign = [...record, ...drafts];
  const names = [
    ...new Set([...record.map(entryName), ...drafts.map((d) => `draft order for ${entryName(d)}`)]),
  ];
  const shown = names.slice(0, SHOWN).join(', ');
  const more = names.length > SHOWN ? ` and ${names.length - SHOWN} more` : '';
  const [entries, were] =
    foreign.length === 1 ? ['An entry', 'was'] : [`${foreign.length} entries`, 'were'];
  return `${entries} filed under another patient or under no patient (${shown}${more}) ${were} not used; check the record for a misfiled entry`;
}

function entryName(resource: FhirResource): string {
  const r = resource as unknown as Record<string, unknown>;
  const concept =
    r['code'] ?? r['medicationCodeableConcept'] ?? (Array.isArray(r['type']) ? r['type'][0] : null);
  return conceptName(concept) ?? KINDS[resource.resourceType] ?? 'a record entry';
}

function conceptName(concept: unknown): string | undefined {
  if (typeof concept !== 'object' || concept === null) {
    return undefined;
  }
  const { text, coding } = concept as { text?: unknown; coding?: unknown };
  if (typeof text === 'string' && text.trim() !== '') {
    return text.trim();
  }
  const display = Array.isArray(coding)
    ? coding
        .map((c: unknown) => (c as { display?: unknown } | null)?.display)
        .find((d): d is string => typeof d === 'string' && d.trim() !== '')
    : undefined;
  return display?.trim();
}
