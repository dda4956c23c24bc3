import type { Bundle, FhirResource, Observation } from 'fhir/r4';
import { SoleusError } from '@soleus/core';
import { resolvePrefetch } from '../src/cds-hooks/resolve-prefetch';
import type { CdsRequest, PrefetchValue } from '../src/cds-hooks/types';
import { startFhirStub, type FhirStub, type StubAnswer } from './support/fhir-stub';

const TOKEN = 'secret-access-token-42';
const PATIENT = 'pat-1';

function observation(id: string): Observation {
  return { resourceType: 'Observation', id, status: 'final', code: { text: 'test' } };
}

function searchset(ids: readonly string[], next?: string): Bundle<FhirResource> {
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    ...(next ? { link: [{ relation: 'next', url: next }] } : {}),
    entry: ids.map((id) => ({ resource: observation(id), search: { mode: 'match' } })),
  };
}

const OUTCOME: FhirResource = {
  resourceType: 'OperationOutcome',
  issue: [{ severity: 'error', code: 'processing' }],
};

function hookRequest(
  options: { server?: string; auth?: boolean; prefetch?: Record<string, PrefetchValue> } = {},
): CdsRequest {
  return {
    hook: 'patient-view',
    hookInstance: 'd1577c69-dfbe-44ad-ba6d-3e05e953b2ea',
    context: { userId: 'Practitioner/dr-7', patientId: PATIENT },
    ...(options.server ? { fhirServer: options.server } : {}),
    ...(options.auth === false
      ? {}
      : {
          fhirAuthorization: {
            access_token: TOKEN,
            token_type: 'Bearer',
            expires_in: 300,
            scope: 'patient/Observation.read',
            subject: 'soleus',
          },
        }),
    ...(options.prefetch ? { prefetch: options.prefetch } : {}),
  };
}

const TEMPLATES = {
  labs: 'Observation?patient={{context.patientId}}&code=http://loinc.org|2823-3',
  conditions: 'Condition?patient={{context.patientId}}',
};

/** Three pages of Observations: page=1 → 2 → 3, with absolute same-origin next links. */
function pagedObservations(url: URL, baseUrl: string): StubAnswer {
  const page = Number(url.searchParams.get('page') ?? '1');
  const next = page < 3 ? `${baseUrl}/Observation?patient=${PATIENT}&page=${page + 1}` : undefined;
  return { body: searchset([`o${page}a`, `o${page}b`], next) };
}

