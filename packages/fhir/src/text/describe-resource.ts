/**
 * A record entry in the words of card text: what it is (its coded name as the record gives it) and
 * when (its clinically relevant date), e.g. "Pain in left calf, 20 Nov 2026, 2 days ago". Never its
 * resource id.
 */
import type { CodeableConcept, FhirResource } from 'fhir/r4';
import { conditionOnset } from '../fhir/condition-onset';
import { observationEffectiveTime } from '../fhir/observation-effective-time';
import { parseFhirDate } from '../fhir/parse-fhir-date';
import { humanDate } from '@soleus/core';

/** What card text may say about one resource. */
export interface ResourceDescription {
  /** The record's name for it (code text or first display), when it has one. */
  readonly name?: string;
  /** Its clinically relevant instant, epoch ms, when known to the day. */
  readonly atMs?: number;
}

/**
 * @param resource - a resource of the record
 * @returns its name and date, as far as the record gives them
 */
export function describeResource(resource: FhirResource): ResourceDescription {
  const name = conceptName(codeOf(resource));
  const at = parseFhirDate(dateOf(resource));
  const dayPrecise = at !== null && at.precision !== 'year' && at.precision !== 'month';
  return {
    ...(name ? { name } : {}),
    ...(dayPrecise ? { atMs: at.epochMs } : {}),
  };
}

/**
 * @param description - a resource description
 * @param nowMs - the evaluation instant
 * @returns "Name, 20 Nov 2026, 2 days ago", "Name", or the date alone; empty when nothing is known
 */
export function describedText(description: ResourceDescription, nowMs: number): string {
  const when = description.atMs === undefined ? undefined : humanDate(description.atMs, nowMs);
  return [description.name, when].filter((part) => part !== undefined).join(', ');
}

/**
 * @param concept - a CodeableConcept
 * @returns its text, else its first coding's display
 */
export function conceptName(concept: CodeableConcept | undefined): string | undefined {
  const text = concept?.text?.trim();
  if (text) {
    return text;
  }
  return concept?.coding?.find((c) => c.display?.trim())?.display?.trim();
}

function codeOf(resource: FhirResource): CodeableConcept | undefined {
  switch (resource.resourceType) {
    case 'Observation':
    case 'Condition':
    case 'Procedure':
    case 'DiagnosticReport':
      return resource.code;
    case 'MedicationRequest':
    case 'MedicationStatement':
      return resource.medicationCodeableConcept;
    case 'Encounter':
      return resource.type?.[0] ?? resource.reasonCode?.[0];
    default:
      return undefined;
  }
}

function dateOf(resource: FhirResource): string | undefined {
  switch (resource.resourceType) {
    case 'Observation':
      return observationEffectiveTime(resource);
    case 'Condition':
      return conditionOnset(resource);
    case 'Procedure':
      return resource.performedDateTime ?? resource.performedPeriod?.start;
    case 'DiagnosticReport':
      return resource.effectiveDateTime ?? resource.effectivePeriod?.end ?? resource.issued;
    case 'QuestionnaireResponse':
      return resource.authored;
    case 'MedicationRequest':
      return resource.authoredOn;
    case 'Encounter':
      return resource.period?.start;
    default:
      return undefined;
  }
}
