import { createFhirFetcher } from '../src/cds-hooks/fhir-fetcher';
import { startFhirStub } from './support/fhir-stub';

const TOKEN = 'secret-access-token-42';

describe('createFhirFetcher', () => {
  it.each([
    ['another host', 'http://198.51.100.7/fhir/Patient/1'],
    ['another port', 'http://127.0.0.1:1/fhir/Patient/1'],
    ['another scheme', 'https://127.0.0.1/fhir/Patient/1'],
  ])('refuses a URL on %s with SOLEUS_FHIR_FETCH before any request', async (_name, url) => {
    const stub = await startFhirStub({ Patient: { body: { resourceType: 'Patient', id: '1' } } });
    try {
      const fetcher = createFhirFetcher({
        baseUrl: stub.baseUrl,
        accessToken: TOKEN,
        timeoutMs: 500,
      });
      await expect(fetcher.fetchJson(url)).rejects.toMatchObject({ code: 'SOLEUS_FHIR_FETCH' });
      await expect(fetcher.fetchJson('Patient/1')).resolves.toEqual({
        resourceType: 'Patient',
        id: '1',
      });
      await expect(fetcher.fetchJson(`${stub.baseUrl}/Patient/1`)).resolves.toMatchObject({
        id: '1',
      });
      expect(stub.requests.map((r) => r.url)).toEqual(['/fhir/Patient/1', '/fhir/Patient/1']);
    } finally {
      await stub.close();
    }
  });
});

describe('createFhirFetcher errors', () => {
  it.each([
    ['a non-http fhirServer', 'ftp://ehr.example/fhir'],
    ['a fhirServer that is not a URL', 'not a url'],
  ])('refuses %s with SOLEUS_FHIR_FETCH', (_name, baseUrl) => {
    expect(() => createFhirFetcher({ baseUrl, accessToken: TOKEN, timeoutMs: 100 })).toThrow(
      expect.objectContaining({ code: 'SOLEUS_FHIR_FETCH' }),
    );
  });

  it.each([
    [
      'a non-JSON body',
      { Patient: { raw: '<html>login</html>' } },
      /could not be read \(SyntaxError\)/,
    ],
    ['a 404', {}, /^FHIR server answered HTTP 404$/],
  ])(
    '%s is SOLEUS_FHIR_FETCH without the URL or token in the message',
    async (_name, routes, want) => {
      const stub = await startFhirStub(routes);
      try {
        const fetcher = createFhirFetcher({
          baseUrl: stub.baseUrl,
          accessToken: TOKEN,
          timeoutMs: 500,
        });
        const error = await fetcher.fetchJson('Patient/1?name=secret').catch((err: unknown) => err);
        expect(error).toMatchObject({ code: 'SOLEUS_FHIR_FETCH' });
        const message = (error as Error).message;
        expect(message).toMatch(want);
        expect(message).not.toMatch(/secret|127\.0\.0\.1|Patient/);
      } finally {
        await stub.close();
      }
    },
  );
});
