/**
 * The minimal CapabilityStatement of the read-only knowledge endpoint (`GET /fhir/metadata`): FHIR
 * R4, JSON only, `read` and `search-type` by `url`, `version` and `_id` on the served types.
 */
import type { CapabilityStatement } from 'fhir/r4';
import { KNOWLEDGE_TYPES } from './knowledge-catalog';

/**
 * Builds the CapabilityStatement.
 * @param options - when it was published (server start), the content version, and the endpoint's public URL
 * @returns the resource
 */
export function buildCapabilityStatement(options: {
  readonly date: string;
  readonly contentVersion: string;
  readonly endpointUrl?: string;
}): CapabilityStatement {
  return {
    resourceType: 'CapabilityStatement',
    id: 'soleus-knowledge',
    status: 'active',
    date: options.date,
    publisher: 'Soleus',
    kind: 'instance',
    software: { name: 'Soleus knowledge endpoint', version: options.contentVersion },
    implementation: {
      description:
        'Read-only canonical resources of the Soleus rule packs: the Wells DVT Questionnaire, CodeSystems and ValueSets',
      ...(options.endpointUrl ? { url: options.endpointUrl } : {}),
    },
    fhirVersion: '4.0.1',
    format: ['application/fhir+json', 'json'],
    rest: [
      {
        mode: 'server',
        documentation: 'Read-only: no create, update, delete or history.',
        resource: KNOWLEDGE_TYPES.map((type) => ({
          type,
          interaction: [{ code: 'read' }, { code: 'search-type' }],
          searchParam: [
            { name: 'url', type: 'uri', documentation: 'Canonical url, optionally url|version' },
            { name: 'version', type: 'token' },
            { name: '_id', type: 'token' },
          ],
        })),
      },
    ],
  };
}
