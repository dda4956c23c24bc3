/**
 * The Inferno Da Vinci CRD test kit (inferno-framework/davinci-crd-test-kit) as a CDS client, over a
 * real loopback listener — written from its published source (lib/davinci_crd_test_kit/jwt_helper.rb,
 * its server tests and execution_scripts/prefetch request fixtures):
 * - JWT: `alg` ES384 or RS384 (its "encryption method" input), header `typ: JWT`, `kid` of its key,
 *   `jku = <Inferno base>/jwks.json` — plain http when Inferno runs locally; payload `iss = <Inferno
 *   base>`, `aud` = the service endpoint, `exp = iat + 5 min`, `iat`, `jti` = 32 random bytes in hex;
 * - body: `fhirServer` + `fhirAuthorization` (expires_in 300, user/ scopes, subject `cds-service`),
 *   context with `encounterId`, `draftOrders` as a Bundle without `type` mixing order types
 *   (ServiceRequest, DeviceRequest, NutritionOrder … beside MedicationRequest), and a prefetch of its
 *   own CRD keys (`patient`, `encounter`, `coverage`, `user` …) — the rest must be fetched.
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { FhirResource } from 'fhir/r4';
import type { CdsResponse } from '@soleus/fhir';
import { validateCdsResponse } from '@soleus/fhir';
import {
  INTEROP_PATIENT,
  interopRecord,
  resourcesOf,
  searchset,
} from '../../../fhir/test/support/interop-records';
import { startFhirStub, type FhirStub } from '../../../fhir/test/support/fhir-stub';
import { loadServerConfig } from '../../src/config/load-server-config';
import { generateTestKey, signToken, type TestKey } from '../support/jwt-client';
import {
  compatApp,
  IAT,
  PUBLIC_BASE,
  serviceFor,
  startRecordServer,
  type CompatApp,
} from './support/compat-harness';

const sign = serviceFor('order-sign');
const select = serviceFor('order-select');
const record = resourcesOf(interopRecord('analgesic-order'));
const drafts = resourcesOf(interopRecord('analgesic-order.drafts'));

let es: TestKey;
let rs: TestKey;
let inferno: FhirStub; // serves <Inferno base>/jwks.json over plain http on loopback
let ehr: FhirStub; // the EHR FHIR server Inferno points fhirServer at
let soleus: CompatApp;
let base: string; // where the real listener is

beforeAll(async () => {
  [es, rs] = await Promise.all([
    generateTestKey('ES384', 'inferno-es384'),
    generateTestKey('RS384', 'inferno-rs384'),
  ]);
  inferno = await startFhirStub({ 'jwks.json': { body: { keys: [es.publicJwk, rs.publicJwk] } } });
  ehr = await startRecordServer(record);
  // The trust an integrator writes in the config file for a local Inferno run (http jku on loopback).
  const config = loadServerConfig({ SOLEUS_CONFIG: 'soleus.json' }, () =>
    JSON.stringify({
      publicBaseUrl: PUBLIC_BASE,
      auth: { issuers: [{ iss: inferno.baseUrl, jkuAllowList: [`${inferno.baseUrl}/jwks.json`] }] },
    }),
  );
  soleus = compatApp(config.auth);
  await soleus.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(soleus.app.server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await soleus.app.close();
  await Promise.all([inferno.close(), ehr.close()]);
});

/** A token as jwt_helper.rb builds it. */
function infernoToken(key: TestKey, serviceId: string): Promise<string> {
  return signToken({
    key,
    iss: inferno.baseUrl,
    aud: `${PUBLIC_BASE}/cds-services/${serviceId}`,
    iat: IAT,
    expiresIn: 300,
    jku: `${inferno.baseUrl}/jwks.json`,
    jti: randomBytes(32).toString('hex'),
  });
}

/** CRD drafts Soleus has no rules for, beside the medication drafts. */
const OTHER_DRAFTS: FhirResource[] = [
  {
    resourceType: 'ServiceRequest',
    id: 'crd-sr-1',
    status: 'draft',
    intent: 'order',
    code: { text: 'Home oxygen therapy' },
    subject: { reference: `Patient/${INTEROP_PATIENT}` },
  },
  {
    resourceType: 'DeviceRequest',
    id: 'crd-dr-1',
    status: 'draft',
    intent: 'original-order',
    codeReference: { reference: 'Device/crd-dev-1' },
    subject: { reference: `Patient/${INTEROP_PATIENT}` },
  },
  {
    resourceType: 'NutritionOrder',
    id: 'crd-no-1',
    status: 'draft',
    intent: 'original-order',
    patient: { reference: `Patient/${INTEROP_PATIENT}` },
    dateTime: '2026-11-22',
    oralDiet: { type: [{ text: 'Pureed diet' }] },
  },
];

