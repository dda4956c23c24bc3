/**
 * The adapter's entrance (clinical-spec §0.3, revision 2): before anything is indexed, the record is cut
 * down to what may be used for this patient. A resource counts only when its patient reference names
 * the context patient (relative `Patient/id`, an absolute URL ending in it, or the bundle `fullUrl` of
 * that Patient, `urn:uuid:` included); a Patient that is not the context patient is never used (age and
 * sex are then unknown); drafts obey the same rule. Of several versions of one resource only the current
 * one is kept. Everything left out is reported as ONE data-quality issue, not one line per resource.
 * Another patient's data may be a misfiled entry of this patient: the issue reaches the clinician when
 * such data could have changed a card (the facts it would have changed had it been filed under this
 * patient, refile-under-context-patient.ts), named in words; superseded versions change no card and
 * are only counted.
 */
import type { FhirResource } from 'fhir/r4';
import type { Issue } from '@soleus/core';
import { isResourceObject } from '../fhir/bundle-resources';
import { referenceKey } from '../fhir/reference-key';
import type { IndexEntry } from '../facts/record-index';
import { contextPatient, type ContextPatient } from './context-patient';
import { currentVersions } from './current-versions';
import { outOfScopeText } from './out-of-scope-text';
import { resourceSubject } from './resource-subject';

/** The record as the facts may see it. */
export interface ScopedRecord {
  readonly entries: readonly IndexEntry[];
  readonly drafts: readonly FhirResource[];
  /** The context patient; null when the record holds no patient data and none was named. */
  readonly patient: ContextPatient | null;
  /** The one issue that counts what was left out (empty when nothing was). */
  readonly issues: readonly Issue[];
  /** Record entries left out as another patient's or naming no patient. */
  readonly foreign: readonly IndexEntry[];
  /** Draft orders left out as another patient's or naming no patient. */
  readonly foreignDrafts: readonly FhirResource[];
}

/**
 * Keeps the context patient's current resources.
 * @param entries - the record's resources with their fullUrls
 * @param drafts - the hook's draft orders
 * @param patientId - the context patient id (CDS Hooks `context.patientId`), if the caller has one
 * @returns the scoped record and the issue counting what was ignored
 * @throws {SOLEUS_FHIR_PATIENT_AMBIGUOUS} when no id was given and the record holds several patients
 */
export function scopeRecord(
  entries: readonly IndexEntry[],
  drafts: readonly FhirResource[],
  patientId?: string,
): ScopedRecord {
  const draftEntries: IndexEntry[] = drafts.map((resource) => ({ resource }));
  const readable = (entry: IndexEntry): boolean => isResourceObject(entry.resource);
  const patient = contextPatient([...entries, ...draftEntries].filter(readable), patientId);
  const foreign: IndexEntry[] = [];
  const foreignDrafts: IndexEntry[] = [];
  // A record names its patient the same way in almost every entry: each reference text is parsed once.
  const keys = new Map<string, string | null>();
  const keyOf = (reference: string): string | null => {
    let key = keys.get(reference);
    if (key === undefined) {
      key = referenceKey(reference);
      keys.set(reference, key);
    }
    return key;
  };
  const belongs =
    (into: IndexEntry[]) =>
    (entry: IndexEntry): boolean => {
      // What is not a resource at all is left for the reading layer to report.
      const ok = !readable(entry) || belongsTo(entry, patient, keyOf);
      if (!ok) {
        into.push(entry);
      }
      return ok;
    };
  const record = currentVersions(entries.filter(belongs(foreign)));
  const draftVersions = currentVersions(draftEntries.filter(belongs(foreignDrafts)));
  const superseded = [...record.superseded, ...draftVersions.superseded].map((e) => e.resource);
  const resourcesOf = (list: readonly IndexEntry[]) => list.map((e) => e.resource);
  const issue = scopeIssue(resourcesOf(foreign), resourcesOf(foreignDrafts), superseded);
  return {
    entries: record.current,
    drafts: resourcesOf(draftVersions.current),
    patient,
    issues: issue ? [issue] : [],
    foreign,
    foreignDrafts: resourcesOf(foreignDrafts),
  };
}

function belongsTo(
  entry: IndexEntry,
  patient: ContextPatient | null,
  keyOf: (reference: string) => string | null,
): boolean {
  if (entry.resource.resourceType === 'Patient') {
    const id = (entry.resource as { id?: unknown }).id;
    const keys = [
      typeof id === 'string' ? `Patient/${id}` : null,
      typeof entry.fullUrl === 'string' ? referenceKey(entry.fullUrl) : null,
    ];
    return patient !== null && keys.some((k) => k !== null && patient.keys.has(k));
  }
  const subject = resourceSubject(entry.resource);
  if (subject.kind === 'shared') {
    return true;
  }
  const key = subject.reference === undefined ? null : keyOf(subject.reference);
  return patient !== null && key !== null && patient.keys.has(key);
}

function scopeIssue(
  foreignRecord: readonly FhirResource[],
  foreignDrafts: readonly FhirResource[],
  superseded: readonly FhirResource[],
): Issue | undefined {
  const foreign = [...foreignRecord, ...foreignDrafts];
  if (foreign.length === 0 && superseded.length === 0) {
    return undefined;
  }
  const parts = [
    foreign.length > 0
      ? `${foreign.length} of another patient or without a reference to this patient (${byType(foreign)})`
      : '',
    superseded.length > 0
      ? `${superseded.length} superseded by a later version of the same resource (${byType(superseded)})`
      : '',
  ].filter((p) => p !== '');
  const message = `${foreign.length + superseded.length} resource(s) not used: ${parts.join('; ')}`;
  // Earlier versions are routine in history feeds and change no card: only the operator counts them.
  if (foreign.length === 0) {
    return {
      severity: 'information',
      code: 'SOLEUS_FHIR_OUT_OF_SCOPE',
      message,
      audience: 'operator',
    };
  }
  // Another patient's data in this record may be a misfiled entry: the clinician hears of it wherever
  // it could have changed a card (its concerns are resolved once the facts are computed).
  return {
    severity: 'warning',
    code: 'SOLEUS_FHIR_OUT_OF_SCOPE',
    message,
    clinicianText: outOfScopeText(foreignRecord, foreignDrafts),
  };
}

function byType(resources: readonly FhirResource[]): string {
  const counts = new Map<string, number>();
  resources.forEach((r) => counts.set(r.resourceType, (counts.get(r.resourceType) ?? 0) + 1));
  return [...counts].map(([type, n]) => (n > 1 ? `${type} ×${n}` : type)).join(', ');
}
