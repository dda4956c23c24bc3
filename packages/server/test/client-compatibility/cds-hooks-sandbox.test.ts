/**
 * The official CDS Hooks sandbox (cds-hooks/sandbox), as it calls a service — written from its
 * published source (src/retrieve-data-helpers/{jwt-generator,service-exchange}.js,
 * src/reducers/medication-reducers.js) and from a run against it (issue 13):
 * - JWT: ES384, header `kid` + `jku=https://sandbox.cds-hooks.org/.well-known/jwks.json`, payload
 *   `iss=https://sandbox.cds-hooks.org`, `sub` (its client id), `aud` (the service URL), `iat`,
 *   `exp = iat + 300`, `jti` (a uuid);
 * - body: `hookInstance` (uuid), `hook`, `fhirServer` (always), `context` {patientId, userId},
 *   `fhirAuthorization` only on its SMART-launched path (copied from the token response, so
 *   `expires_in` may be missing), `prefetch` with every key whose query succeeded — a failed query's
 *   key is simply left out;
 * - order drafts: R4 MedicationRequest, RxNorm code from its medication list, `doseQuantity.code
 *   {pill}`, `timing.repeat` {frequency, period 1, periodUnit d};
 * - suggestions: applied one action at a time, stopping at the first create/update that changes the
 *   drafted medication or at the first delete.
 */
import type { FhirResource, MedicationRequest } from 'fhir/r4';
import type { CdsResponse, CdsSuggestion } from '@soleus/fhir';
import {
  INTEROP_PATIENT,
  interopRecord,
  prefetchFor,
  resourcesOf,
} from '../../../fhir/test/support/interop-records';
import { startFhirStub, type FhirStub } from '../../../fhir/test/support/fhir-stub';
import { generateTestKey, signToken, type TestKey } from '../support/jwt-client';
import {
  cardsOf,
  CLOCK,
  compatApp,
  IAT,
  PUBLIC_BASE,
  serviceFor,
  startRecordServer,
  type CompatApp,
} from './support/compat-harness';

const SANDBOX_ISS = 'https://sandbox.cds-hooks.org';
const SANDBOX_JKU = 'https://sandbox.cds-hooks.org/.well-known/jwks.json';
const SANDBOX_ORIGIN = 'https://sandbox.cds-hooks.org';
const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const UCUM = 'http://unitsofmeasure.org';
const pv = serviceFor('patient-view');
const sign = serviceFor('order-sign');

let key: TestKey;
let jwksHost: FhirStub;
let records: FhirStub;
let staticTrust: CompatApp;
let jkuTrust: CompatApp;

beforeAll(async () => {
  key = await generateTestKey('ES384', '44c2a4ce-0a50-4a6a-8f0c-9b1f4f0e6d7a');
  // The sandbox's key set as its jku serves it (here from loopback, standing in for the https URL).
  jwksHost = await startFhirStub({ '.well-known': { body: { keys: [key.publicJwk] } } });
  records = await startRecordServer(resourcesOf(interopRecord('calf-pain')));
  staticTrust = compatApp({ issuers: [{ iss: SANDBOX_ISS, jwks: { keys: [key.publicJwk] } }] }, [
    SANDBOX_ORIGIN,
  ]);
  jkuTrust = compatApp({
    issuers: [{ iss: SANDBOX_ISS, jkuAllowList: [`${jwksHost.baseUrl}/.well-known/jwks.json`] }],
  });
});

afterAll(async () => {
  await Promise.all([staticTrust.app.close(), jkuTrust.app.close()]);
  await Promise.all([jwksHost.close(), records.close()]);
});

/** A token as the sandbox signs it for one endpoint. */
function sandboxToken(aud: string, jku = SANDBOX_JKU): Promise<string> {
  return signToken({
    key,
    iss: SANDBOX_ISS,
    aud,
    iat: IAT,
    expiresIn: 300,
    jku,
    claims: { sub: '48163c5e-88b5-4cb3-92d3-23b800caa927' },
  });
}

/** A call as the sandbox posts it (JSON, Bearer JWT, Accept: application/json). */
async function post(target: CompatApp, serviceId: string, body: object, jku?: string) {
  const url = `/cds-services/${serviceId}`;
  return target.app.inject({
    method: 'POST',
    url,
    headers: {
      accept: 'application/json',
      'content-type': 'application/json',
      origin: SANDBOX_ORIGIN,
      authorization: `Bearer ${await sandboxToken(`${PUBLIC_BASE}${url}`, jku)}`,
    },
    payload: body,
  });
}

