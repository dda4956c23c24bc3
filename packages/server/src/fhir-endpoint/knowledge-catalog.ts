/**
 * The canonical resources the service serves under `/fhir`, indexed for the three lookups the endpoint
 * answers: read by type and id, search by canonical `url` (optionally `|version`) and by `_id`.
 */
import type { CanonicalResource } from '@soleus/core';

/** The resource types served. */
export const KNOWLEDGE_TYPES = ['Questionnaire', 'CodeSystem', 'ValueSet'] as const;
/** One served resource type. */
export type KnowledgeType = (typeof KNOWLEDGE_TYPES)[number];

/** Read-only lookups over the served resources. */
export interface KnowledgeCatalog {
  /** @returns true when the type is served */
  serves(type: string): type is KnowledgeType;
  /** @returns the resource with that id, or undefined */
  read(type: KnowledgeType, id: string): CanonicalResource | undefined;
  /** @returns the resources of the type matching every given criterion (all of them without criteria) */
  search(type: KnowledgeType, criteria: SearchCriteria): CanonicalResource[];
}

/** Search parameters the endpoint understands; absent ones do not filter. */
export interface SearchCriteria {
  /** Canonical url, optionally with a `|version` suffix. */
  readonly url?: string;
  readonly version?: string;
  readonly id?: string;
}

/**
 * Indexes the resources once.
 * @param resources - the canonical resources (from `loadCanonicalResources`)
 * @returns the catalog
 */
export function createKnowledgeCatalog(resources: readonly CanonicalResource[]): KnowledgeCatalog {
  const byType = new Map<KnowledgeType, CanonicalResource[]>(KNOWLEDGE_TYPES.map((t) => [t, []]));
  for (const resource of resources) {
    byType.get(resource.resourceType)?.push(resource);
  }
  const serves = (type: string): type is KnowledgeType =>
    (KNOWLEDGE_TYPES as readonly string[]).includes(type);
  return {
    serves,
    read: (type, id) => byType.get(type)?.find((r) => r.id === id),
    search: (type, criteria) => {
      const [url, urlVersion] = (criteria.url ?? '').split('|');
      const version = urlVersion ?? criteria.version;
      return (byType.get(type) ?? []).filter(
        (r) =>
          (criteria.url === undefined || r.url === url) &&
          (version === undefined || r.version === version) &&
          (criteria.id === undefined || r.id === criteria.id),
      );
    },
  };
}
