/**
 * A small FHIR GET client for prefetch resolution, over undici 7 `request` (keep-alive through the
 * given dispatcher, else undici's global Agent). It presents the client's access token on every call
 * (REQ 61) and refuses any URL outside the FHIR server's origin, so a hostile or misconfigured `next`
 * link can never receive the token. Errors name the HTTP status only: URLs carry query values that can
 * be PHI, and the token is never put in a message.
 *
 * Bodies are bounded while they stream: a `Content-Length` above the remaining byte budget is refused
 * unread, and a chunked body is cut as soon as it passes it, so a huge answer costs at most the budget
 * in memory (50 MB per key × 10 parallel calls once reached 2.3 GB RSS). The budget is per prefetch key,
 * shared by all its pages ({@link FetchBudget}).
 */
import { request, type Dispatcher } from 'undici';
import { SoleusError } from '@soleus/core';

/** Reads FHIR JSON from one FHIR server. */
export interface FhirFetcher {
  /**
   * GETs a query relative to the FHIR base (`Observation?patient=1`) or an absolute URL on its origin.
   * @throws {SOLEUS_FHIR_FETCH} on a non-2xx status, another origin, a non-JSON body or a timeout
   */
  fetchJson(url: string, signal?: AbortSignal, budget?: FetchBudget): Promise<unknown>;
}

/** Bytes a prefetch key may still read (all its pages together); each fetch takes what it reads. */
export interface FetchBudget {
  remainingBytes: number;
}

/** Default byte budget of one prefetch key: 20 MB. */
export const DEFAULT_PREFETCH_MAX_BYTES = 20 * 1024 * 1024;

/** Options of {@link createFhirFetcher}. */
export interface FhirFetcherOptions {
  /** The request's `fhirServer`. */
  readonly baseUrl: string;
  /** `fhirAuthorization.access_token`; transient, never stored or logged. */
  readonly accessToken: string;
  /** Upper bound for one HTTP exchange, in milliseconds. */
  readonly timeoutMs: number;
  /** undici dispatcher to share keep-alive connections across requests. */
  readonly dispatcher?: Dispatcher;
  /** Largest body read when a call brings no budget of its own (default 20 MB). */
  readonly maxBytes?: number;
}

/**
 * Creates a fetcher bound to one FHIR server and access token.
 * @param options - base URL, token, timeout and optional dispatcher
 * @returns the fetcher
 * @throws {SOLEUS_FHIR_FETCH} when `baseUrl` is not an http(s) URL
 */
export function createFhirFetcher(options: FhirFetcherOptions): FhirFetcher {
  const base = parseBase(options.baseUrl);
  return {
    fetchJson: async (url, signal, budget) => {
      const target = resolveTarget(base, url);
      const timeout = AbortSignal.timeout(options.timeoutMs);
      const { statusCode, headers, body } = await request(target, {
        method: 'GET',
        headers: {
          accept: 'application/fhir+json, application/json',
          authorization: `Bearer ${options.accessToken}`,
        },
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
        headersTimeout: options.timeoutMs,
        bodyTimeout: options.timeoutMs,
        ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
      }).catch((err: unknown) => {
        throw transportError(err, options.timeoutMs);
      });
      if (statusCode < 200 || statusCode > 299) {
        await body.dump();
        throw new SoleusError('SOLEUS_FHIR_FETCH', `FHIR server answered HTTP ${statusCode}`);
      }
      const own = { remainingBytes: options.maxBytes ?? DEFAULT_PREFETCH_MAX_BYTES };
      const text = await readBounded(body, headers['content-length'], budget ?? own).catch(
        (err: unknown) => {
          throw err instanceof SoleusError ? err : transportError(err, options.timeoutMs);
        },
      );
      try {
        return JSON.parse(text) as unknown;
      } catch (err) {
        throw transportError(err, options.timeoutMs);
      }
    },
  };
}

/** Reads a body as UTF-8 text, never more than the budget; the budget is charged what was read. */
async function readBounded(
  body: Dispatcher.ResponseData['body'],
  contentLength: string | string[] | undefined,
  budget: FetchBudget,
): Promise<string> {
  const limit = budget.remainingBytes;
  const declared = Number(Array.isArray(contentLength) ? contentLength[0] : contentLength);
  if (Number.isFinite(declared) && declared > limit) {
    body.destroy();
    throw tooLarge(limit);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of body) {
    total += (chunk as Buffer).length;
    if (total > limit) {
      body.destroy();
      budget.remainingBytes = 0;
      throw tooLarge(limit);
    }
    chunks.push(chunk as Buffer);
  }
  budget.remainingBytes = limit - total;
  return Buffer.concat(chunks, total).toString('utf8');
}

function tooLarge(limit: number): SoleusError {
  const mb = Math.round((limit / (1024 * 1024)) * 10) / 10;
  return new SoleusError(
    'SOLEUS_FHIR_FETCH',
    `FHIR server answer larger than the ${mb} MB left of this key's size cap; not read`,
  );
}

function parseBase(baseUrl: string): URL {
  let base: URL;
  try {
    base = new URL(baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
  } catch {
    throw new SoleusError('SOLEUS_FHIR_FETCH', 'fhirServer is not a valid URL');
  }
  if (base.protocol !== 'https:' && base.protocol !== 'http:') {
    throw new SoleusError('SOLEUS_FHIR_FETCH', 'fhirServer is not an http(s) URL');
  }
  return base;
}

function resolveTarget(base: URL, url: string): URL {
  const absolute = /^[a-z][a-z0-9+.-]*:/i.test(url);
  const target = absolute ? new URL(url) : new URL(url.replace(/^\/+/, ''), base);
  if (target.origin !== base.origin) {
    throw new SoleusError(
      'SOLEUS_FHIR_FETCH',
      'refused a URL on another origin than fhirServer; the access token is only sent to fhirServer',
    );
  }
  return target;
}

function transportError(err: unknown, timeoutMs: number): SoleusError {
  // Duck-typed: the DOMException an aborted signal throws is not `instanceof Error` in every realm.
  const raw = (err as { name?: unknown } | null)?.name;
  const name = typeof raw === 'string' ? raw : 'Error';
  const timedOut =
    /Timeout|Abort/.test(name) || /Timeout/.test(String((err as { code?: unknown }).code));
  const message = timedOut
    ? `FHIR server did not answer within ${timeoutMs} ms`
    : `FHIR server could not be read (${name}${errorCode(err)})`;
  return new SoleusError('SOLEUS_FHIR_FETCH', message, { cause: err });
}

function errorCode(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? `, ${code}` : '';
}
