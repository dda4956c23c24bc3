import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { DEFAULT_CONTENT, loadRuleSet } from '@soleus/core';
import { buildDiscovery, validateCdsResponse } from '@soleus/fhir';
import { buildExpressApp } from './app';

const NOW = new Date('2026-01-15T10:00:00Z');
const PATIENT = { resourceType: 'Patient', id: 'pat-1', gender: 'female', birthDate: '1961-04-02' };
let server: Server;
let base: string;
let request: Record<string, unknown>;

beforeAll(async () => {
  const ruleSet = await loadRuleSet(DEFAULT_CONTENT);
  const service = buildDiscovery(ruleSet).services.find((s) => s.id === 'soleus-patient-view');
  // Every declared key answered: the Patient, and null ("no data exists") for the rest.
  const prefetch = Object.fromEntries(
    Object.keys(service?.prefetch ?? {}).map((key) => [key, key === 'patient' ? PATIENT : null]),
  );
  request = { ...REQUEST, prefetch };
  const app = buildExpressApp(ruleSet, () => NOW);
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function call(id: string, body: unknown): Promise<Response> {
  return fetch(`${base}/cds-services/${id}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

const REQUEST = {
  hook: 'patient-view',
  hookInstance: 'd1577c69-dfbe-44ad-ba6d-3e05e953b2ea',
  context: { userId: 'Practitioner/dr-7', patientId: 'pat-1' },
};

describe('examples/express', () => {
  it('REQ 4/6: discovery lists the services', async () => {
    const res = await fetch(`${base}/cds-services`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { services: { id: string }[] };
    expect(body.services.map((s) => s.id)).toContain('soleus-patient-view');
  });

  it.each<[string, string, () => unknown, number]>([
    [
      'REQ 53/74: every prefetch key answered (Patient, others null) → 200',
      'soleus-patient-view',
      () => request,
      200,
    ],
    [
      'REQ 54: no prefetch and no FHIR access → 412 OperationOutcome',
      'soleus-patient-view',
      () => REQUEST,
      412,
    ],
    ['an unknown service → 404 OperationOutcome', 'nope', () => request, 404],
    [
      'a request without hookInstance → 400 OperationOutcome',
      'soleus-patient-view',
      () => ({ hook: 'patient-view', context: {} }),
      400,
    ],
  ])('%s', async (_name, id, body, status) => {
    const res = await call(id, body());
    expect(res.status).toBe(status);
    const json = (await res.json()) as Record<string, unknown>;
    if (status === 200) {
      expect(validateCdsResponse(json)).toEqual([]);
    } else {
      expect(json['resourceType']).toBe('OperationOutcome');
    }
  });
});
