/**
 * Medplum as a CDS client — written from its published source: `buildCdsRequest` in
 * packages/core/src/cds.ts, the bot example that calls a CDS service through a `MedplumClient`
 * pointed at the service, and `MedplumClient.post` (packages/core/src/client.ts):
 * - body: `hook`, `hookInstance` (a generated uuid), the `context` the caller gives (the bot example:
 *   `{ patientId }` only, no `userId`), and `prefetch` with EVERY declared key — a Medplum search
 *   Bundle (`searchset`, `fullUrl` and `search.mode` on entries, a `self` link), a read resource, or
 *   `null` when a template token could not be filled; no `fhirServer`, no `fhirAuthorization`;
 * - HTTP: `Content-Type: application/fhir+json` (the client's default for bodies), `X-Medplum:
 *   extended`, and no CDS Hooks JWT (a Medplum access token only when the client is logged in) —
 *   so Soleus serves Medplum in local mode (loopback, no issuer) or behind a gateway that signs.
 */
import type { Bundle, FhirResource } from 'fhir/r4';
import {
  INTEROP_PATIENT,
  interopRecord,
  resourcesOf,
} from '../../../fhir/test/support/interop-records';
import { cardsOf, compatApp, serviceFor, type CompatApp } from './support/compat-harness';

const pv = serviceFor('patient-view');
const record = resourcesOf(interopRecord('calf-pain'));
const MEDPLUM_FHIR = 'https://api.medplum.example/fhir/R4';

let local: CompatApp;
beforeAll(() => {
  local = compatApp(undefined);
});
afterAll(async () => local.app.close());

/** A Medplum search result: searchset, fullUrl and search mode on each entry, a self link. */
function medplumSearch(query: string, resources: readonly FhirResource[]): Bundle<FhirResource> {
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    entry: resources.map((resource) => ({
      fullUrl: `${MEDPLUM_FHIR}/${resource.resourceType}/${resource.id ?? ''}`,
      search: { mode: 'match' },
      resource,
    })),
    link: [{ relation: 'self', url: `${MEDPLUM_FHIR}/${query}` }],
  };
}

/** The prefetch buildCdsRequest makes: a read, a search per template, null when a token is unfilled. */
function medplumPrefetch(nullKeys: readonly string[] = []): Record<string, unknown> {
  const prefetch: Record<string, unknown> = {};
  for (const [key, template] of Object.entries(pv.prefetch ?? {})) {
    const query = template.replace('{{context.patientId}}', INTEROP_PATIENT);
    const [type = '', search] = query.split('?');
    const status = /status=([^&]+)/.exec(search ?? '')?.[1];
    const matches = record.filter(
      (r) =>
        r.resourceType === type.split('/')[0] &&
        (status === undefined || (r as { status?: string }).status === status),
    );
    prefetch[key] = nullKeys.includes(key)
      ? null
      : search === undefined
        ? (matches[0] ?? null)
        : medplumSearch(query, matches);
  }
  return prefetch;
}

function post(body: object, contentType = 'application/fhir+json') {
  return local.app.inject({
    method: 'POST',
    url: `/cds-services/${pv.id}`,
    headers: {
      'content-type': contentType,
      'x-medplum': 'extended',
      accept: 'application/fhir+json',
    },
    payload: JSON.stringify(body),
  });
}

describe('Medplum', () => {
  it('the bot example: context { patientId } only, fhir+json body, every key prefetched → the DVT card', async () => {
    const res = await post({
      hook: 'patient-view',
      hookInstance: '0a7d4c9e-6f2b-4e1a-9c3d-8b5e7f1a2c3d',
      context: { patientId: INTEROP_PATIENT },
      prefetch: medplumPrefetch(),
    });
    expect(cardsOf(res)).toEqual(
      expect.arrayContaining([
        { id: 'dvt-likely-imaging', indicator: 'critical' },
        { id: 'cramp-electrolyte', indicator: 'warning' },
      ]),
    );
    const warning = local.logs.lines().find((l) => l['pointer'] === '/context/userId');
    expect(warning).toMatchObject({ level: 40 });
  });

  it('buildCdsRequest with a user in context and null for keys it could not fill → 200, cards kept', async () => {
    const res = await post({
      hook: 'patient-view',
      hookInstance: '5c1e8a2b-7d4f-4b9e-a1c6-3e8d2f7b9a0c',
      context: { patientId: INTEROP_PATIENT, userId: 'Practitioner/medplum-user' },
      prefetch: medplumPrefetch(['procedures', 'diagnosticReports']),
    });
    expect(cardsOf(res).map((c) => c.id)).toContain('dvt-likely-imaging');
  });

  it('application/json works as well (a caller that sets it explicitly)', async () => {
    const res = await post(
      {
        hook: 'patient-view',
        hookInstance: '9e2b4c6d-1a3f-4e5b-8c7d-0f1e2d3c4b5a',
        context: { patientId: INTEROP_PATIENT },
        prefetch: medplumPrefetch(),
      },
      'application/json',
    );
    expect(cardsOf(res).map((c) => c.id)).toContain('dvt-likely-imaging');
  });
});