function patientView(prefetch: Record<string, unknown> | undefined, extra: object = {}) {
  return {
    hookInstance: '8bfe6d0f-55a2-4e3b-9d0e-7e6a4c3f2b1a',
    hook: 'patient-view',
    fhirServer: 'https://launch.smarthealthit.example/v/r4/fhir',
    context: { patientId: INTEROP_PATIENT, userId: 'Practitioner/COREPRACTITIONER1' },
    ...(prefetch ? { prefetch } : {}),
    ...extra,
  };
}

/** The prefetch the sandbox sends when its MedicationStatement query failed: that key left out. */
function prefetchWithoutStatements(): Record<string, unknown> {
  const prefetch: Record<string, unknown> = {
    ...prefetchFor(pv, resourcesOf(interopRecord('calf-pain'))),
  };
  delete prefetch.medicationStatements;
  return prefetch;
}

describe('CDS Hooks sandbox', () => {
  it('static JWKS trust: its jku is never fetched; patient-view without the failed key → the critical DVT card', async () => {
    const res = await post(staticTrust, pv.id, patientView(prefetchWithoutStatements()));
    expect(cardsOf(res)).toEqual(
      expect.arrayContaining([{ id: 'dvt-likely-imaging', indicator: 'critical' }]),
    );
    expect(res.headers['access-control-allow-origin']).toBe(SANDBOX_ORIGIN);
    expect(staticTrust.logs.text()).not.toContain('jwks-fetch-failed');
  });

  it('jku trust: the allow-listed key set is fetched once and the cards come back', async () => {
    const jku = `${jwksHost.baseUrl}/.well-known/jwks.json`;
    const res = await post(jkuTrust, pv.id, patientView(prefetchWithoutStatements()), jku);
    expect(cardsOf(res).map((c) => c.id)).toContain('dvt-likely-imaging');
    expect(jwksHost.requests.map((r) => r.url)).toEqual(['/fhir/.well-known/jwks.json']);
  });

  it('CORS: the browser preflight from the sandbox origin allows Authorization', async () => {
    const res = await staticTrust.app.inject({
      method: 'OPTIONS',
      url: `/cds-services/${pv.id}`,
      headers: {
        origin: SANDBOX_ORIGIN,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type',
      },
    });
    expect(res.statusCode).toBe(204);
    expect(res.headers['access-control-allow-headers']).toMatch(/authorization/i);
  });

  it('SMART-launched: fhirAuthorization without expires_in is used (with a warning) to fetch the record', async () => {
    const before = records.requests.length;
    const res = await post(
      staticTrust,
      pv.id,
      patientView(undefined, {
        fhirServer: records.baseUrl,
        fhirAuthorization: {
          access_token: 'sandbox-smart-token',
          token_type: 'Bearer',
          scope: 'launch openid patient/*.read',
          subject: 'soleus-client',
        },
      }),
    );
    expect(cardsOf(res).map((c) => c.id)).toContain('dvt-likely-imaging');
    const fetched = records.requests.slice(before);
    expect(fetched.length).toBe(Object.keys(pv.prefetch ?? {}).length);
    expect(fetched.every((r) => r.authorization === 'Bearer sandbox-smart-token')).toBe(true);
    const warning = staticTrust.logs
      .lines()
      .find((l) => l['pointer'] === '/fhirAuthorization/expires_in');
    expect(warning).toMatchObject({ level: 40, code: 'SOLEUS_HOOK_INVALID_REQUEST' });
    expect(staticTrust.logs.text()).not.toContain('sandbox-smart-token');
  });

  it('order-sign: acetaminophen 500 mg, 3 {pill} four times a day (6 g/day) → the maximum-dose card', async () => {
    const res = await post(staticTrust, sign.id, orderSign(acetaminophenDraft(3, 4), 'calf-pain'));
    expect(cardsOf(res)).toEqual(
      expect.arrayContaining([{ id: 'apap-max-dose', indicator: 'warning' }]),
    );
  });

  it('a {pill} dose within the limit (1 pill four times a day) stays silent', async () => {
    const res = await post(staticTrust, sign.id, orderSign(acetaminophenDraft(1, 4), 'calf-pain'));
    expect(cardsOf(res).map((c) => c.id)).not.toContain('apap-max-dose');
  });

  it('applying "replace with acetaminophen" the way the sandbox does leaves the replacement drafted', async () => {
    const ibuprofen = sandboxDraft('197806', 'Ibuprofen 600 MG Oral Tablet', 1, 3);
    const res = await post(staticTrust, sign.id, orderSign(ibuprofen, 'analgesic-order'));
    const card = res
      .json<CdsResponse>()
      .cards.find((c) => c.source.topic?.code === 'nsaid-contraindicated');
    const replace = card?.suggestions?.find((s) => /acetaminophen/i.test(s.label));
    expect(replace?.actions?.map((a) => a.type)).toEqual(['create', 'delete']);
    const drafted = applyLikeSandbox(ibuprofen, replace as CdsSuggestion);
    expect(drafted?.medicationCodeableConcept?.coding?.[0]?.code).toBe('198440');
    // The same suggestion in the old delete-then-create order would have left no order at all.
    const reversed = { ...replace, actions: [...(replace?.actions ?? [])].reverse() };
    expect(applyLikeSandbox(ibuprofen, reversed as CdsSuggestion)).toBeNull();
  });

  it('feedback as the sandbox sends it (override reason code without system) is accepted', async () => {
    const url = `/cds-services/${pv.id}/feedback`;
    const res = await staticTrust.app.inject({
      method: 'POST',
      url,
      headers: { authorization: `Bearer ${await sandboxToken(`${PUBLIC_BASE}${url}`)}` },
      payload: {
        feedback: [
          {
            card: '0b2d6a6e-8e8b-4f0e-9d7d-2c7c1d0c1a11',
            outcome: 'overridden',
            overrideReason: { reason: { code: 'already-addressed', display: 'Already addressed' } },
            outcomeTimestamp: CLOCK.toISOString(),
          },
        ],
      },
    });
    expect(res.statusCode).toBe(200);
  });
});

