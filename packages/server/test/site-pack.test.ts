/**
 * The example site pack (examples/site-pack) served by the real process: loaded from the
 * `content.packDirs` setting (SOLEUS_CONTENT_PACK_DIRS) or from `soleus-server --pack`, its discovery
 * asks for its own value set, and a call fires its card through its own mechanism.
 */
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { validateCdsResponse } from '@soleus/fhir';
import { main } from '../src/main';

const SITE_PACK = join(__dirname, '..', '..', '..', 'examples', 'site-pack');
const SERVICE = 'soleus-patient-view';

interface Resource {
  readonly resourceType: string;
  readonly id: string;
  effectiveDateTime?: string;
}

/** The pack's BMI 42 vignette record, its observations dated five days before the wall clock. */
function recentRecord(): Resource[] {
  const bundle = JSON.parse(
    readFileSync(join(SITE_PACK, 'vignettes', 'bmi-42.bundle.json'), 'utf8'),
  ) as { entry: { resource: Resource }[] };
  const fiveDaysAgo = new Date(Date.now() - 5 * 86_400_000).toISOString();
  return bundle.entry.map(({ resource }) =>
    resource.resourceType === 'Observation'
      ? { ...resource, effectiveDateTime: fiveDaysAgo }
      : resource,
  );
}

/** Fills every prefetch key discovery advertises from the record (a searchset per query). */
function prefetchFor(
  templates: Record<string, string>,
  record: Resource[],
): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(templates).map(([key, template]) => {
      const type = template.split(/[/?]/)[0] ?? '';
      const matching = record.filter((r) => r.resourceType === type);
      return [
        key,
        template.includes('?')
          ? {
              resourceType: 'Bundle',
              type: 'searchset',
              entry: matching.map((resource) => ({ resource })),
            }
          : (matching[0] ?? null),
      ];
    }),
  );
}

async function callWith(
  app: FastifyInstance,
): Promise<{ summaries: string[]; templates: string[] }> {
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const discovery = (await (await fetch(`${base}/cds-services`)).json()) as {
    services: { id: string; prefetch?: Record<string, string> }[];
  };
  const templates = discovery.services.find((s) => s.id === SERVICE)?.prefetch ?? {};
  const call = await fetch(`${base}/cds-services/${SERVICE}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      hook: 'patient-view',
      hookInstance: 'a6b2f0f4-5d5e-4a3c-9a35-3f3d8d1e2c11',
      context: { userId: 'Practitioner/dr-7', patientId: 'p1' },
      prefetch: prefetchFor(templates, recentRecord()),
    }),
  });
  expect(call.status).toBe(200);
  const body = (await call.json()) as { cards: { summary: string }[] };
  expect(validateCdsResponse(body)).toEqual([]);
  return { summaries: body.cards.map((c) => c.summary), templates: Object.values(templates) };
}

const ENV = { PORT: '0', HOST: '127.0.0.1', SOLEUS_LOG_LEVEL: 'silent' };
const SITE_CARD = expect.stringContaining('Body-mass index 40 or more');

describe('a site pack served by soleus-server', () => {
  it.each<[string, Record<string, string>, string[]]>([
    ['the SOLEUS_CONTENT_PACK_DIRS setting', { SOLEUS_CONTENT_PACK_DIRS: SITE_PACK }, []],
    ['the --pack flag', {}, ['--pack', SITE_PACK]],
  ])('loads from %s and fires its card through its own mechanism', async (_how, env, argv) => {
    const app = await main({ ...ENV, ...env }, {}, argv);
    try {
      const { summaries, templates } = await callWith(app);
      expect(summaries).toEqual([SITE_CARD]);
      // Discovery asks the EHR for the codes of the pack's own value set (body height).
      expect(templates.some((t) => t.includes('http://loinc.org|8302-2'))).toBe(true);
    } finally {
      await app.close();
    }
  });

  it('without the pack the same call has no such card', async () => {
    const app = await main(ENV);
    try {
      expect((await callWith(app)).summaries).not.toContainEqual(SITE_CARD);
    } finally {
      await app.close();
    }
  });

  it('refuses to start with a pack that does not resolve, before listening', async () => {
    await expect(
      main({ ...ENV, SOLEUS_CONTENT_PACK_DIRS: '/no/such/site-pack' }),
    ).rejects.toMatchObject({ code: 'SOLEUS_PACK_NOT_FOUND' });
  });

  it('refuses an unknown command-line option', async () => {
    await expect(main(ENV, {}, ['--rules', SITE_PACK])).rejects.toMatchObject({
      code: 'SOLEUS_SERVER_CONFIG',
    });
  });
});
