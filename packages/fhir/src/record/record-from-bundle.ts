import type { FhirResource } from 'fhir/r4';
import { SoleusError, type Issue } from '@soleus/core';
import type { IndexEntry } from '../facts/record-index';

/** A patient's record as a flat list of resources (with the fullUrl each was known by). */
export interface PatientRecord {
  readonly entries: readonly IndexEntry[];
  /** Entries that were skipped because they are not resources (reported, never silently dropped). */
  readonly issues: readonly Issue[];
  /**
   * Resource types whose data the client could not supply in this call (a prefetch key omitted and
   * not fetchable, a failed fetch, a partial searchset): their absence proves nothing.
   */
  readonly unknownTypes?: readonly string[];
}

/**
 * Accepts any FHIR R4 Bundle (collection, transaction, searchset, batch …) and flattens it to resources.
 * Structural problems throw; a single bad entry is skipped with an issue and the rest is kept.
 * @param input - parsed JSON
 * @param where - name of the input for messages (e.g. "bundle", "draftOrders", "prefetch.observations")
 * @returns the record
 * @throws {SOLEUS_FHIR_NOT_A_BUNDLE} when the input is not a Bundle
 */
export function recordFromBundle(input: unknown, where: string): PatientRecord {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new SoleusError(
      'SOLEUS_FHIR_NOT_A_BUNDLE',
      `${where}: expected a FHIR R4 Bundle object, found ${Array.isArray(input) ? 'an array' : typeof input}`,
    );
  }
  const bundle = input as { resourceType?: unknown; entry?: unknown };
  if (bundle.resourceType !== 'Bundle') {
    throw new SoleusError(
      'SOLEUS_FHIR_NOT_A_BUNDLE',
      `${where}.resourceType: expected "Bundle", found ${JSON.stringify(bundle.resourceType ?? null)}`,
    );
  }
  if (bundle.entry !== undefined && !Array.isArray(bundle.entry)) {
    throw new SoleusError(
      'SOLEUS_FHIR_NOT_A_BUNDLE',
      `${where}.entry: expected an array, found ${typeof bundle.entry}`,
    );
  }
  const entries: IndexEntry[] = [];
  const issues: Issue[] = [];
  (bundle.entry ?? []).forEach((entry: unknown, i: number) => {
    const resource = (entry as { resource?: unknown } | null)?.resource as
      Partial<FhirResource> | undefined;
    const fullUrl = (entry as { fullUrl?: unknown } | null)?.fullUrl;
    if (!resource || typeof resource !== 'object' || typeof resource.resourceType !== 'string') {
      issues.push({
        severity: 'warning',
        code: 'SOLEUS_FHIR_INVALID_RESOURCE',
        message: `${where}.entry[${i}].resource: expected a FHIR resource with a resourceType, found ${resource === undefined ? 'nothing' : typeof resource}; entry skipped`,
        location: { path: `${where}.entry[${i}]` },
      });
      return;
    }
    entries.push({
      resource: resource as FhirResource,
      ...(typeof fullUrl === 'string' ? { fullUrl } : {}),
    });
  });
  return { entries, issues };
}
