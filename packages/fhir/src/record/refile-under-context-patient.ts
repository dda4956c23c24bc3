/**
 * What if the entries left out as another patient's were this patient's (a misfiled result, a draft
 * in the wrong chart)? The record scope never reads them; this rebuilds the record with them filed
 * under the context patient, so the facts they would have changed can be told — and with them the
 * cards they could have changed (docs/reference/data-quality.md §1). A left-out Patient stands in
 * for the context patient's demographics only when the record holds none of its own.
 */
import type { FhirResource } from 'fhir/r4';
import type { IndexEntry } from '../facts/record-index';
import type { ScopedRecord } from './scope-record';
import { subjectElement } from './resource-subject';

/** The scoped record with the left-out entries re-filed under the context patient. */
export interface RefiledRecord {
  readonly entries: readonly IndexEntry[];
  readonly drafts: readonly FhirResource[];
  /** The context patient's id, when it has one (else its `fullUrl` names it). */
  readonly patientId: string | undefined;
}

/**
 * @param scoped - the record as scoped for the context patient
 * @returns the what-if record, or null when nothing was left out as another patient's
 */
export function refileUnderContextPatient(scoped: ScopedRecord): RefiledRecord | null {
  const id = scoped.patient?.id;
  const key = id === undefined ? [...(scoped.patient?.keys ?? [])][0] : `Patient/${id}`;
  if (key === undefined || (scoped.foreign.length === 0 && scoped.foreignDrafts.length === 0)) {
    return null;
  }
  const reference = { reference: key };
  const hasPatient =
    id === undefined || scoped.entries.some((e) => e.resource.resourceType === 'Patient');
  const patients = scoped.foreign.filter((e) => e.resource.resourceType === 'Patient');
  const stand = hasPatient
    ? []
    : patients.slice(0, 1).map((e) => ({ resource: { ...e.resource, id } }));
  const data = scoped.foreign
    .filter((e) => e.resource.resourceType !== 'Patient')
    .map((e) => ({ resource: refiled(e.resource, reference) }));
  return {
    entries: [...scoped.entries, ...stand, ...data] as IndexEntry[],
    drafts: [...scoped.drafts, ...scoped.foreignDrafts.map((d) => refiled(d, reference))],
    patientId: id,
  };
}

function refiled(resource: FhirResource, reference: { reference: string }): FhirResource {
  const element = subjectElement(resource) ?? 'subject';
  return { ...resource, [element]: reference } as FhirResource;
}
