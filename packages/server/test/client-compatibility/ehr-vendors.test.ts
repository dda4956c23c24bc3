/**
 * Epic and Oracle Health (Cerner) as CDS clients, from their published developer documentation. Only
 * the trust side is documented in detail; the request bodies follow CDS Hooks 2.0 with `fhirServer`
 * and `fhirAuthorization`, as both document that the service reads the record from their FHIR server.
 *
 * Epic ("CDS Hooks Tutorial", fhir.epic.com, read through a mirror — see client-compatibility.md):
 * RS384 by default, header `jku = {base}/api/epic/2019/Security/Open/PublicKeys/530013/530013` and a
 * base64 key thumbprint as `kid`; payload `iss` = the organisation's FHIR endpoint, `sub` = the CDS
 * Hooks client id, `aud` = the service endpoint, `nbf` ≈ 5 min before `iat`, `exp − iat` = 900 s.
 *
 * Oracle Health (cerner/fhir.cerner.com content/cds_hooks.md): `iss = https://cds-hooks.cerner.com`;
 * the key comes from one of the JKUs listed at https://authorization.cerner.com/jwk (allow-list
 * them); patient-view only; the service reads the record from the registered FHIR server
 * (`https://fhir-ehr.cerner.com/r4/{tenant}`), no prefetch is documented.
 */
import type { FhirResource } from 'fhir/r4';
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
  compatApp,
  IAT,
  PUBLIC_BASE,
  serviceFor,
  startRecordServer,
  type CompatApp,
} from './support/compat-harness';

const pv = serviceFor('patient-view');
const record: FhirResource[] = resourcesOf(interopRecord('calf-pain'));
const EPIC_ISS = 'https://fhir.hospital.example/interconnect-fhir-oauth/api/FHIR/R4';
const EPIC_KEY_PATH = '/api/epic/2019/Security/Open/PublicKeys/530013/530013';
const CERNER_ISS = 'https://cds-hooks.cerner.com';
const CERNER_TENANT = 'ec2458f2-1e24-41c8-b71b-0e701af7583d';

let epicKey: TestKey;
let cernerKey: TestKey;
let keyHost: FhirStub; // serves both vendors' key sets on loopback, standing in for their https URLs
let ehr: FhirStub;
let epicStatic: CompatApp;
let epicJku: CompatApp;
let cerner: CompatApp;

beforeAll(async () => {
  epicKey = await generateTestKey('RS384', 'd3bmo5HzW61TUgikHZH+A8Tx4UOXz2iOs4KvVU4eLY0=');
  cernerKey = await generateTestKey('RS384', 'cerner-2026-01');
  keyHost = await startFhirStub({
    api: { body: { keys: [epicKey.publicJwk] } },
    cerner: { body: { keys: [cernerKey.publicJwk] } },
  });
  ehr = await startRecordServer(record);
  epicStatic = compatApp({ issuers: [{ iss: EPIC_ISS, jwks: { keys: [epicKey.publicJwk] } }] });
  epicJku = compatApp({
    issuers: [{ iss: EPIC_ISS, jkuAllowList: [`${keyHost.baseUrl}${EPIC_KEY_PATH}`] }],
  });
  cerner = compatApp({
    issuers: [
      {
        iss: CERNER_ISS,
        jkuAllowList: [`${keyHost.baseUrl}/cerner/jwk`],
        tenants: [CERNER_TENANT],
      },
    ],
  });
});

afterAll(async () => {
  await Promise.all([epicStatic.app.close(), epicJku.app.close(), cerner.app.close()]);
  await Promise.all([keyHost.close(), ehr.close()]);
});

function epicToken(jku: string): Promise<string> {
  return signToken({
    key: epicKey,
    iss: EPIC_ISS,
    aud: `${PUBLIC_BASE}/cds-services/${pv.id}`,
    iat: IAT,
    expiresIn: 900,
    jku,
    claims: { sub: 'epic-cds-client-id', nbf: IAT - 300 },
  });
}

