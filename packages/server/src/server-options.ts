/**
 * Options of {@link buildApp}: everything the CDS Hooks service needs is passed in (rule set, clock,
 * trust, limits, store, logger), so tests build an app with a fixed clock and generated keys.
 */
import type { CanonicalResource, RuleSet } from '@soleus/core';
import type { FhirFetcher, RxnormIndex } from '@soleus/fhir';
import type { DestinationStream, LevelWithSilent } from 'pino';
import type { AuthOptions } from './auth/auth-options';
import type { ReplayStore } from './auth/replay-store';
import type { FeedbackStore } from './feedback/feedback-store';
import type { ReadinessCheck } from './health/readiness-check';

/** Options of the Fastify CDS Hooks app. */
export interface ServerOptions {
  /** The loaded rule packs (`loadRuleSet(DEFAULT_CONTENT)`). */
  readonly ruleSet: RuleSet;
  /** The evaluation clock; defaults to the wall clock. */
  readonly clock?: () => Date;
  /**
   * Public base URL the EHR calls, e.g. `https://cds.example.org` (no trailing slash). JWT `aud` must be
   * this plus the endpoint path. Required when `auth` is set. Card links to the Wells SMART app and to
   * the `/fhir` Questionnaire are built on it; without it the cards carry no such links.
   */
  readonly publicBaseUrl?: string;
  /** Client-JWT trust; absent means explicit local mode (no authentication, loopback only). */
  readonly auth?: AuthOptions;
  /** Largest accepted request body in bytes (default 10 MB). */
  readonly bodyLimitBytes?: number;
  /** Time box of one service call in ms; past it the call fails open to `{"cards": []}` (default 4,000). */
  readonly evaluationTimeoutMs?: number;
  /** Time box of each FHIR fetch for missing prefetch, ms (default 3,000). */
  readonly prefetchTimeoutMs?: number;
  /** Bytes each prefetch key may read from `fhirServer`, all pages together (default 20 MB). */
  readonly prefetchMaxBytes?: number;
  /** Time a client has to send its whole request, headers and body, ms (default 30,000). */
  readonly requestTimeoutMs?: number;
  /** Time a client has to send its request headers, ms (default 10,000; at most `requestTimeoutMs`). */
  readonly headersTimeoutMs?: number;
  /**
   * Local mode only: answer requests whatever their `Host` (default false: only loopback names, so a
   * DNS-rebinding page cannot use the unauthenticated endpoints). `main` sets it with
   * `SOLEUS_ALLOW_INSECURE_BIND`.
   */
  readonly allowAnyHost?: boolean;
  /** Origins allowed by CORS (exact match); empty or absent means no CORS headers. */
  readonly corsOrigins?: readonly string[];
  /** Where card issuance and feedback go (default: an in-memory store). */
  readonly feedbackStore?: FeedbackStore;
  /**
   * Where seen JWT `jti` values live (default: in memory, `auth.replayCacheSize` entries). Replicas
   * behind one load balancer must share one (`createPostgresBackend`).
   */
  readonly replayStore?: ReplayStore;
  /** Dependencies `/health` checks for readiness, e.g. the shared database (default none). */
  readonly readinessChecks?: readonly ReadinessCheck[];
  /** Where the JSON log lines go (default stdout); tests pass a capturing stream. */
  readonly logStream?: DestinationStream;
  /** Log level (default `info`). */
  readonly logLevel?: LevelWithSilent;
  /** FHIR fetcher override for missing prefetch (tests, custom HTTP stacks). */
  readonly fetch?: FhirFetcher;
  /** Add the rule trace under `response.extension` (dry-run/debug; off in production). */
  readonly explain?: boolean;
  /** The medication index (default: the shipped one; a site's own from `soleus rxnorm import`). */
  readonly rxnormIndex?: RxnormIndex;
  /**
   * Serve the demo page at `/demo` (synthetic sample patients, no auth of its own; it calls the real,
   * JWT-gated endpoints). Defaults to on in local mode and off when `auth` is set.
   */
  readonly demo?: boolean;
  /** OAuth client id of the Wells SMART app as registered with the EHR (default `soleus-wells`). */
  readonly smartClientId?: string;
  /** Canonical resources served under `/fhir` (default: the ones shipped in `@soleus/core`). */
  readonly canonicalResources?: readonly CanonicalResource[];
}

/** Default OAuth client id of the Wells SMART app. */
export const DEFAULT_SMART_CLIENT_ID = 'soleus-wells';

/** Default request body limit: 10 MB. */
export const DEFAULT_BODY_LIMIT_BYTES = 10 * 1024 * 1024;
/** Default evaluation time box, ms. */
export const DEFAULT_EVALUATION_TIMEOUT_MS = 4000;
/** Default time box of each prefetch fetch, ms. */
export const DEFAULT_PREFETCH_TIMEOUT_MS = 3000;
/** Default time a client has to send its whole request, ms. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
/** Default time a client has to send its request headers, ms. */
export const DEFAULT_HEADERS_TIMEOUT_MS = 10_000;
