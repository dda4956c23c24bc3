/**
 * handleCdsRequest end to end: service lookup (404), per-hook validation (400), prefetch semantics
 * (absent / null / OperationOutcome / fetched, 412), draft orders and selections, discovery narrowing.
 * Every 200 body is validated against the CDS Hooks response schema.
 */
import { join } from 'node:path';
import type { Bundle, FhirResource, OperationOutcome } from 'fhir/r4';
import { DEFAULT_CONTENT, loadRuleSet, type RuleSet } from '@soleus/core';
import { buildDiscovery } from '../src/cds-hooks/discovery';
import { handleCdsRequest } from '../src/cds-hooks/handle-cds-request';
import type { CdsResponse } from '../src/cds-hooks/types';
import { validateCdsResponse } from '../src/cds-hooks/validate-cds-response';
import { startFhirStub } from './support/fhir-stub';

const NOW = '2026-11-22T09:00:00Z';
const PID = 'p1';
let ruleSet: RuleSet;

beforeAll(async () => {
  const pack = join(__dirname, 'fixtures', 'adapter-pack');
  ruleSet = await loadRuleSet({
    rulesDir: join(pack, 'rules'),
    factsDir: join(pack, 'facts'),
    valueSetsDir: DEFAULT_CONTENT.valueSetsDir,
  });
});

const patient: FhirResource = {
  resourceType: 'Patient',
  id: PID,
  birthDate: '1950-01-01',
  gender: 'female',
};
const potassium = (id: string, value: number, unit: string): FhirResource => ({
  resourceType: 'Observation',
  id,
  status: 'final',
  subject: { reference: `Patient/${PID}` },
  code: { coding: [{ system: 'http://loinc.org', code: '2823-3' }] },
  effectiveDateTime: '2026-11-20T08:00:00Z',
  valueQuantity: { value, unit, system: 'http://unitsofmeasure.org', code: unit },
});
const searchset = (...resources: FhirResource[]): Bundle => ({
  resourceType: 'Bundle',
  type: 'searchset',
  entry: resources.map((resource) => ({ resource })),
});
const ibuprofenDraft = (id: string): FhirResource => ({
  resourceType: 'MedicationRequest',
  id,
  status: 'draft',
  intent: 'order',
  subject: { reference: `Patient/${PID}` },
  medicationCodeableConcept: {
    coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '197806' }],
  },
});

function prefetchFor(
  serviceId: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  const service = buildDiscovery(ruleSet).services.find((s) => s.id === serviceId);
  const prefetch: Record<string, unknown> = {};
  for (const key of Object.keys(service?.prefetch ?? {})) {
    prefetch[key] = key === 'patient' ? patient : searchset();
  }
  return { ...prefetch, ...overrides };
}

function patientView(
  prefetch: Record<string, unknown> | undefined,
  extra: Record<string, unknown> = {},
) {
  return {
    hook: 'patient-view',
    hookInstance: 'd1577c69-dfbe-44ad-ba6d-3e05e953b2ea',
    context: { userId: 'Practitioner/u1', patientId: PID },
    ...(prefetch ? { prefetch } : {}),
    ...extra,
  };
}

const codes = (body: unknown) =>
  ((body as CdsResponse).cards ?? []).map((c) => c.source.topic?.code);
const outcomeCodes = (body: unknown) =>
  (body as OperationOutcome).issue.map((i) => i.details?.text);