/** An R4 draft as the sandbox builds it from its medication list and dosage form. */
function sandboxDraft(
  rxcui: string,
  name: string,
  pills: number,
  perDay: number,
): MedicationRequest {
  return {
    resourceType: 'MedicationRequest',
    id: 'sandbox-draft-1',
    status: 'draft',
    intent: 'order',
    authoredOn: CLOCK.toISOString().slice(0, 10),
    subject: { reference: `Patient/${INTEROP_PATIENT}` },
    medicationCodeableConcept: {
      text: name,
      coding: [{ display: name, system: RXNORM, code: rxcui }],
    },
    dosageInstruction: [
      {
        doseAndRate: [{ doseQuantity: { value: pills, system: UCUM, code: '{pill}' } }],
        timing: { repeat: { frequency: perDay, period: 1, periodUnit: 'd' } },
      },
    ],
  };
}

function acetaminophenDraft(pills: number, perDay: number): MedicationRequest {
  return sandboxDraft('198440', 'Acetaminophen 500 MG Oral Tablet', pills, perDay);
}

function orderSign(draft: MedicationRequest, record: 'calf-pain' | 'analgesic-order') {
  const resources: FhirResource[] = resourcesOf(interopRecord(record));
  // The sandbox's draftOrders Bundle carries no `type`.
  const draftOrders = { resourceType: 'Bundle', entry: [{ resource: draft }] };
  return {
    hookInstance: '2f1d7c4e-3b6a-4e8f-8a1d-5c9e0b7f6a21',
    hook: 'order-sign',
    fhirServer: 'https://launch.smarthealthit.example/v/r4/fhir',
    context: { patientId: INTEROP_PATIENT, userId: 'Practitioner/COREPRACTITIONER1', draftOrders },
    prefetch: prefetchFor(sign, resources),
  };
}

/**
 * The sandbox's TAKE_SUGGESTION behaviour (medication-reducers.js), written here from its source:
 * actions are walked in order; a create/update whose medicationCodeableConcept differs from the draft
 * (with text and a first coding code) replaces the draft and ends the walk; a delete clears the draft
 * and ends the walk.
 * @returns the draft after the suggestion, or null when no order is left
 */
function applyLikeSandbox(
  draft: MedicationRequest,
  suggestion: CdsSuggestion,
): MedicationRequest | null {
  for (const action of suggestion.actions ?? []) {
    if (action.type === 'delete') {
      return null;
    }
    const next = (action.resource as MedicationRequest | undefined)?.medicationCodeableConcept;
    const changed = JSON.stringify(next) !== JSON.stringify(draft.medicationCodeableConcept);
    if (next?.text && next.coding?.[0]?.code && changed) {
      return { ...draft, medicationCodeableConcept: next };
    }
  }
  return draft;
}
