/**
 * The read-only FHIR knowledge endpoint: `GET /fhir/metadata`, `GET /fhir/{type}/{id}` and
 * `GET /fhir/{type}?url=…` over the shipped canonical resources (Questionnaire, CodeSystem, ValueSet),
 * as `application/fhir+json`, so an EHR can import the Wells Questionnaire into its own forms engine.
 * Public (no JWT): the resources are published knowledge, not patient data. Unknown types and ids are
 * a 404 OperationOutcome that never echoes what was asked for.
 */
import type { Bundle, OperationOutcome } from 'fhir/r4';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { CanonicalResource } from '@soleus/core';
import type { AppContext } from '../app-context';
import { buildCapabilityStatement } from './capability-statement';
import { createKnowledgeCatalog, type KnowledgeType } from './knowledge-catalog';

const FHIR_JSON = 'application/fhir+json; charset=utf-8';
const UNKNOWN_TYPE = notFound(
  'This endpoint serves Questionnaire, CodeSystem and ValueSet only; see /fhir/metadata',
);

/**
 * Registers the `/fhir` routes.
 * @param app - the Fastify app
 * @param ctx - the shared app state
 * @param resources - the canonical resources to serve
 * @param publicBaseUrl - the service's public base URL (no trailing slash), for absolute `fullUrl`s
 */
export function registerFhirRoutes(
  app: FastifyInstance,
  ctx: AppContext,
  resources: readonly CanonicalResource[],
  publicBaseUrl: string | undefined,
): void {
  const catalog = createKnowledgeCatalog(resources);
  const endpoint = publicBaseUrl ? `${publicBaseUrl}/fhir` : undefined;
  const capability = buildCapabilityStatement({
    date: ctx.clock().toISOString(),
    contentVersion: ctx.ruleSet.contentVersion,
    ...(endpoint ? { endpointUrl: endpoint } : {}),
  });
  app.get('/fhir/metadata', async (_request, reply) => send(reply, 200, capability));
  app.get('/fhir/*', async (_request, reply) =>
    send(
      reply,
      404,
      notFound('Only read, search and metadata are served here; see /fhir/metadata'),
    ),
  );
  app.get<{ Params: { type: string; id: string } }>('/fhir/:type/:id', async (request, reply) => {
    const { type, id } = request.params;
    if (!catalog.serves(type)) {
      return send(reply, 404, UNKNOWN_TYPE);
    }
    const resource = catalog.read(type, id);
    return resource
      ? send(reply, 200, resource)
      : send(reply, 404, notFound(`No ${type} with that id; GET /fhir/${type} lists them`));
  });
  app.get<{ Params: { type: string }; Querystring: Record<string, string | string[] | undefined> }>(
    '/fhir/:type',
    async (request, reply) => {
      const { type } = request.params;
      if (!catalog.serves(type)) {
        return send(reply, 404, UNKNOWN_TYPE);
      }
      const query = request.query;
      const criteria = {
        ...optional('url', first(query['url'])),
        ...optional('version', first(query['version'])),
        ...optional('id', first(query['_id'])),
      };
      const matches = catalog.search(type, criteria);
      return send(reply, 200, searchset(type, matches, endpoint));
    },
  );
}

function searchset(
  type: KnowledgeType,
  matches: readonly CanonicalResource[],
  endpoint: string | undefined,
): Bundle {
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total: matches.length,
    ...(matches.length > 0
      ? {
          entry: matches.map((resource) => ({
            // The canonical url is where a canonical resource "could be found" when no public base is set.
            fullUrl: endpoint ? `${endpoint}/${type}/${resource.id}` : resource.url,
            resource: resource as unknown as NonNullable<Bundle['entry']>[number]['resource'],
            search: { mode: 'match' as const },
          })),
        }
      : {}),
  };
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined || value === '' ? {} : ({ [key]: value } as Record<K, string>);
}

function notFound(text: string): OperationOutcome {
  return {
    resourceType: 'OperationOutcome',
    issue: [{ severity: 'error', code: 'not-found', diagnostics: text }],
  };
}

async function send(reply: FastifyReply, status: number, body: unknown): Promise<FastifyReply> {
  return reply.code(status).type(FHIR_JSON).header('x-content-type-options', 'nosniff').send(body);
}