describe('handleCdsRequest', () => {
  it('REQ 4-7: discovery lists one service per hook with prefetch narrowed by code where value sets can be listed', () => {
    const { services } = buildDiscovery(ruleSet);
    expect(services.map((s) => [s.id, s.hook])).toEqual([
      ['soleus-patient-view', 'patient-view'],
      ['soleus-order-sign', 'order-sign'],
    ]);
    const prefetch = services[0]?.prefetch ?? {};
    expect(prefetch.patient).toBe('Patient/{{context.patientId}}');
    expect(prefetch.observations).toMatch(
      /^Observation\?patient=\{\{context\.patientId\}\}&code=http:\/\/loinc\.org\|/,
    );
    expect(prefetch.observations).toContain('http://loinc.org|2823-3');
    expect(prefetch.medicationRequests).toBe(
      'MedicationRequest?patient={{context.patientId}}&status=active',
    );
  });

  it('404 + OperationOutcome for an unknown service id', async () => {
    const result = await handleCdsRequest('nope', patientView(prefetchFor('soleus-patient-view')), {
      ruleSet,
      now: NOW,
    });
    expect(result.status).toBe(404);
    expect(outcomeCodes(result.body)).toEqual(['SOLEUS_HOOK_UNKNOWN_SERVICE']);
  });

  it.each([
    [
      'no hookInstance',
      { hook: 'patient-view', context: { userId: 'Practitioner/u1', patientId: PID } },
    ],
    [
      'no context.patientId',
      { hook: 'patient-view', hookInstance: 'x', context: { userId: 'Practitioner/u1' } },
    ],
    ['not an object', 'hello'],
  ])('400 + OperationOutcome when the request is malformed: %s', async (_name, body) => {
    const result = await handleCdsRequest('soleus-patient-view', body, { ruleSet, now: NOW });
    expect(result.status).toBe(400);
    expect((result.body as OperationOutcome).resourceType).toBe('OperationOutcome');
    expect(JSON.stringify(result.body)).not.toMatch(/at .*\.ts:\d+/);
  });

  it('200 with every key prefetched: facts come from the prefetch, the unit decides (mEq/L = mmol/L)', async () => {
    const result = await handleCdsRequest(
      'soleus-patient-view',
      patientView(
        prefetchFor('soleus-patient-view', {
          observations: searchset(potassium('k1', 3.1, 'meq/L')),
        }),
      ),
      { ruleSet, now: NOW, explain: true },
    );
    expect(result.status).toBe(200);
    expect(validateCdsResponse(result.body)).toEqual([]);
    expect(codes(result.body)).toContain('adapter-probe');
    const detail = (result.body as CdsResponse).cards.find(
      (c) => c.source.topic?.code === 'adapter-probe',
    )?.summary;
    expect(detail).toContain('K 3.1 mmol/L');
  });

  it('issue 11: only context.patientId counts — a prefetched Patient and a result of another patient are never used', async () => {
    const other = { reference: 'Patient/p2' };
    const theirs = { ...potassium('k2', 2.0, 'mmol/L'), subject: other } as FhirResource;
    const result = await handleCdsRequest(
      'soleus-patient-view',
      patientView(
        prefetchFor('soleus-patient-view', {
          patient: { ...patient, id: 'p2' },
          observations: searchset(potassium('k1', 3.1, 'mmol/L'), theirs),
        }),
      ),
      { ruleSet, now: NOW },
    );
    expect(result.status).toBe(200);
    const summary = (result.body as CdsResponse).cards.find(
      (c) => c.source.topic?.code === 'adapter-probe',
    )?.summary;
    expect(summary).toContain('K 3.1 mmol/L');
    expect(summary).not.toContain('age 76');
    // Issue 15: the probe fires whatever the other patient's potassium says (its `any` also holds on
    // the NSAID list), so that data could change no card: counted for the operator, no data-quality
    // card. Where it could change one, the vignettes show it on that card or a data-quality card.
    expect(codes(result.body)).not.toContain('data-quality');
    expect(result.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: 'SOLEUS_FHIR_OUT_OF_SCOPE',
          severity: 'warning',
          shownIn: [],
        }),
      ]),
    );
  });

  it('extra prefetch keys sent for other services (CRD coverage, user) are ignored: no issue, no data-quality card', async () => {
    const result = await handleCdsRequest(
      'soleus-patient-view',
      patientView(
        prefetchFor('soleus-patient-view', {
          coverage: searchset({ resourceType: 'Coverage', id: 'cov-1' } as FhirResource),
          user: { resourceType: 'Practitioner', id: 'u1' },
        }),
      ),
      { ruleSet, now: NOW },
    );
    expect(result.status).toBe(200);
    expect(codes(result.body)).not.toContain('data-quality');
    expect(result.issues ?? []).toEqual([]);
    expect(result.ignoredPrefetchKeys).toEqual(['coverage', 'user']);
  });

  it('REQ 53: null prefetch values mean "no data" and are not re-queried; the answer is 200', async () => {
    const nulls = Object.fromEntries(
      Object.keys(prefetchFor('soleus-patient-view')).map((k) => [
        k,
        k === 'patient' ? patient : null,
      ]),
    );
    const result = await handleCdsRequest('soleus-patient-view', patientView(nulls), {
      ruleSet,
      now: NOW,
    });
    expect(result.status).toBe(200);
    expect(validateCdsResponse(result.body)).toEqual([]);
  });

  it('REQ 49/51: a key absent with no FHIR server is unknown data, not a 412: the rules run with what is known', async () => {
    const partial = prefetchFor('soleus-patient-view', {
      observations: searchset(potassium('k1', 3.1, 'mmol/L')),
    });
    delete partial.medicationRequests;
    const result = await handleCdsRequest('soleus-patient-view', patientView(partial), {
      ruleSet,
      now: NOW,
    });
    expect(result.status).toBe(200);
    expect(validateCdsResponse(result.body)).toEqual([]);
    expect(codes(result.body)).toContain('adapter-probe');
    expect(result.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: 'SOLEUS_HOOK_PREFETCH_MISSING',
          severity: 'warning',
          location: { pointer: '/prefetch/medicationRequests' },
        }),
      ]),
    );
  });

  it('REQ 52: an OperationOutcome prefetch value is unknown data when it cannot be fetched (200, not 412)', async () => {
    const outcome: OperationOutcome = {
      resourceType: 'OperationOutcome',
      issue: [{ severity: 'error', code: 'timeout' }],
    };
    const result = await handleCdsRequest(
      'soleus-patient-view',
      patientView(prefetchFor('soleus-patient-view', { observations: outcome })),
      { ruleSet, now: NOW },
    );
    expect(result.status).toBe(200);
    expect(result.issues?.map((i) => i.code)).toContain('SOLEUS_HOOK_PREFETCH_OUTCOME');
  });

  it.each([
    ['the Patient alone is missing', 200, ['patient']],
    ['the Conditions alone are missing', 200, ['conditions']],
    [
      'every key but the Patient and Conditions is missing',
      200,
      ['observations', 'medicationRequests', 'medicationStatements'],
    ],
    ['neither the Patient nor any Condition can be had', 412, ['patient', 'conditions']],
    [
      'nothing was prefetched',
      412,
      ['patient', 'conditions', 'observations', 'medicationRequests', 'medicationStatements'],
    ],
  ])('REQ 54: 412 only when nothing can be said — %s → %d', async (_name, status, omitted) => {
    const partial = prefetchFor('soleus-patient-view');
    omitted.forEach((key) => delete partial[key]);
    const result = await handleCdsRequest('soleus-patient-view', patientView(partial), {
      ruleSet,
      now: NOW,
    });
    expect(result.status).toBe(status);
    if (status === 412) {
      expect(outcomeCodes(result.body)).toContain('SOLEUS_HOOK_PREFETCH_MISSING');
    }
  });

  it('REQ 60/61: an absent key is fetched from fhirServer with the Bearer token, and the token never reaches the response', async () => {
    const stub = await startFhirStub({
      Observation: { body: searchset(potassium('k2', 5.9, 'mmol/L')) },
    });
    try {
      const partial = prefetchFor('soleus-patient-view');
      delete partial.observations;
      const token = 'secret-token-value-123';
      const result = await handleCdsRequest(
        'soleus-patient-view',
        patientView(partial, {
          fhirServer: stub.baseUrl,
          fhirAuthorization: {
            access_token: token,
            token_type: 'Bearer',
            expires_in: 300,
            scope: 'patient/*.read',
            subject: 'soleus',
          },
        }),
        { ruleSet, now: NOW, prefetchTimeoutMs: 2000 },
      );
      expect(result.status).toBe(200);
      expect(stub.requests.map((r) => r.authorization)).toEqual([`Bearer ${token}`]);
      expect(stub.requests[0]?.url).toContain(`/Observation?patient=${PID}&code=`);
      expect(JSON.stringify(result)).not.toContain(token);
      expect(
        (result.body as CdsResponse).cards.find((c) => c.source.topic?.code === 'adapter-probe')
          ?.summary,
      ).toContain('K 5.9 mmol/L');
    } finally {
      await stub.close();
    }
  });

  it('order-sign reads draftOrders and validates; unknown products in drafts become data-quality issues', async () => {
    const body = {
      hook: 'order-sign',
      hookInstance: 'a1',
      context: {
        userId: 'Practitioner/u1',
        patientId: PID,
        draftOrders: {
          resourceType: 'Bundle',
          type: 'collection',
          entry: [{ resource: ibuprofenDraft('d1') }],
        },
      },
      prefetch: prefetchFor('soleus-order-sign'),
    };
    const result = await handleCdsRequest('soleus-order-sign', body, { ruleSet, now: NOW });
    expect(result.status).toBe(200);
    expect(validateCdsResponse(result.body)).toEqual([]);
    expect(result.firedRuleIds).toContain('adapter-probe');
  });
});
