/**
 * A request's prefetch as the patient record the pipeline evaluates: resolved with CDS Hooks semantics
 * (resolve-prefetch.ts), with the resource types of keys that could not be had (omitted and not
 * fetchable, failed, partial) marked unknown, so no exclusion rests on data the client did not supply.
 * Shared by the CDS service call and the Wells app's evaluation, so both read a record the same way.
 */
import type { PatientRecord } from '../record/record-from-bundle';
import {
  resolvePrefetch,
  type ResolvePrefetchOptions,
  type ResolvedPrefetch,
} from './resolve-prefetch';
import type { CdsRequest } from './types';

/**
 * Resolves the prefetch and builds the record.
 * @param request - the validated CDS Hooks request
 * @param templates - the service's prefetch templates
 * @param options - as for {@link resolvePrefetch}
 * @returns the record and the resolution (key states, ignored and incomplete keys)
 * @throws {SOLEUS_HOOK_PREFETCH_MISSING} as {@link resolvePrefetch}
 */
export async function prefetchRecord(
  request: CdsRequest,
  templates: Readonly<Record<string, string>>,
  options: ResolvePrefetchOptions,
): Promise<{ readonly record: PatientRecord; readonly prefetch: ResolvedPrefetch }> {
  const prefetch = await resolvePrefetch(request, templates, options);
  const unknownTypes = [...new Set(prefetch.incompleteKeys.map((k) => queriedType(templates[k])))];
  return {
    prefetch,
    record: {
      entries: prefetch.resources.map((resource) => ({ resource })),
      issues: prefetch.issues,
      ...(unknownTypes.length > 0 ? { unknownTypes } : {}),
    },
  };
}

/** `Observation?patient=…` → `Observation`; `Patient/{{context.patientId}}` → `Patient`. */
function queriedType(template: string | undefined): string {
  return (template ?? '').split(/[/?]/)[0] ?? '';
}
