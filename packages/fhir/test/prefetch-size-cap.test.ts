/**
 * Audit finding (issue 12): bodies fetched from the FHIR server had no size cap (50 MB per key × 10
 * parallel calls reached 2.3 GB RSS). Now each prefetch key has a byte budget (default 20 MB, all its
 * pages together) enforced while the body streams: over it, the key's data is unknown and an issue says
 * so; the rest of the record is still evaluated.
 */
import { resolvePrefetch } from '../src/cds-hooks/resolve-prefetch';
import { createFhirFetcher } from '../src/cds-hooks/fhir-fetcher';
import type { CdsRequest } from '../src/cds-hooks/types';
import { startFhirStub, type FhirStub, type StubAnswer } from './support/fhir-stub';

const TOKEN = 'secret-access-token-42';
const MB = 1024 * 1024;
const observation = (id: string, text: string): string =>
  JSON.stringify({
    resource: { resourceType: 'Observation', id, status: 'final', code: { text } },
  });

/** A valid searchset of about `megabytes` MB, streamed in 64 KB Observations without Content-Length. */
function bigSearchset(megabytes: number): StubAnswer {
  const filler = `${observation('pad', 'x'.repeat(64 * 1024))},`;
  return {
    stream: {
      prefix: '{"resourceType":"Bundle","type":"searchset","entry":[',
      filler,
      count: Math.ceil((megabytes * MB) / filler.length),
      suffix: `${observation('last', 'end')}]}`,
    },
  };
}

let stub: FhirStub | undefined;
afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

const fetcherFor = (s: FhirStub, maxBytes?: number) =>
  createFhirFetcher({
    baseUrl: s.baseUrl,
    accessToken: TOKEN,
    timeoutMs: 10_000,
    ...(maxBytes ? { maxBytes } : {}),
  });

describe('the FHIR fetcher reads at most the byte budget', () => {
  it('cuts a chunked body as soon as it passes the cap, long before the server is done', async () => {
    stub = await startFhirStub({ Observation: bigSearchset(30) });
    const budget = { remainingBytes: 1 * MB };
    await expect(
      fetcherFor(stub).fetchJson('Observation?patient=p1', undefined, budget),
    ).rejects.toMatchObject({
      code: 'SOLEUS_FHIR_FETCH',
      message: expect.stringContaining('size cap') as unknown,
    });
    expect(budget.remainingBytes).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(stub.streamedBytes()).toBeLessThan(10 * MB);
  });

  it('refuses a Content-Length above the cap without reading it', async () => {
    const body = `{"resourceType":"Bundle","type":"searchset","entry":[${observation('o', 'y'.repeat(2 * MB))}]}`;
    stub = await startFhirStub({ Observation: { raw: body } });
    await expect(
      fetcherFor(stub, 1 * MB).fetchJson('Observation?patient=p1'),
    ).rejects.toMatchObject({
      code: 'SOLEUS_FHIR_FETCH',
    });
  });

  it('reads a body under the cap and charges the budget what it read', async () => {
    stub = await startFhirStub({ Observation: bigSearchset(0.5) });
    const budget = { remainingBytes: 1 * MB };
    const bundle = (await fetcherFor(stub).fetchJson('Observation', undefined, budget)) as {
      entry: unknown[];
    };
    expect(bundle.entry.length).toBeGreaterThan(5);
    expect(budget.remainingBytes).toBeGreaterThan(0);
    expect(budget.remainingBytes).toBeLessThan(0.6 * MB);
  });
});

describe('resolvePrefetch with a per-key byte cap', () => {
  const request: CdsRequest = {
    hook: 'patient-view',
    hookInstance: 'd1577c69-dfbe-44ad-ba6d-3e05e953b2ea',
    context: { userId: 'Practitioner/dr-7', patientId: 'p1' },
    fhirAuthorization: {
      access_token: TOKEN,
      token_type: 'Bearer',
      expires_in: 300,
      scope: 'patient/*.read',
      subject: 'soleus',
    },
    fhirServer: '',
    prefetch: { conditions: { resourceType: 'Bundle', type: 'searchset', entry: [] } },
  };
  const templates = {
    labs: 'Observation?patient={{context.patientId}}',
    conditions: 'Condition?patient={{context.patientId}}',
  };

  it('leaves an oversized key unknown with an issue and keeps the other keys', async () => {
    stub = await startFhirStub({ Observation: bigSearchset(30) });
    const resolved = await resolvePrefetch({ ...request, fhirServer: stub.baseUrl }, templates, {
      timeoutMs: 10_000,
      maxBytesPerKey: 1 * MB,
    });
    expect(resolved.keys).toEqual({ labs: 'failed', conditions: 'prefetched' });
    expect(resolved.resources).toEqual([]);
    const issue = resolved.issues.find((i) => i.location?.pointer === '/prefetch/labs');
    expect(issue).toMatchObject({ code: 'SOLEUS_FHIR_FETCH' });
    expect(issue?.message).toMatch(/size cap.*unknown, not negative/);
  });

  it('shares the budget across the pages of one key: the page past it makes the key partial', async () => {
    const page = (url: URL, baseUrl: string): StubAnswer => {
      const n = Number(url.searchParams.get('page') ?? '1');
      const entry = Array.from(
        { length: 6 },
        (_v, i) => JSON.parse(observation(`o${n}-${i}`, 'z'.repeat(64 * 1024))) as unknown,
      );
      return {
        body: {
          resourceType: 'Bundle',
          type: 'searchset',
          link: [{ relation: 'next', url: `${baseUrl}/Observation?page=${n + 1}` }],
          entry,
        },
      };
    };
    stub = await startFhirStub({ Observation: page });
    const resolved = await resolvePrefetch({ ...request, fhirServer: stub.baseUrl }, templates, {
      timeoutMs: 10_000,
      maxBytesPerKey: 1 * MB,
    });
    expect(stub.requests.length).toBe(3);
    expect(resolved.resources.length).toBe(12);
    expect(resolved.issues.map((i) => i.code)).toContain('SOLEUS_HOOK_PREFETCH_PARTIAL');
  });
});