function crdRequest(hook: 'order-sign' | 'order-select'): Record<string, unknown> {
  const patient = record.find((r) => r.resourceType === 'Patient');
  return {
    hookInstance: '44577c69-dfbe-bbad-ba6d-3e05e953b2ea',
    fhirServer: ehr.baseUrl,
    hook,
    fhirAuthorization: {
      access_token: 'INFERNO-SESSION-TOKEN',
      token_type: 'Bearer',
      expires_in: 300,
      scope: 'user/Patient.read user/Observation.read',
      subject: 'cds-service',
    },
    context: {
      userId: 'Practitioner/example',
      patientId: INTEROP_PATIENT,
      encounterId: 'enc-crd-1',
      ...(hook === 'order-select' ? { selections: ['MedicationRequest/draft-ibu'] } : {}),
      draftOrders: {
        resourceType: 'Bundle',
        entry: [...OTHER_DRAFTS, ...drafts].map((resource) => ({ resource })),
      },
    },
    prefetch: {
      patient,
      encounter: {
        resourceType: 'Encounter',
        id: 'enc-crd-1',
        status: 'in-progress',
        class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
        subject: { reference: `Patient/${INTEROP_PATIENT}` },
      },
      coverage: searchset([
        {
          resourceType: 'Coverage',
          id: 'cov-1',
          status: 'active',
          beneficiary: { reference: `Patient/${INTEROP_PATIENT}` },
          payor: [{ display: 'Payer XYZ' }],
        },
      ]),
      user: { resourceType: 'Practitioner', id: 'example' },
    },
  };
}

async function callOverHttp(serviceId: string, key: TestKey, body: object) {
  const res = await fetch(`${base}/cds-services/${serviceId}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${await infernoToken(key, serviceId)}`,
    },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as CdsResponse;
  return { status: res.status, json };
}

describe('Inferno Da Vinci CRD test kit (real loopback listener)', () => {
  it.each([
    ['ES384', () => es],
    ['RS384', () => rs],
  ])(
    'order-sign signed %s: http jku on loopback verifies, missing keys are fetched, CRD keys ignored',
    async (_alg, key) => {
      const before = ehr.requests.length;
      const { status, json } = await callOverHttp(sign.id, key(), crdRequest('order-sign'));
      expect(status).toBe(200);
      expect(validateCdsResponse(json)).toEqual([]);
      const ids = json.cards.map((c) => `${c.source.topic?.code} ${c.indicator}`);
      expect(ids).toEqual(
        expect.arrayContaining([
          'nsaid-contraindicated critical',
          'gabapentinoid-opioid warning',
          'gabapentinoid-renal-dose warning',
        ]),
      );
      expect(ids.some((id) => id.startsWith('data-quality'))).toBe(false);
      const fetched = ehr.requests.slice(before);
      expect(fetched.length).toBe(Object.keys(sign.prefetch ?? {}).length - 1); // all but patient
      expect(fetched.every((r) => r.authorization === 'Bearer INFERNO-SESSION-TOKEN')).toBe(true);
    },
  );

  it('order-select: only the selected draft counts', async () => {
    const { status, json } = await callOverHttp(select.id, es, crdRequest('order-select'));
    expect(status).toBe(200);
    const ids = json.cards.map((c) => c.source.topic?.code);
    expect(ids).toContain('nsaid-contraindicated');
    expect(ids).not.toContain('gabapentinoid-opioid');
  });

  it('the key set was fetched from the http jku; CRD keys went to the debug log, tokens nowhere', async () => {
    // Its own call: pnpm test runs jest --randomize, so this test may run before the others.
    const { status } = await callOverHttp(sign.id, es, crdRequest('order-sign'));
    expect(status).toBe(200);
    expect(inferno.requests.map((r) => r.url)).toContain('/fhir/jwks.json');
    const ignored = soleus.logs.lines().find((l) => Array.isArray(l['keys']));
    expect(ignored?.['keys']).toEqual(['encounter', 'coverage', 'user']);
    expect(ignored?.['level']).toBe(20);
    expect(soleus.logs.text()).not.toContain('INFERNO-SESSION-TOKEN');
  });
});
