/**
 * Reads every page of a searchset Bundle by following its `next` links (CDS Hooks 2.0 lets clients
 * paginate prefetch, §prefetch-template), bounded by `maxPages` so a looping or huge result cannot
 * stall the hook. A page that cannot be read ends the walk and marks the result partial: the caller
 * reports it, because a partial list must never be read as "the patient has none".
 */
import type { Bundle, FhirResource } from 'fhir/r4';
import { SoleusError } from '@soleus/core';
import { bundleResources, nextLinkOf } from '../fhir/bundle-resources';
import type { FetchBudget, FhirFetcher } from './fhir-fetcher';

/** The resources of all pages read, and whether any page was left unread. */
export interface PagedResources {
  readonly resources: readonly FhirResource[];
  /** Pages read, the first included. */
  readonly pages: number;
  /** False when a `next` link was left unfollowed. */
  readonly complete: boolean;
  /** Why the walk stopped early, if it did. */
  readonly reason?: 'no-fetcher' | 'max-pages' | 'error';
  readonly error?: SoleusError;
  /** OperationOutcome entries (search mode `outcome`) that carried no data and were left out. */
  readonly outcomes: number;
  /** Entries without a resource object (or a non-array `entry`), left out. */
  readonly skipped: number;
}

/**
 * Collects the resources of a resource or searchset Bundle, following `next` links when it can.
 * @param first - the prefetched or fetched resource
 * @param fetcher - fetcher for further pages, or undefined when the FHIR server cannot be used
 * @param options - page bound, the key's abort signal and its byte budget
 * @returns the resources read and whether the result is complete
 */
export async function readAllPages(
  first: FhirResource,
  fetcher: FhirFetcher | undefined,
  options: {
    readonly maxPages: number;
    readonly signal?: AbortSignal;
    readonly budget?: FetchBudget;
  },
): Promise<PagedResources> {
  if (first.resourceType !== 'Bundle') {
    return { resources: [first], pages: 1, complete: true, outcomes: 0, skipped: 0 };
  }
  const resources: FhirResource[] = [];
  const counts = { outcomes: 0, skipped: 0 };
  collect(first, resources, counts);
  let next = nextLinkOf(first);
  let pages = 1;
  while (next !== undefined) {
    if (!fetcher) {
      return { resources, pages, complete: false, reason: 'no-fetcher', ...counts };
    }
    if (pages >= options.maxPages) {
      return { resources, pages, complete: false, reason: 'max-pages', ...counts };
    }
    let page: unknown;
    try {
      page = await fetcher.fetchJson(next, options.signal, options.budget);
    } catch (err) {
      const error = err instanceof SoleusError ? err : wrap(err);
      return { resources, pages, complete: false, reason: 'error', error, ...counts };
    }
    if (!isBundle(page)) {
      const error = new SoleusError('SOLEUS_FHIR_FETCH', 'a next page is not a FHIR Bundle');
      return { resources, pages, complete: false, reason: 'error', error, ...counts };
    }
    pages += 1;
    collect(page, resources, counts);
    next = nextLinkOf(page);
  }
  return { resources, pages, complete: true, ...counts };
}

function collect(
  bundle: unknown,
  into: FhirResource[],
  counts: { outcomes: number; skipped: number },
): void {
  const contents = bundleResources(bundle);
  into.push(...contents.resources);
  counts.outcomes += contents.outcomes;
  counts.skipped += contents.skipped;
}

function isBundle(value: unknown): value is Bundle<FhirResource> {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { resourceType?: unknown }).resourceType === 'Bundle'
  );
}

function wrap(err: unknown): SoleusError {
  return new SoleusError('SOLEUS_FHIR_FETCH', 'a next page could not be read', { cause: err });
}