function cernerToken(): Promise<string> {
  return signToken({
    key: cernerKey,
    iss: CERNER_ISS,
    aud: `${PUBLIC_BASE}/cds-services/${pv.id}`,
    iat: IAT,
    expiresIn: 300,
    jku: `${keyHost.baseUrl}/cerner/jwk`,
    claims: { tenant: CERNER_TENANT },
  });
}

function patientView(prefetch: Record<string, unknown> | undefined, scope: string) {
  return {
    hook: 'patient-view',
    hookInstance: 'c1f0b8e2-4d3a-4c6b-9e7f-2a1b3c4d5e6f',
    fhirServer: ehr.baseUrl,
    fhirAuthorization: {
      access_token: 'EHR-ACCESS-TOKEN',
      token_type: 'Bearer',
      expires_in: 3600,
      scope,
      subject: 'soleus-client-id',
      patient: INTEROP_PATIENT,
    },
    context: {
      userId: 'Practitioner/ehr-user-1',
      patientId: INTEROP_PATIENT,
      encounterId: 'enc-1',
    },
    ...(prefetch ? { prefetch } : {}),
  };
}

function post(target: CompatApp, token: string, body: object) {
  return target.app.inject({
    method: 'POST',
    url: `/cds-services/${pv.id}`,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    payload: body,
  });
}

describe('Epic', () => {
  const partial = () => ({ patient: prefetchFor(pv, record)['patient'] });

  it('RS384 with nbf and sub, jku not allow-listed: verified from the static key set by kid', async () => {
    const token = await epicToken(`https://fhir.hospital.example${EPIC_KEY_PATH}`);
    const res = await post(epicStatic, token, patientView(partial(), 'patient/*.read'));
    expect(cardsOf(res)).toEqual(
      expect.arrayContaining([{ id: 'dvt-likely-imaging', indicator: 'critical' }]),
    );
  });

  it('jku allow-listed: the key set is fetched; the rest of the record is read from fhirServer', async () => {
    const before = ehr.requests.length;
    const token = await epicToken(`${keyHost.baseUrl}${EPIC_KEY_PATH}`);
    const res = await post(epicJku, token, patientView(partial(), 'patient/*.read'));
    expect(cardsOf(res).map((c) => c.id)).toContain('dvt-likely-imaging');
    expect(keyHost.requests.map((r) => r.url)).toContain(`/fhir${EPIC_KEY_PATH}`);
    expect(ehr.requests.length - before).toBe(Object.keys(pv.prefetch ?? {}).length - 1);
  });
});

describe('Oracle Health (Cerner)', () => {
  it('patient-view with no prefetch: everything is read from the FHIR server with the token', async () => {
    const before = ehr.requests.length;
    const body = patientView(undefined, 'patient/Patient.read patient/Observation.read');
    const res = await post(cerner, await cernerToken(), body);
    expect(cardsOf(res)).toEqual(
      expect.arrayContaining([
        { id: 'dvt-likely-imaging', indicator: 'critical' },
        { id: 'cramp-electrolyte', indicator: 'warning' },
      ]),
    );
    const fetched = ehr.requests.slice(before);
    expect(fetched.length).toBe(Object.keys(pv.prefetch ?? {}).length);
    expect(fetched.every((r) => r.authorization === 'Bearer EHR-ACCESS-TOKEN')).toBe(true);
  });

  it('when tenants are allow-listed, a token from another tenant → 401', async () => {
    const token = await signToken({
      key: cernerKey,
      iss: CERNER_ISS,
      aud: `${PUBLIC_BASE}/cds-services/${pv.id}`,
      iat: IAT,
      jku: `${keyHost.baseUrl}/cerner/jwk`,
      claims: { tenant: 'another-tenant' },
    });
    const res = await post(cerner, token, patientView(undefined, 'patient/*.read'));
    expect(res.statusCode).toBe(401);
  });
});
