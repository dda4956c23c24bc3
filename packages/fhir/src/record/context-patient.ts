/**
 * The patient a record is evaluated for, and every reference key that names that patient: `Patient/id`
 * plus the bundle `fullUrl`s its Patient entries were known by (absolute URLs and `urn:uuid:` alike).
 * A CDS Hooks call names the patient (`context.patientId`); a bare bundle (CLI, embedding) is taken to be
 * the record of its one Patient, or — without a Patient — of the one patient its resources refer to.
 */
import { SoleusError } from '@soleus/core';
import { referenceKey } from '../fhir/reference-key';
import type { IndexEntry } from '../facts/record-index';
import { resourceSubject } from './resource-subject';

/** The context patient. */
export interface ContextPatient {
  /** `Patient.id`, when known (a record may name its patient only by `urn:uuid:`). */
  readonly id: string | undefined;
  /** Normalised reference keys (see {@link referenceKey}) that name this patient. */
  readonly keys: ReadonlySet<string>;
}

/**
 * Finds the context patient of a record.
 * @param entries - the record's resources with their fullUrls
 * @param patientId - the patient id the caller names (CDS Hooks `context.patientId`), if any
 * @returns the patient, or null when no id was given and the record holds no patient data at all
 * @throws {SOLEUS_FHIR_PATIENT_AMBIGUOUS} when no id was given and the record holds several patients
 */
export function contextPatient(
  entries: readonly IndexEntry[],
  patientId: string | undefined,
): ContextPatient | null {
  const patients = entries.filter((e) => e.resource.resourceType === 'Patient').map(patientKeys);
  if (typeof patientId === 'string' && patientId.trim() !== '') {
    const id = patientId.trim();
    const keys = new Set([`Patient/${id}`]);
    patients.filter((p) => p.has(`Patient/${id}`)).forEach((p) => p.forEach((k) => keys.add(k)));
    return { id, keys };
  }
  const identities = mergeIdentities(patients);
  if (identities.length === 1) {
    const keys = identities[0] ?? new Set<string>();
    return { id: idOf(keys), keys };
  }
  if (identities.length > 1) {
    throw ambiguous(`${identities.length} Patient resources`);
  }
  const subjects = new Set<string>();
  for (const { resource } of entries) {
    const subject = resourceSubject(resource);
    const key = subject.kind === 'patient-data' ? referenceKey(subject.reference) : null;
    if (key !== null) {
      subjects.add(key);
    }
  }
  if (subjects.size > 1) {
    throw ambiguous(`references to ${subjects.size} different patients`);
  }
  const [only] = [...subjects];
  return only === undefined ? null : { id: idOf(new Set([only])), keys: new Set([only]) };
}

function patientKeys(entry: IndexEntry): Set<string> {
  const keys = new Set<string>();
  const id = (entry.resource as { id?: unknown }).id;
  if (typeof id === 'string' && id !== '') {
    keys.add(`Patient/${id}`);
  }
  const fromUrl = typeof entry.fullUrl === 'string' ? referenceKey(entry.fullUrl) : null;
  if (fromUrl !== null) {
    keys.add(fromUrl);
  }
  return keys;
}

/** Patient entries that share a key (two versions, or id and fullUrl of one patient) are one patient. */
function mergeIdentities(patients: readonly Set<string>[]): Set<string>[] {
  const identities: Set<string>[] = [];
  for (const keys of patients) {
    const same = identities.filter((identity) => [...keys].some((k) => identity.has(k)));
    const merged = new Set([...keys, ...same.flatMap((identity) => [...identity])]);
    identities.splice(0, identities.length, ...identities.filter((i) => !same.includes(i)), merged);
  }
  return identities.filter((keys) => keys.size > 0);
}

function idOf(keys: ReadonlySet<string>): string | undefined {
  const key = [...keys].find((k) => k.startsWith('Patient/'));
  return key?.slice('Patient/'.length);
}

function ambiguous(what: string): SoleusError {
  return new SoleusError(
    'SOLEUS_FHIR_PATIENT_AMBIGUOUS',
    `record: holds ${what} and no context patient was given; name the patient (CDS Hooks context.patientId, soleus evaluate --patient <id>)`,
  );
}
