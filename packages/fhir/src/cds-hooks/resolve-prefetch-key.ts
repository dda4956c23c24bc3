/**
 * Resolves one prefetch key (see resolve-prefetch.ts for the semantics). Every way a key can end
 * without data yields a warning that names the key, so a skip is never silent.
 */
import type { FhirResource } from 'fhir/r4';
import { SoleusError, type Issue } from '@soleus/core';
import { nextLinkOf } from '../fhir/bundle-resources';
import { fillPrefetchTemplate } from './fill-prefetch-template';
import type { FhirFetcher } from './fhir-fetcher';
import { prefetchIssue } from './prefetch-issue';
import { readAllPages, type PagedResources } from './read-all-pages';
import type { CdsRequest } from './types';

/**
 * How a key was satisfied: `prefetched` (sent by the client), `null` (client says no data), `fetched`
 * (read from fhirServer), `operation-outcome` (client prefetch failed and it could not be fetched),
 * `unavailable` (absent and no FHIR access), `failed` (the fetch failed: data unknown, not negative).
 */
export type PrefetchKeyState =
  'prefetched' | 'null' | 'fetched' | 'operation-outcome' | 'unavailable' | 'failed';

/** The outcome of one key. */
export interface KeyResolution {
  readonly state: PrefetchKeyState;
  readonly resources: readonly FhirResource[];
  readonly issues: readonly Issue[];
  /** True when a searchset could not be read to its end: absence in it means unknown. */
  readonly partial?: boolean;
}

/** Settings shared by every key of one request. */
export interface KeySettings {
  readonly timeoutMs: number;
  readonly maxPages: number;
  /** Bytes the key may read from the FHIR server, all pages together. */
  readonly maxBytes: number;
}

/**
 * Resolves one key from the request's prefetch or, failing that, from the FHIR server.
 * @param key - the prefetch key
 * @param template - its template, or undefined when only `required` names it
 * @param request - the CDS Hooks request
 * @param fetcher - the FHIR fetcher, or undefined without fhirServer + fhirAuthorization
 * @param settings - time box and page bound
 * @returns the key's state, resources and issues
 */
export async function resolvePrefetchKey(
  key: string,
  template: string | undefined,
  request: CdsRequest,
  fetcher: FhirFetcher | undefined,
  settings: KeySettings,
): Promise<KeyResolution> {
  const prefetch = request.prefetch ?? {};
  const value = Object.hasOwn(prefetch, key) ? prefetch[key] : undefined;
  if (value === null) {
    return { state: 'null', resources: [], issues: [] };
  }
  if (value === undefined) {
    return fetchOrGiveUp(key, template, request, fetcher, settings, [], 'unavailable');
  }
  if (!isResource(value) || value.resourceType === 'OperationOutcome') {
    const what = isResource(value)
      ? 'the client sent an OperationOutcome instead of data (its prefetch failed); treated as missing'
      : 'the prefetch value is not a FHIR resource; treated as missing';
    const issue = prefetchIssue('SOLEUS_HOOK_PREFETCH_OUTCOME', key, what);
    return fetchOrGiveUp(key, template, request, fetcher, settings, [issue], 'operation-outcome');
  }
  // A time box is only armed when there are pages to fetch: a timer per key per call would otherwise
  // live on (5 s by default) after every request that needed no fetching at all.
  const hasNext = value.resourceType === 'Bundle' && nextLinkOf(value) !== undefined;
  const signal = hasNext && fetcher ? AbortSignal.timeout(settings.timeoutMs) : undefined;
  const paged = await readAllPages(value, fetcher, {
    maxPages: settings.maxPages,
    budget: { remainingBytes: settings.maxBytes },
    ...(signal ? { signal } : {}),
  });
  return {
    state: 'prefetched',
    resources: paged.resources,
    issues: pagingIssues(key, paged),
    ...(paged.complete ? {} : { partial: true }),
  };
}

