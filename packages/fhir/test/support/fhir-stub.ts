/**
 * A real HTTP FHIR server stub on 127.0.0.1 (ephemeral port) for prefetch tests. It records every
 * request with its Authorization header, tracks how many requests were in flight at once (to prove
 * parallel fetching), and answers from routes keyed by resource type (the first path segment after
 * `/fhir/`). Unknown routes answer 404 with an OperationOutcome, like a FHIR server.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What a route answers. */
export interface StubAnswer {
  readonly status?: number;
  readonly body?: unknown;
  /** A raw body sent as it is instead of `body` (for non-JSON answers). */
  readonly raw?: string;
  /** Delay before answering, in milliseconds. */
  readonly delayMs?: number;
  /**
   * A body streamed with chunked encoding (no Content-Length): `prefix`, then `filler` repeated
   * `count` times, then `suffix`, written with backpressure and stopped as soon as the client hangs up.
   */
  readonly stream?: {
    readonly prefix: string;
    readonly filler: string;
    readonly count: number;
    readonly suffix: string;
  };
}

/** A route: a fixed answer or one computed from the request URL and the stub's base URL. */
export type StubRoute = StubAnswer | ((url: URL, baseUrl: string) => StubAnswer);

/** One request the stub received. */
export interface StubRequest {
  readonly method: string;
  /** Path and query, e.g. `/fhir/Observation?patient=p1`. */
  readonly url: string;
  readonly authorization: string | undefined;
}

/** A running stub. */
export interface FhirStub {
  /** FHIR base, e.g. `http://127.0.0.1:41234/fhir`. */
  readonly baseUrl: string;
  readonly requests: StubRequest[];
  /** Highest number of requests being answered at the same time. */
  readonly maxInFlight: () => number;
  /** Bytes of streamed bodies the clients actually took (see `StubAnswer.stream`). */
  readonly streamedBytes: () => number;
  readonly close: () => Promise<void>;
}

/**
 * Starts a stub FHIR server.
 * @param routes - resource type → answer
 * @returns the running stub
 */
export async function startFhirStub(
  routes: Readonly<Record<string, StubRoute>>,
): Promise<FhirStub> {
  const requests: StubRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let inFlight = 0;
  let maxInFlight = 0;
  let streamedBytes = 0;
  let baseUrl = '';
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    requests.push({
      method: req.method ?? '',
      url: req.url ?? '',
      authorization: req.headers.authorization,
    });
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    const answer = answerFor(routes, new URL(req.url ?? '/', baseUrl), baseUrl);
    const send = (): void => {
      inFlight -= 1;
      res.writeHead(answer.status ?? 200, { 'content-type': 'application/fhir+json' });
      if (answer.stream) {
        void streamBody(res, answer.stream, (n) => (streamedBytes += n));
        return;
      }
      res.end(answer.raw ?? JSON.stringify(answer.body ?? {}));
    };
    if (answer.delayMs) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        send();
      }, answer.delayMs);
      timers.add(timer);
    } else {
      send();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://127.0.0.1:${port}/fhir`;
  return {
    baseUrl,
    requests,
    maxInFlight: () => maxInFlight,
    streamedBytes: () => streamedBytes,
    close: async () => {
      timers.forEach((timer) => clearTimeout(timer));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function streamBody(
  res: ServerResponse,
  stream: NonNullable<StubAnswer['stream']>,
  count: (bytes: number) => void,
): Promise<void> {
  const parts = [stream.prefix, ...Array<string>(stream.count).fill(stream.filler), stream.suffix];
  for (const part of parts) {
    if (res.destroyed || res.socket === null) {
      return;
    }
    count(Buffer.byteLength(part));
    if (!res.write(part)) {
      await new Promise<void>((resolve) => {
        res.once('drain', resolve);
        res.once('close', resolve);
      });
    }
  }
  res.end();
}

function answerFor(
  routes: Readonly<Record<string, StubRoute>>,
  url: URL,
  baseUrl: string,
): StubAnswer {
  const type = url.pathname.replace(/^\/fhir\//, '').split('/')[0] ?? '';
  const route = routes[type];
  if (route === undefined) {
    return { status: 404, body: notFound() };
  }
  return typeof route === 'function' ? route(url, baseUrl) : route;
}

function notFound(): object {
  return {
    resourceType: 'OperationOutcome',
    issue: [{ severity: 'error', code: 'not-found', diagnostics: 'unknown route' }],
  };
}
