/**
 * Reads a Bundle's envelope (its entries and `next` link) from any JSON without trusting its shape:
 * a non-array `entry`, a `null` entry or an entry whose `resource` is not a resource object is counted
 * as skipped instead of throwing. The resources themselves are checked later, at the adapter entrance
 * (sanitise-record.ts).
 */
import type { FhirResource } from 'fhir/r4';

/** What a Bundle's entries hold. */
export interface BundleContents {
  /** Resource objects (a string `resourceType`), OperationOutcome entries left out. */
  readonly resources: FhirResource[];
  /** Entries that were OperationOutcomes (search mode `outcome`): they carry no data. */
  readonly outcomes: number;
  /** Entries without a resource object, or 1 when `entry` itself is not an array. */
  readonly skipped: number;
}

/**
 * Collects the resources of a Bundle's entries.
 * @param bundle - a parsed Bundle (any JSON is tolerated)
 * @returns the resources, OperationOutcome count and skipped count
 */
export function bundleResources(bundle: unknown): BundleContents {
  const entry = (bundle as { entry?: unknown } | null)?.entry;
  if (entry === undefined) {
    return { resources: [], outcomes: 0, skipped: 0 };
  }
  if (!Array.isArray(entry)) {
    return { resources: [], outcomes: 0, skipped: 1 };
  }
  const resources: FhirResource[] = [];
  let outcomes = 0;
  let skipped = 0;
  for (const item of entry as unknown[]) {
    const resource = (item as { resource?: unknown } | null)?.resource;
    if (!isResourceObject(resource)) {
      skipped += 1;
    } else if (isOutcome(item, resource)) {
      outcomes += 1;
    } else {
      resources.push(resource);
    }
  }
  return { resources, outcomes, skipped };
}

/**
 * The `next` link of a searchset page.
 * @param bundle - a parsed Bundle (any JSON is tolerated)
 * @returns the URL, or undefined when there is no usable next link
 */
export function nextLinkOf(bundle: unknown): string | undefined {
  const links = (bundle as { link?: unknown } | null)?.link;
  if (!Array.isArray(links)) {
    return undefined;
  }
  for (const link of links as unknown[]) {
    const { relation, url } = (link ?? {}) as { relation?: unknown; url?: unknown };
    if (relation === 'next') {
      return typeof url === 'string' && url.length > 0 ? url : undefined;
    }
  }
  return undefined;
}

/**
 * Whether a JSON value is shaped like a resource: an object (not an array) with a string resourceType.
 * Nothing else about it is checked (see sanitise-resource.ts for that).
 * @param value - any JSON
 * @returns true for resource-shaped objects
 */
export function isResourceObject(value: unknown): value is FhirResource {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as { resourceType?: unknown }).resourceType === 'string'
  );
}

function isOutcome(entry: unknown, resource: FhirResource): boolean {
  const search = (entry as { search?: unknown }).search;
  const mode = (search as { mode?: unknown } | null | undefined)?.mode;
  return mode === 'outcome' || resource.resourceType === 'OperationOutcome';
}
