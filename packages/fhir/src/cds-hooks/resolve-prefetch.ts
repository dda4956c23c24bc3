/**
 * Prefetch resolution with the exact CDS Hooks 2.0.1 semantics (§prefetch-template, REQ 49–54, 60–61):
 *
 * - key present with a resource → use it; a searchset Bundle with a `next` link is followed when the
 *   FHIR server can be used, else it is kept as partial with a warning;
 * - key present with `null` → the client says no data exists: nothing is fetched (REQ 53);
 * - key present with an OperationOutcome → the client's prefetch failed (REQ 52): it is treated as
 *   missing, with a warning, and fetched when possible (HAPI's OMIT-then-fetch policy);
 * - key absent → fetched from `fhirServer`, but only when both `fhirServer` and `fhirAuthorization` are
 *   present (REQ 60). All absent keys are fetched in parallel, each under its own time box.
 *
 * A failed or impossible fetch leaves the key's data unknown (never "none"), yields a warning and lists
 * the key in `incompleteKeys`; the rules then run with what is known. The call fails with
 * SOLEUS_HOOK_PREFETCH_MISSING (HTTP 412) only when a `required` key, or every `requiredAnyOf` key,
 * ends up without data.
 */
import type { FhirResource } from 'fhir/r4';
import { SoleusError, type Issue } from '@soleus/core';
import { createFhirFetcher, DEFAULT_PREFETCH_MAX_BYTES, type FhirFetcher } from './fhir-fetcher';
import { resolvePrefetchKey, type PrefetchKeyState } from './resolve-prefetch-key';
import type { CdsRequest } from './types';

/** Options of {@link resolvePrefetch}. */
export interface ResolvePrefetchOptions {
  /** Time box of each key's fetch (all its pages), in milliseconds. */
  readonly timeoutMs: number;
  /**
   * Fetcher to use instead of the default undici one. Like the default, it is used only when the
   * request carries both `fhirServer` and `fhirAuthorization` (REQ 60).
   */
  readonly fetch?: FhirFetcher;
  /** Upper bound on searchset pages read per key (default 10). */
  readonly maxPages?: number;
  /** Bytes each key may read from the FHIR server, all pages together (default 20 MB). */
  readonly maxBytesPerKey?: number;
  /** Keys without which the service cannot answer; their absence means HTTP 412. */
  readonly required?: readonly string[];
  /**
   * Keys of which at least one must be had (prefetched, `null` or fetched): when none is, nothing
   * can be said and the call fails with HTTP 412. Every other missing key is only unknown data.
   */
  readonly requiredAnyOf?: readonly string[];
}

/** Resolved prefetch: the resources, the issues met, and how each key was satisfied. */
export interface ResolvedPrefetch {
  /** Every resource found, de-duplicated by `Type/id`, in template-key order. */
  readonly resources: FhirResource[];
  readonly issues: Issue[];
  readonly keys: Record<string, PrefetchKeyState>;
  /**
   * Keys the client sent that no template declares (e.g. Da Vinci CRD's `coverage`, `user`): ignored,
   * not an issue, because a client may prefetch for several services; the caller logs them at debug.
   */
  readonly ignoredKeys: readonly string[];
  /**
   * Keys whose data is unknown or only partly known in this call (omitted and not fetchable, fetch
   * failed, OperationOutcome, partial searchset): absence in their data proves nothing.
   */
  readonly incompleteKeys: readonly string[];
}

const DEFAULT_MAX_PAGES = 10;
const SATISFIED: ReadonlySet<PrefetchKeyState> = new Set(['prefetched', 'null', 'fetched']);

/**
 * Resolves a service's prefetch templates against a request: uses what the client sent, fetches the rest.
 * @param request - the validated CDS Hooks request
 * @param templates - the service's prefetch templates, key → query with `{{context.x}}` tokens
 * @param options - time box, optional fetcher, page bound and required keys
 * @returns the resources, issues and per-key states
 * @throws {SOLEUS_HOOK_PREFETCH_MISSING} when a `required` key, or every `requiredAnyOf` key, was
 *   neither prefetched nor fetchable
 */
export async function resolvePrefetch(
  request: CdsRequest,
  templates: Readonly<Record<string, string>>,
  options: ResolvePrefetchOptions,
): Promise<ResolvedPrefetch> {
  const { fetcher, issues: fetcherIssues } = fetcherFor(request, options);
  const required = options.required ?? [];
  const keys = [...new Set([...Object.keys(templates), ...required])];
  const resolutions = await Promise.all(
    keys.map((key) =>
      resolvePrefetchKey(key, templates[key], request, fetcher, {
        timeoutMs: options.timeoutMs,
        maxPages: options.maxPages ?? DEFAULT_MAX_PAGES,
        maxBytes: options.maxBytesPerKey ?? DEFAULT_PREFETCH_MAX_BYTES,
      }),
    ),
  );
  const states: Record<string, PrefetchKeyState> = {};
  resolutions.forEach((resolution, index) => {
    states[keys[index] ?? ''] = resolution.state;
  });
  const issues = [...fetcherIssues, ...resolutions.flatMap((r) => r.issues)];
  const had = (key: string): boolean => SATISFIED.has(states[key] ?? 'unavailable');
  const missing = required.filter((key) => !had(key));
  const anyOf = (options.requiredAnyOf ?? []).filter((key) => key in templates);
  if (missing.length > 0 || (anyOf.length > 0 && !anyOf.some(had))) {
    const names = (missing.length > 0 ? missing : anyOf).map((k) => `"${k}"`).join(', ');
    const what = missing.length > 0 ? 'required prefetch' : 'none of the prefetch keys';
    throw new SoleusError(
      'SOLEUS_HOOK_PREFETCH_MISSING',
      `${what} ${names} was neither prefetched nor fetchable from fhirServer`,
      { issues },
    );
  }
  const known = new Set(keys);
  const ignoredKeys = Object.keys(request.prefetch ?? {}).filter((key) => !known.has(key));
  const incompleteKeys = keys.filter((key, i) => !had(key) || resolutions[i]?.partial === true);
  // Repeats (one resource in two keys, or several versions from a history feed) are kept: the record's
  // entrance keeps one current version per resource (record/current-versions.ts).
  const resources = resolutions.flatMap((r) => r.resources);
  return { resources, issues, keys: states, ignoredKeys, incompleteKeys };
}

interface FetcherChoice {
  readonly fetcher?: FhirFetcher;
  readonly issues: readonly Issue[];
}

function fetcherFor(request: CdsRequest, options: ResolvePrefetchOptions): FetcherChoice {
  const { fhirServer, fhirAuthorization } = request;
  if (fhirServer === undefined || fhirAuthorization === undefined) {
    return { issues: [] };
  }
  if (options.fetch) {
    return { fetcher: options.fetch, issues: [] };
  }
  try {
    const fetcher = createFhirFetcher({
      baseUrl: fhirServer,
      accessToken: fhirAuthorization.access_token,
      timeoutMs: options.timeoutMs,
    });
    return { fetcher, issues: [] };
  } catch (err) {
    // An unusable fhirServer means "cannot fetch", not a crash: keys fall back to unavailable.
    const reason = err instanceof SoleusError ? err.message : 'fhirServer is unusable';
    const issue: Issue = {
      severity: 'warning',
      code: 'SOLEUS_FHIR_FETCH',
      message: `request#/fhirServer: ${reason}; nothing is fetched from it`,
      location: { pointer: '/fhirServer' },
    };
    return { issues: [issue] };
  }
}
