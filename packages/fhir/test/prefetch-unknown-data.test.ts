/**
 * Issue 13 item 2, end to end on the shipped rule packs: a prefetch key the client omitted, or whose
 * fetch failed, is unknown data — never a 412 that costs every card, never a negative. For every key
 * of every service, with and without a FHIR server, the clinical cards equal those of the same call
 * with that key present but empty. The one deliberate difference is the DVT guard: `dvt-excluded`
 * never rests on data the client could not supply (dvt-decision.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Bundle, Encounter, FhirResource } from 'fhir/r4';
import { DEFAULT_CONTENT, loadRuleSetSync } from '@soleus/core';
import { buildDiscovery } from '../src/cds-hooks/discovery';
import { handleCdsRequest } from '../src/cds-hooks/handle-cds-request';
import type { CdsResponse, CdsService } from '../src/cds-hooks/types';
import { validateCdsResponse } from '../src/cds-hooks/validate-cds-response';
import { startFhirStub, type FhirStub } from './support/fhir-stub';
import {
  INTEROP_NOW,
  INTEROP_PATIENT,
  interopRecord,
  prefetchFor,
  resourcesOf,
  searchset,
} from './support/interop-records';

const ruleSet = loadRuleSetSync(DEFAULT_CONTENT);
const services = buildDiscovery(ruleSet).services;
const drafts = interopRecord('analgesic-order.drafts');
const RECORDS: Record<string, FhirResource[]> = {
  'patient-view': resourcesOf(interopRecord('calf-pain')),
  'order-select': resourcesOf(interopRecord('analgesic-order')),
  'order-sign': resourcesOf(interopRecord('analgesic-order')),
};
const AUTH = {
  access_token: 'interop-token',
  token_type: 'Bearer',
  expires_in: 300,
  scope: 'user/*.read',
  subject: 'soleus',
};

let failing: FhirStub;
beforeAll(async () => {
  // A FHIR server with no routes answers every read and search 404: a fetched key fails, stays unknown.
  failing = await startFhirStub({});
});
afterAll(async () => failing.close());

function context(service: CdsService): Record<string, unknown> {
  const base = { userId: 'Practitioner/dr-1', patientId: INTEROP_PATIENT };
  if (service.hook === 'patient-view') {
    return base;
  }
  const selections =
    service.hook === 'order-select' ? { selections: ['MedicationRequest/draft-ibu'] } : {};
  return { ...base, draftOrders: drafts, ...selections };
}

async function call(service: CdsService, prefetch: Record<string, unknown>, server: boolean) {
  const result = await handleCdsRequest(
    service.id,
    {
      hook: service.hook,
      hookInstance: '1b0f7c1e-51a6-4b48-9a48-5d3d2e8f1c11',
      context: context(service),
      prefetch,
      ...(server ? { fhirServer: failing.baseUrl, fhirAuthorization: AUTH } : {}),
    },
    { ruleSet, now: INTEROP_NOW, prefetchTimeoutMs: 2000 },
  );
  expect(result.status).toBe(200);
  expect(validateCdsResponse(result.body)).toEqual([]);
  return result;
}

/** What a clinician sees of the clinical cards: id, indicator, summary, suggestion labels. */
function clinicalCards(body: unknown): string[] {
  return (body as CdsResponse).cards
    .filter((card) => card.source.topic?.code !== 'data-quality')
    .map((card) =>
      [
        card.source.topic?.code,
        card.indicator,
        card.summary,
        ...(card.suggestions ?? []).map((s) => s.label),
      ].join(' | '),
    );
}

const cases = services.flatMap((service) =>
  Object.keys(service.prefetch ?? {})
    .filter((key) => key !== 'patient')
    .flatMap((key) => [
      [service.hook, key, 'no fhirServer'] as const,
      [service.hook, key, 'fhirServer failing'] as const,
    ]),
);

describe('an omitted prefetch key is unknown data, not a 412', () => {
  it('covers every non-Patient key of every service', () => {
    expect(services.map((s) => s.hook)).toEqual(['patient-view', 'order-select', 'order-sign']);
    expect(cases.length).toBeGreaterThanOrEqual(2 * 3 * 6);
  });

  it.each(Object.keys(RECORDS))('the %s baseline fires clinical cards', async (hook) => {
    const service = services.find((s) => s.hook === hook) as CdsService;
    const cards = clinicalCards(
      (await call(service, prefetchFor(service, RECORDS[hook] ?? []), false)).body,
    );
    expect(cards.length).toBeGreaterThanOrEqual(hook === 'patient-view' ? 3 : 2);
  });

  it.each(cases)(
    '%s: "%s" omitted (%s) → the clinical cards of the key present but empty',
    async (hook, key, mode) => {
      const service = services.find((s) => s.hook === hook) as CdsService;
      const full = prefetchFor(service, RECORDS[hook] ?? []);
      const empty = { ...full, [key]: searchset([]) };
      const omitted: Record<string, unknown> = { ...full };
      delete omitted[key];
      const server = mode === 'fhirServer failing';
      const withEmpty = await call(service, empty, server);
      const withOmitted = await call(service, omitted, server);
      expect(clinicalCards(withOmitted.body)).toEqual(clinicalCards(withEmpty.body));
      const unknown = withOmitted.issues?.filter((i) => i.location?.pointer === `/prefetch/${key}`);
      expect(unknown?.length).toBeGreaterThan(0);
    },
  );
});