async function fetchOrGiveUp(
  key: string,
  template: string | undefined,
  request: CdsRequest,
  fetcher: FhirFetcher | undefined,
  settings: KeySettings,
  issues: readonly Issue[],
  stateWithoutFetch: PrefetchKeyState,
): Promise<KeyResolution> {
  if (!fetcher || template === undefined) {
    return giveUp(key, template, issues, stateWithoutFetch);
  }
  const filled = fillPrefetchTemplate(template, request.context);
  if (!filled.ok) {
    const what = `template token(s) ${filled.unfilled.map((t) => `{{${t}}}`).join(', ')} have no first-level primitive context value; not fetched, data unknown`;
    return failed([...issues, prefetchIssue('SOLEUS_HOOK_PREFETCH_TEMPLATE', key, what)]);
  }
  const signal = AbortSignal.timeout(settings.timeoutMs);
  const budget = { remainingBytes: settings.maxBytes };
  let first: unknown;
  try {
    first = await fetcher.fetchJson(filled.query, signal, budget);
  } catch (err) {
    return failed([...issues, fetchIssue(key, err)]);
  }
  if (!isResource(first) || first.resourceType === 'OperationOutcome') {
    const what =
      'FHIR server answered without a FHIR resource (or with an OperationOutcome); data unknown';
    return failed([...issues, prefetchIssue('SOLEUS_FHIR_FETCH', key, what)]);
  }
  const paged = await readAllPages(first, fetcher, { maxPages: settings.maxPages, signal, budget });
  return {
    state: 'fetched',
    resources: paged.resources,
    issues: [...issues, ...pagingIssues(key, paged)],
    ...(paged.complete ? {} : { partial: true }),
  };
}

function giveUp(
  key: string,
  template: string | undefined,
  issues: readonly Issue[],
  state: PrefetchKeyState,
): KeyResolution {
  const why =
    template === undefined
      ? 'no prefetch template declares it'
      : 'the request has no fhirServer with fhirAuthorization';
  const what = `not prefetched and cannot be fetched (${why}); its data is unknown`;
  return {
    state,
    resources: [],
    issues: [...issues, prefetchIssue('SOLEUS_HOOK_PREFETCH_MISSING', key, what)],
  };
}

function failed(issues: readonly Issue[]): KeyResolution {
  return { state: 'failed', resources: [], issues };
}

function fetchIssue(key: string, err: unknown): Issue {
  const reason = err instanceof SoleusError ? err.message : 'FHIR server could not be read';
  return prefetchIssue(
    'SOLEUS_FHIR_FETCH',
    key,
    `fetch failed: ${reason}; its data is unknown, not negative`,
  );
}

function pagingIssues(key: string, paged: PagedResources): Issue[] {
  const issues: Issue[] = [];
  if (!paged.complete) {
    const why =
      paged.reason === 'max-pages'
        ? `stopped after ${paged.pages} page(s), the maxPages bound`
        : paged.reason === 'no-fetcher'
          ? 'it has a next link but the request has no fhirServer with fhirAuthorization'
          : `a next page failed: ${paged.error?.message ?? 'unknown error'}`;
    issues.push(
      prefetchIssue(
        'SOLEUS_HOOK_PREFETCH_PARTIAL',
        key,
        `searchset is partial (${why}); absence in it means unknown`,
      ),
    );
  }
  if (paged.outcomes > 0) {
    const what = `${paged.outcomes} OperationOutcome entr${paged.outcomes === 1 ? 'y' : 'ies'} of the searchset left out (they carry no data)`;
    issues.push(prefetchIssue('SOLEUS_FHIR_FETCH', key, what, 'information'));
  }
  if (paged.skipped > 0) {
    const what = `${paged.skipped} entr${paged.skipped === 1 ? 'y' : 'ies'} of the searchset held no FHIR resource and were left out; their data is unknown`;
    issues.push(prefetchIssue('SOLEUS_FHIR_INVALID_RESOURCE', key, what));
  }
  return issues;
}

function isResource(value: unknown): value is FhirResource {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { resourceType?: unknown }).resourceType === 'string'
  );
}
