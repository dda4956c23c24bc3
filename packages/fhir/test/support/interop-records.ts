/**
 * The interop records (fixtures/interop, assembled from synthetic vignettes: see its README) and the
 * helpers that turn a record into what a CDS client sends: one prefetch value per discovery key, each
 * holding the resources of the type the key's template queries.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Bundle, FhirResource } from 'fhir/r4';
import type { CdsService } from '../../src/cds-hooks/types';

/** The evaluation instant the interop records are written for. */
export const INTEROP_NOW = '2026-11-22T09:00:00Z';

/** The patient id of every interop record. */
export const INTEROP_PATIENT = 'p1';

/** The interop record files. */
export type InteropRecord = 'calf-pain' | 'analgesic-order' | 'analgesic-order.drafts';

/**
 * Reads an interop record.
 * @param name - the record
 * @returns a fresh copy of its Bundle
 */
export function interopRecord(name: InteropRecord): Bundle<FhirResource> {
  const file = join(__dirname, '..', 'fixtures', 'interop', `${name}.bundle.json`);
  return JSON.parse(readFileSync(file, 'utf8')) as Bundle<FhirResource>;
}

/**
 * The resources of a record.
 * @param bundle - a Bundle
 * @returns its entries' resources
 */
export function resourcesOf(bundle: Bundle<FhirResource>): FhirResource[] {
  return (bundle.entry ?? []).flatMap((e) => (e.resource ? [e.resource] : []));
}

/**
 * The resource type a prefetch template queries (`Observation?patient=…` → `Observation`).
 * @param template - a prefetch template
 * @returns the type
 */
export function templateType(template: string): string {
  return template.split(/[/?]/)[0] ?? '';
}

/**
 * A searchset Bundle as a FHIR server answers a search.
 * @param resources - the matches
 * @returns the Bundle
 */
export function searchset(resources: readonly FhirResource[]): Bundle<FhirResource> {
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total: resources.length,
    entry: resources.map((resource) => ({ resource, search: { mode: 'match' } })),
  };
}

/**
 * The prefetch a complete client sends for a service: the Patient read for `Type/{{…}}` templates, a
 * searchset of the queried type for the others (a status filter in the template, one status or a comma list, is applied).
 * @param service - the discovery entry
 * @param resources - the patient's record
 * @returns key → prefetch value
 */
export function prefetchFor(
  service: CdsService,
  resources: readonly FhirResource[],
): Record<string, FhirResource> {
  const prefetch: Record<string, FhirResource> = {};
  for (const [key, template] of Object.entries(service.prefetch ?? {})) {
    const type = templateType(template);
    const status = /[?&]status=([^&]+)/.exec(template)?.[1];
    const matches = resources.filter(
      (r) =>
        r.resourceType === type &&
        (status === undefined ||
          status.split(',').includes(String((r as { status?: unknown }).status))),
    );
    prefetch[key] = template.includes('?') ? searchset(matches) : (matches[0] ?? searchset([]));
  }
  return prefetch;
}