describe('the DVT guard: "DVT excluded" never rests on data the client could not supply', () => {
  const patientView = services.find((s) => s.hook === 'patient-view') as CdsService;
  const excludedRecord = (): FhirResource[] =>
    resourcesOf(
      JSON.parse(
        readFileSync(join(__dirname, 'vignettes', 'dvt-excluded', 'age49-499.bundle.json'), 'utf8'),
      ) as Bundle<FhirResource>,
    );
  const dvtCard = (body: unknown) =>
    (body as CdsResponse).cards.find((c) => /^dvt-/.test(c.source.topic?.code ?? ''));

  /** Wells unlikely only because history items are "absent — nothing documented"; opened by an Encounter. */
  const historyFromRecord = (): FhirResource[] =>
    excludedRecord().flatMap((resource): FhirResource[] => {
      if (resource.resourceType === 'Condition') {
        const visit: Encounter = {
          resourceType: 'Encounter',
          id: 'visit-1',
          status: 'finished',
          class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
          subject: { reference: `Patient/${INTEROP_PATIENT}` },
          period: { start: '2026-11-20T10:00:00Z' },
          reasonCode: resource.code ? [resource.code] : [],
        };
        return [visit];
      }
      if (resource.resourceType === 'QuestionnaireResponse') {
        const history = new Set([
          'activeCancer',
          'paralysisOrCast',
          'bedriddenOrSurgery',
          'previousDVT',
        ]);
        return [{ ...resource, item: resource.item?.filter((i) => !history.has(i.linkId)) }];
      }
      return [resource];
    });

  it.each([
    ['no fhirServer', false],
    ['fhirServer failing', true],
  ])(
    'anticoagulation unknown (medicationRequests omitted, %s): the negative D-dimer is not relied on',
    async (_mode, server) => {
      const full = prefetchFor(patientView, excludedRecord());
      expect(dvtCard((await call(patientView, full, server)).body)?.source.topic?.code).toBe(
        'dvt-excluded',
      );
      const empty = { ...full, medicationRequests: searchset([]) };
      expect(dvtCard((await call(patientView, empty, server)).body)?.source.topic?.code).toBe(
        'dvt-excluded',
      );
      const omitted: Record<string, unknown> = { ...full };
      delete omitted.medicationRequests;
      const card = dvtCard((await call(patientView, omitted, server)).body);
      expect(card?.source.topic?.code).toBe('dvt-ddimer-unreliable');
      expect(card?.indicator).toBe('warning');
    },
  );

  it('Wells history unknown (conditions omitted): the cards show the items as unknown and DVT is not excluded', async () => {
    const full = prefetchFor(patientView, historyFromRecord());
    expect(dvtCard((await call(patientView, full, false)).body)?.source.topic?.code).toBe(
      'dvt-excluded',
    );
    const omitted: Record<string, unknown> = { ...full };
    delete omitted.conditions;
    const card = dvtCard((await call(patientView, omitted, false)).body);
    expect(card?.source.topic?.code).toBe('dvt-wells-incomplete');
    expect(card?.summary).toContain('Wells 0 to 4 so far'); // cancer, paralysis, bedridden, previous DVT
    expect(card?.detail).toContain(
      'Could not be checked (data not received from the EHR): active cancer; paralysis, paresis or recent cast of the leg; bedridden ≥ 3 days or major surgery ≤ 12 weeks; previously documented DVT',
    );
    // The missing key is said once, on the card it could change, and there is no data-quality card.
    expect(card?.detail).toContain(
      'Problem list and diagnoses: not received from the EHR in this call, so treated as unknown',
    );
    const { body } = await call(patientView, omitted, false);
    const ids = (body as CdsResponse).cards.map((c) => c.source.topic?.code);
    expect(ids).not.toContain('data-quality');
  });

  it('procedures omitted leave two Wells items unknown (chemotherapy/palliative care and surgery): not excluded', async () => {
    // Since issue 11 procedures feed item 1 (chemotherapy or palliative care within 183 days) as well
    // as item 3 (surgery), so without them the score 0 could be 2: the exclusion is withdrawn.
    const omitted: Record<string, unknown> = { ...prefetchFor(patientView, historyFromRecord()) };
    delete omitted.procedures;
    const card = dvtCard((await call(patientView, omitted, false)).body);
    expect(card?.source.topic?.code).toBe('dvt-wells-incomplete');
    expect(card?.detail).toContain(
      'Could not be checked (data not received from the EHR): active cancer; bedridden ≥ 3 days or major surgery ≤ 12 weeks',
    );
  });
});