describe('resolvePrefetch against a real HTTP FHIR stub', () => {
  let stub: FhirStub;
  afterEach(async () => {
    await stub.close();
  });

  it('REQ 60/61: absent keys are fetched from fhirServer, in parallel, with the Bearer token', async () => {
    stub = await startFhirStub({
      Observation: { body: searchset(['o1']), delayMs: 80 },
      Condition: { body: searchset([]), delayMs: 80 },
    });
    const result = await resolvePrefetch(hookRequest({ server: stub.baseUrl }), TEMPLATES, {
      timeoutMs: 2000,
    });
    expect(result.keys).toEqual({ labs: 'fetched', conditions: 'fetched' });
    expect(result.resources.map((r) => r.id)).toEqual(['o1']);
    expect(stub.requests.map((r) => r.authorization)).toEqual([
      `Bearer ${TOKEN}`,
      `Bearer ${TOKEN}`,
    ]);
    expect(stub.requests.map((r) => r.url).sort()).toEqual([
      `/fhir/Condition?patient=${PATIENT}`,
      `/fhir/Observation?patient=${PATIENT}&code=http://loinc.org|2823-3`,
    ]);
    expect(stub.maxInFlight()).toBe(2);
    expect(result.issues).toEqual([]);
  });

  it('REQ 53: a null prefetch value is not re-queried and counts as satisfied', async () => {
    stub = await startFhirStub({
      Observation: { body: searchset(['o1']) },
      Condition: { body: searchset([]) },
    });
    const request = hookRequest({ server: stub.baseUrl, prefetch: { labs: null } });
    const result = await resolvePrefetch(request, TEMPLATES, {
      timeoutMs: 2000,
      required: ['labs'],
    });
    expect(result.keys['labs']).toBe('null');
    expect(stub.requests.filter((r) => r.url.includes('Observation'))).toHaveLength(0);
  });

  it('REQ 49: prefetched keys are used as they are and not fetched again', async () => {
    stub = await startFhirStub({ Condition: { body: searchset([]) } });
    const request = hookRequest({
      server: stub.baseUrl,
      prefetch: { labs: searchset(['p1']), conditions: null },
    });
    const result = await resolvePrefetch(request, TEMPLATES, { timeoutMs: 2000 });
    expect(result.keys).toEqual({ labs: 'prefetched', conditions: 'null' });
    expect(result.resources.map((r) => r.id)).toEqual(['p1']);
    expect(stub.requests).toHaveLength(0);
  });

  it('REQ 52: an OperationOutcome prefetch value is treated as missing and fetched when possible', async () => {
    stub = await startFhirStub({
      Observation: { body: searchset(['o9']) },
      Condition: { body: searchset([]) },
    });
    const request = hookRequest({
      server: stub.baseUrl,
      prefetch: { labs: OUTCOME, conditions: null },
    });
    const result = await resolvePrefetch(request, TEMPLATES, { timeoutMs: 2000 });
    expect(result.keys['labs']).toBe('fetched');
    expect(result.resources.map((r) => r.id)).toEqual(['o9']);
    expect(result.issues).toEqual([
      expect.objectContaining({
        code: 'SOLEUS_HOOK_PREFETCH_OUTCOME',
        severity: 'warning',
        location: { pointer: '/prefetch/labs' },
      }),
    ]);
  });

  it('REQ 52: an OperationOutcome value without FHIR access stays missing, with a warning', async () => {
    stub = await startFhirStub({});
    const request = hookRequest({ prefetch: { labs: OUTCOME, conditions: null } });
    const result = await resolvePrefetch(request, TEMPLATES, { timeoutMs: 2000 });
    expect(result.keys['labs']).toBe('operation-outcome');
    expect(result.resources).toEqual([]);
    expect(result.issues.map((i) => i.code)).toEqual([
      'SOLEUS_HOOK_PREFETCH_OUTCOME',
      'SOLEUS_HOOK_PREFETCH_MISSING',
    ]);
    await expect(
      resolvePrefetch(request, TEMPLATES, { timeoutMs: 2000, required: ['labs'] }),
    ).rejects.toMatchObject({ code: 'SOLEUS_HOOK_PREFETCH_MISSING' });
  });

  it('paging: a fetched searchset is followed through 3 pages via next links', async () => {
    stub = await startFhirStub({ Observation: pagedObservations });
    const result = await resolvePrefetch(
      hookRequest({ server: stub.baseUrl }),
      { labs: TEMPLATES.labs },
      { timeoutMs: 2000 },
    );
    expect(result.keys).toEqual({ labs: 'fetched' });
    expect(result.resources.map((r) => r.id)).toEqual(['o1a', 'o1b', 'o2a', 'o2b', 'o3a', 'o3b']);
    expect(stub.requests).toHaveLength(3);
    expect(stub.requests.every((r) => r.authorization === `Bearer ${TOKEN}`)).toBe(true);
    expect(result.issues).toEqual([]);
  });

  it('paging: maxPages bounds the walk and the result is reported partial', async () => {
    stub = await startFhirStub({ Observation: pagedObservations });
    const result = await resolvePrefetch(
      hookRequest({ server: stub.baseUrl }),
      { labs: TEMPLATES.labs },
      { timeoutMs: 2000, maxPages: 2 },
    );
    expect(result.resources).toHaveLength(4);
    expect(result.issues).toEqual([
      expect.objectContaining({
        code: 'SOLEUS_HOOK_PREFETCH_PARTIAL',
        location: { pointer: '/prefetch/labs' },
      }),
    ]);
    expect(result.issues[0]?.message).toMatch(/stopped after 2 page/);
  });

  it('paging: a prefetched searchset with a next link is followed when fhirServer is usable', async () => {
    stub = await startFhirStub({ Observation: pagedObservations });
    const first = searchset(['p0'], `${'BASE'}/Observation?patient=${PATIENT}&page=2`);
    const request = (base: string): CdsRequest =>
      hookRequest({
        server: base,
        prefetch: {
          labs: JSON.parse(JSON.stringify(first).replace('BASE', base)) as Bundle<FhirResource>,
        },
      });
    const result = await resolvePrefetch(
      request(stub.baseUrl),
      { labs: TEMPLATES.labs },
      { timeoutMs: 2000 },
    );
    expect(result.keys).toEqual({ labs: 'prefetched' });
    expect(result.resources.map((r) => r.id)).toEqual(['p0', 'o2a', 'o2b', 'o3a', 'o3b']);
  });

  it('paging: a prefetched searchset with a next link and no fhirServer is kept as partial', async () => {
    stub = await startFhirStub({});
    const request = hookRequest({
      auth: false,
      prefetch: { labs: searchset(['p0'], 'https://ehr.example/fhir/Observation?page=2') },
    });
    const result = await resolvePrefetch(
      request,
      { labs: TEMPLATES.labs },
      { timeoutMs: 2000, required: ['labs'] },
    );
    expect(result.keys).toEqual({ labs: 'prefetched' });
    expect(result.resources.map((r) => r.id)).toEqual(['p0']);
    expect(result.issues.map((i) => i.code)).toEqual(['SOLEUS_HOOK_PREFETCH_PARTIAL']);
  });

  it.each([
    [401, 'unauthorised'],
    [403, 'forbidden'],
    [404, 'not found'],
    [500, 'server error'],
    [503, 'unavailable'],
  ])(
    'a fetch answered %i (%s) leaves the key failed with SOLEUS_FHIR_FETCH, data unknown',
    async (status) => {
      stub = await startFhirStub({
        Observation: { status, body: OUTCOME },
        Condition: { body: searchset([]) },
      });
      const result = await resolvePrefetch(hookRequest({ server: stub.baseUrl }), TEMPLATES, {
        timeoutMs: 2000,
      });
      expect(result.keys).toEqual({ labs: 'failed', conditions: 'fetched' });
      expect(result.issues).toEqual([
        expect.objectContaining({
          code: 'SOLEUS_FHIR_FETCH',
          severity: 'warning',
          location: { pointer: '/prefetch/labs' },
        }),
      ]);
      expect(result.issues[0]?.message).toContain(`HTTP ${status}`);
    },
  );

  it('security: issue messages never hold the token, the server URL or query values', async () => {
    stub = await startFhirStub({
      Observation: { status: 401, body: OUTCOME },
      Condition: { status: 500 },
    });
    const result = await resolvePrefetch(hookRequest({ server: stub.baseUrl }), TEMPLATES, {
      timeoutMs: 2000,
    });
    const text = JSON.stringify(result.issues);
    expect(result.issues).toHaveLength(2);
    for (const secret of [TOKEN, PATIENT, stub.baseUrl, '127.0.0.1', '2823-3']) {
      expect(text).not.toContain(secret);
    }
  });

  it('REQ 54: a required key whose fetch fails (401) makes the call fail with 412 semantics', async () => {
    stub = await startFhirStub({
      Observation: { status: 401 },
      Condition: { body: searchset([]) },
    });
    const error = await resolvePrefetch(hookRequest({ server: stub.baseUrl }), TEMPLATES, {
      timeoutMs: 2000,
      required: ['labs'],
    }).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(SoleusError);
    expect(error).toMatchObject({ code: 'SOLEUS_HOOK_PREFETCH_MISSING' });
    expect((error as SoleusError).message).toContain('"labs"');
    expect((error as SoleusError).issues.map((i) => i.code)).toEqual(['SOLEUS_FHIR_FETCH']);
    expect((error as SoleusError).message).not.toContain(TOKEN);
  });

  it.each<[string, Record<string, StubAnswer>, 'resolves' | 'rejects']>([
    [
      'labs fail, conditions fetched',
      { Observation: { status: 401 }, Condition: { body: searchset([]) } },
      'resolves',
    ],
    [
      'conditions fail, labs fetched',
      { Observation: { body: searchset([]) }, Condition: { status: 500 } },
      'resolves',
    ],
    ['both fail', { Observation: { status: 401 }, Condition: { status: 500 } }, 'rejects'],
  ])(
    'requiredAnyOf: %s → the call %s; a failed key is listed as incomplete',
    async (_name, answers, outcome) => {
      stub = await startFhirStub(answers);
      const call = resolvePrefetch(hookRequest({ server: stub.baseUrl }), TEMPLATES, {
        timeoutMs: 2000,
        requiredAnyOf: ['labs', 'conditions', 'undeclared'],
      });
      if (outcome === 'rejects') {
        await expect(call).rejects.toMatchObject({ code: 'SOLEUS_HOOK_PREFETCH_MISSING' });
        return;
      }
      const result = await call;
      const failed = Object.entries(result.keys).filter(([, state]) => state === 'failed');
      expect(result.incompleteKeys).toEqual(failed.map(([key]) => key));
      expect(result.incompleteKeys).toHaveLength(1);
    },
  );

  it('a partial searchset is listed as incomplete though its key counts as prefetched', async () => {
    stub = await startFhirStub({});
    const request = hookRequest({
      auth: false,
      prefetch: {
        labs: searchset(['p0'], 'https://ehr.example/fhir/Observation?page=2'),
        conditions: null,
      },
    });
    const result = await resolvePrefetch(request, TEMPLATES, { timeoutMs: 2000 });
    expect(result.keys).toEqual({ labs: 'prefetched', conditions: 'null' });
    expect(result.incompleteKeys).toEqual(['labs']);
  });

  it('timeout: a FHIR server slower than timeoutMs leaves the key failed, not empty', async () => {
    stub = await startFhirStub({
      Observation: { body: searchset(['late']), delayMs: 1500 },
      Condition: { body: searchset([]) },
    });
    const result = await resolvePrefetch(hookRequest({ server: stub.baseUrl }), TEMPLATES, {
      timeoutMs: 150,
    });
    expect(result.keys).toEqual({ labs: 'failed', conditions: 'fetched' });
    expect(result.issues[0]).toMatchObject({
      code: 'SOLEUS_FHIR_FETCH',
      location: { pointer: '/prefetch/labs' },
    });
    expect(result.issues[0]?.message).toMatch(/did not answer within 150 ms/);
  });

  it('security: a next link to another origin is refused and the token never reaches it', async () => {
    const other = await startFhirStub({ Observation: { body: searchset(['evil']) } });
    stub = await startFhirStub({
      Observation: { body: searchset(['o1'], `${other.baseUrl}/Observation?page=2`) },
    });
    try {
      const result = await resolvePrefetch(
        hookRequest({ server: stub.baseUrl }),
        { labs: TEMPLATES.labs },
        { timeoutMs: 2000 },
      );
      expect(other.requests).toHaveLength(0);
      expect(result.resources.map((r) => r.id)).toEqual(['o1']);
      expect(result.issues).toEqual([
        expect.objectContaining({ code: 'SOLEUS_HOOK_PREFETCH_PARTIAL' }),
      ]);
      expect(result.issues[0]?.message).toMatch(/another origin/);
    } finally {
      await other.close();
    }
  });

  it('REQ 54: no fhirServer and a required key absent → SOLEUS_HOOK_PREFETCH_MISSING (412)', async () => {
    stub = await startFhirStub({});
    const request = hookRequest({ auth: false, prefetch: { conditions: null } });
    await expect(
      resolvePrefetch(request, TEMPLATES, { timeoutMs: 2000, required: ['labs'] }),
    ).rejects.toMatchObject({
      code: 'SOLEUS_HOOK_PREFETCH_MISSING',
      issues: [
        expect.objectContaining({
          code: 'SOLEUS_HOOK_PREFETCH_MISSING',
          location: { pointer: '/prefetch/labs' },
        }),
      ],
    });
  });

  it('REQ 60: fhirServer without fhirAuthorization is never called; absent keys are unavailable', async () => {
    stub = await startFhirStub({
      Observation: { body: searchset(['o1']) },
      Condition: { body: searchset([]) },
    });
    const result = await resolvePrefetch(
      hookRequest({ server: stub.baseUrl, auth: false }),
      TEMPLATES,
      { timeoutMs: 2000 },
    );
    expect(result.keys).toEqual({ labs: 'unavailable', conditions: 'unavailable' });
    expect(stub.requests).toHaveLength(0);
    expect(result.issues.map((i) => i.code)).toEqual([
      'SOLEUS_HOOK_PREFETCH_MISSING',
      'SOLEUS_HOOK_PREFETCH_MISSING',
    ]);
  });

  it('REQ 57: a template whose token has no primitive context value is not fetched', async () => {
    stub = await startFhirStub({ MedicationRequest: { body: searchset([]) } });
    const templates = {
      meds: 'MedicationRequest?patient={{context.patientId}}&encounter={{context.encounterId}}',
    };
    const result = await resolvePrefetch(hookRequest({ server: stub.baseUrl }), templates, {
      timeoutMs: 2000,
    });
    expect(result.keys).toEqual({ meds: 'failed' });
    expect(stub.requests).toHaveLength(0);
    expect(result.issues).toEqual([
      expect.objectContaining({ code: 'SOLEUS_HOOK_PREFETCH_TEMPLATE' }),
    ]);
    expect(result.issues[0]?.message).toContain('{{context.encounterId}}');
  });

  it('an unusable fhirServer is a warning, not a crash; absent keys become unavailable', async () => {
    stub = await startFhirStub({});
    const result = await resolvePrefetch(
      hookRequest({ server: 'ftp://ehr.example/fhir' }),
      TEMPLATES,
      {
        timeoutMs: 2000,
      },
    );
    expect(result.keys).toEqual({ labs: 'unavailable', conditions: 'unavailable' });
    expect(result.issues[0]).toMatchObject({
      code: 'SOLEUS_FHIR_FETCH',
      location: { pointer: '/fhirServer' },
    });
  });

  it('repeats across keys are passed on: the record entrance keeps one current version of each', async () => {
    stub = await startFhirStub({});
    const request = hookRequest({
      auth: false,
      prefetch: { labs: searchset(['a', 'b']), conditions: searchset(['b', 'c']) },
    });
    const result = await resolvePrefetch(request, TEMPLATES, { timeoutMs: 2000 });
    expect(result.resources.map((r) => r.id)).toEqual(['a', 'b', 'b', 'c']);
  });
});
