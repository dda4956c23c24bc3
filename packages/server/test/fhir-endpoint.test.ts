/**
 * The read-only FHIR knowledge endpoint: the shipped Questionnaire, CodeSystems and ValueSets by id and
 * by canonical url, a minimal CapabilityStatement, application/fhir+json, and 404 OperationOutcomes
 * that never echo the request. Open without a JWT even when the CDS endpoints require one.
 */
import type { FastifyInstance } from 'fastify';
import { DEFAULT_CONTENT, loadCanonicalResources, loadRuleSet } from '@soleus/core';
import { buildApp } from '../src/build-app';
import { captureLogs } from './support/log-capture';
import { NOW } from './support/test-rule-set';

const WELLS = 'https://soleus.dev/fhir/Questionnaire/wells-dvt';
let app: FastifyInstance;
let gated: FastifyInstance;

beforeAll(async () => {
  const ruleSet = await loadRuleSet(DEFAULT_CONTENT);
  app = buildApp({ ruleSet, clock: () => NOW, logStream: captureLogs().stream });
  gated = buildApp({
    ruleSet,
    clock: () => NOW,
    logStream: captureLogs().stream,
    publicBaseUrl: 'https://cds.example.org/soleus/',
    auth: { issuers: [{ iss: 'https://ehr.example', jwks: { keys: [] } }] },
  });
});
afterAll(async () => {
  await app.close();
  await gated.close();
});

// The body is whatever the route answered (light-my-request parses it untyped).
async function get(url: string, on = app) {
  const res = await on.inject({ method: 'GET', url });
  return { status: res.statusCode, type: String(res.headers['content-type']), body: res.json() };
}

describe('GET /fhir', () => {
  it('Questionnaire/wells-dvt is the Questionnaire whose url is its canonical', async () => {
    const res = await get('/fhir/Questionnaire/wells-dvt');
    expect(res.status).toBe(200);
    expect(res.type).toBe('application/fhir+json; charset=utf-8');
    expect(res.body).toMatchObject({ resourceType: 'Questionnaire', id: 'wells-dvt', url: WELLS });
    expect(res.body.item.map((i: { linkId: string }) => i.linkId)).toHaveLength(10);
  });

  it.each([
    ['CodeSystem', 'calf-findings'],
    ['CodeSystem', 'card'],
    ['ValueSet', 'calf-pain'],
    ['ValueSet', 'd-dimer-feu'],
  ])('%s/%s is served as shipped', async (type, id) => {
    const shipped = loadCanonicalResources().find((r) => r.resourceType === type && r.id === id);
    const res = await get(`/fhir/${type}/${id}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(shipped);
  });

  it('search by url (and url|version) answers a searchset with absolute fullUrls', async () => {
    const res = await get(`/fhir/Questionnaire?url=${encodeURIComponent(WELLS)}`, gated);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ resourceType: 'Bundle', type: 'searchset', total: 1 });
    expect(res.body.entry[0]).toMatchObject({
      fullUrl: 'https://cds.example.org/soleus/fhir/Questionnaire/wells-dvt',
      resource: { url: WELLS },
      search: { mode: 'match' },
    });
    const versioned = await get(`/fhir/Questionnaire?url=${encodeURIComponent(`${WELLS}|1.1.0`)}`);
    expect(versioned.body.total).toBe(1);
    expect(versioned.body.entry[0].fullUrl).toBe(WELLS);
    const otherVersion = await get(`/fhir/Questionnaire?url=${encodeURIComponent(`${WELLS}|9`)}`);
    expect(otherVersion.body).toEqual({ resourceType: 'Bundle', type: 'searchset', total: 0 });
  });

  it('search without criteria lists the type; _id narrows it', async () => {
    const all = await get('/fhir/CodeSystem');
    expect(all.body.total).toBe(3);
    const one = await get('/fhir/ValueSet?_id=calf-pain');
    expect(one.body.entry.map((e: { resource: { id: string } }) => e.resource.id)).toEqual([
      'calf-pain',
    ]);
  });

  it('metadata is a CapabilityStatement naming read and search on the served types', async () => {
    const res = await get('/fhir/metadata', gated);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      resourceType: 'CapabilityStatement',
      status: 'active',
      kind: 'instance',
      fhirVersion: '4.0.1',
      date: NOW.toISOString(),
      implementation: { url: 'https://cds.example.org/soleus/fhir' },
    });
    const types = res.body.rest[0].resource.map((r: { type: string }) => r.type);
    expect(types).toEqual(['Questionnaire', 'CodeSystem', 'ValueSet']);
  });

  it.each([
    ['/fhir/Questionnaire/%3Cscript%3Ealert(1)', 'No Questionnaire with that id'],
    ['/fhir/Questionnaire/<script>alert(1)</script>', 'see /fhir/metadata'],
    ['/fhir/Questionnaire/wells-dvt/_history/1', 'Only read, search and metadata'],
    ['/fhir/ValueSet/no-such-set', 'No ValueSet with that id'],
    ['/fhir/Patient/p1', 'serves Questionnaire, CodeSystem and ValueSet only'],
    ['/fhir/Secret?url=x', 'serves Questionnaire, CodeSystem and ValueSet only'],
  ])('%s → 404 OperationOutcome without the input echoed', async (url, text) => {
    const res = await get(url);
    expect(res.status).toBe(404);
    expect(res.type).toBe('application/fhir+json; charset=utf-8');
    expect(res.body.resourceType).toBe('OperationOutcome');
    expect(res.body.issue[0]).toMatchObject({ severity: 'error', code: 'not-found' });
    expect(res.body.issue[0].diagnostics).toContain(text);
    expect(JSON.stringify(res.body)).not.toMatch(/script|no-such-set|p1|Secret/);
  });

  it('needs no JWT when the CDS endpoints do (published knowledge, not patient data)', async () => {
    expect((await get('/fhir/Questionnaire/wells-dvt', gated)).status).toBe(200);
    expect((await gated.inject({ method: 'GET', url: '/cds-services' })).statusCode).toBe(401);
  });
});
