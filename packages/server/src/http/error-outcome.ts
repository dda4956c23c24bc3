/**
 * OperationOutcome bodies for the HTTP-level failures the transport itself detects (400 malformed JSON
 * or URL, 401, 403 non-loopback Host in local mode, 404 unknown route, 408 slow client, 413, 414, 415,
 * 431, unexpected errors, 503 an unavailable store). Service-call failures (400/404/412/500) come
 * ready-made from `handleCdsRequest`; these cover what happens before it runs. No stack, no input
 * echo, no detail on 401.
 */
import type { OperationOutcome, OperationOutcomeIssue } from 'fhir/r4';
import type { ErrorCode } from '@soleus/core';

/** A transport failure: status, FHIR issue type, code and a message without PHI. */
interface TransportFailure {
  readonly status: number;
  readonly type: OperationOutcomeIssue['code'];
  readonly code?: ErrorCode;
  readonly text: string;
}

/** The transport failures, by name. */
export const TRANSPORT_FAILURES = {
  unauthorized: { status: 401, type: 'security', text: 'Unauthorized' },
  malformedJson: {
    status: 400,
    type: 'invalid',
    code: 'SOLEUS_HOOK_MALFORMED_JSON',
    text: 'request body: expected JSON; found text that does not parse as JSON',
  },
  emptyBody: {
    status: 400,
    type: 'invalid',
    code: 'SOLEUS_HOOK_INVALID_REQUEST',
    text: 'request body: expected a JSON object; found an empty body',
  },
  badRequest: {
    status: 400,
    type: 'invalid',
    code: 'SOLEUS_HOOK_INVALID_REQUEST',
    text: 'request: not a valid HTTP request for this endpoint',
  },
  tooLarge: {
    status: 413,
    type: 'too-costly',
    code: 'SOLEUS_HOOK_BODY_TOO_LARGE',
    text: 'request body: larger than the configured limit; narrow the prefetch or raise the limit',
  },
  unsupportedMediaType: {
    status: 415,
    type: 'not-supported',
    code: 'SOLEUS_HOOK_UNSUPPORTED_MEDIA_TYPE',
    text: 'Content-Type: expected application/json',
  },
  badUrl: {
    status: 400,
    type: 'invalid',
    code: 'SOLEUS_HOOK_INVALID_REQUEST',
    text: 'request URL: expected a valid percent-encoded path; found one that does not decode',
  },
  forbiddenHost: {
    status: 403,
    type: 'security',
    text: 'Host: local mode answers only loopback host names (localhost, 127.0.0.1, [::1])',
  },
  notFound: { status: 404, type: 'not-found', text: 'No such endpoint; see GET /cds-services' },
  requestTimeout: {
    status: 408,
    type: 'timeout',
    text: 'request: not received within the configured request or header timeout',
  },
  uriTooLong: {
    status: 414,
    type: 'too-long',
    code: 'SOLEUS_HOOK_INVALID_REQUEST',
    text: 'request URL: a path segment is longer than the service accepts',
  },
  headersTooLarge: {
    status: 431,
    type: 'too-long',
    code: 'SOLEUS_HOOK_INVALID_REQUEST',
    text: 'request headers: larger than the service accepts',
  },
  internal: { status: 500, type: 'exception', text: 'Internal error' },
  unavailable: {
    status: 503,
    type: 'transient',
    code: 'SOLEUS_SERVER_STORE_UNAVAILABLE',
    text: 'The feedback store is unavailable; nothing was stored, retry later',
  },
} as const satisfies Record<string, TransportFailure>;

/** A transport failure name. */
export type TransportFailureName = keyof typeof TRANSPORT_FAILURES;

/**
 * Builds the OperationOutcome of a transport failure.
 * @param name - which failure
 * @returns the status and its OperationOutcome body
 */
export function errorOutcome(name: TransportFailureName): {
  status: number;
  body: OperationOutcome;
} {
  const failure: TransportFailure = TRANSPORT_FAILURES[name];
  const issue: OperationOutcomeIssue = {
    severity: 'error',
    code: failure.type,
    diagnostics: failure.text,
    ...(failure.code ? { details: { text: failure.code } } : {}),
  };
  return { status: failure.status, body: { resourceType: 'OperationOutcome', issue: [issue] } };
}
