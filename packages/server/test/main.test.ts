/**
 * The process entry point over a real 127.0.0.1 listener: configuration from the environment and a
 * JSON config file, discovery and a service call over HTTP, the loopback guard of local mode, and a
 * clean close (the JSONL feedback store flushes).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { validateCdsResponse } from '@soleus/fhir';
import { main } from '../src/main';
import { patientViewRequest, PARTIAL_PATIENT } from './support/cds-requests';
import { PATIENT_VIEW, TEST_CONTENT } from './support/test-rule-set';

let dir: string;
let env: Record<string, string>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'soleus-main-'));
  const config = join(dir, 'soleus.json');
  await writeFile(config, JSON.stringify({ content: TEST_CONTENT, logLevel: 'silent' }));
  env = {
    PORT: '0',
    HOST: '127.0.0.1',
    SOLEUS_CONFIG: config,
    SOLEUS_FEEDBACK_FILE: join(dir, 'feedback.jsonl'),
  };
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('main', () => {
  it('REQ 5/74: serves discovery and a service call on a real loopback port', async () => {
    const app: FastifyInstance = await main(env);
    try {
      const { port } = app.server.address() as AddressInfo;
      const base = `http://127.0.0.1:${port}`;
      const discovery = await fetch(`${base}/cds-services`);
      expect(discovery.status).toBe(200);
      const call = await fetch(`${base}/cds-services/${PATIENT_VIEW}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(patientViewRequest(PARTIAL_PATIENT)),
      });
      expect(call.status).toBe(200);
      const body = (await call.json()) as { cards: unknown[] };
      expect(validateCdsResponse(body)).toEqual([]);
      expect(body.cards).toHaveLength(1);
    } finally {
      await app.close();
    }
  });

  it.each<[string, Record<string, string>, string]>([
    ['local mode on all interfaces', { HOST: '0.0.0.0' }, 'SOLEUS_SERVER_INSECURE_BIND'],
    ['an invalid port', { PORT: 'http' }, 'SOLEUS_SERVER_CONFIG'],
    [
      'a database it cannot reach to migrate',
      { SOLEUS_FEEDBACK_FILE: '', SOLEUS_DATABASE_URL: 'postgres://soleus@127.0.0.1:1/soleus' },
      'ECONNREFUSED',
    ],
    [
      'a medication index that does not load',
      { SOLEUS_RXNORM_INDEX: '/no/such/index.json' },
      'SOLEUS_RXNORM_INDEX',
    ],
  ])('refuses to start with %s, before listening', async (_name, override, code) => {
    await expect(main({ ...env, ...override })).rejects.toMatchObject({ code });
  });
});
