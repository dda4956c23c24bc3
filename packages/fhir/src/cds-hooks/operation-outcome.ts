/**
 * FHIR OperationOutcome bodies for non-2xx CDS Hooks answers (CDS Hooks 3.0 ballot: "SHOULD carry an
 * OperationOutcome"; 2.0 is silent, and the body does no harm). Only issue messages go out, which
 * never hold PHI, tokens or stack traces; a 500 carries no detail at all.
 */
import type { OperationOutcome, OperationOutcomeIssue } from 'fhir/r4';
import type { Issue } from '@soleus/core';

/** The statuses the transport maps CDS Hooks failures to. */
export type CdsErrorStatus = 400 | 404 | 412 | 500;

/** The FHIR issue type used for each status. */
const ISSUE_TYPE: Readonly<Record<CdsErrorStatus, OperationOutcomeIssue['code']>> = {
  400: 'invalid',
  404: 'not-found',
  412: 'required',
  500: 'exception',
};

/** The diagnostics used when a status comes with no issue. */
const DEFAULT_TEXT: Readonly<Record<CdsErrorStatus, string>> = {
  400: 'The request does not match the CDS Hooks definition',
  404: 'No CDS service has that id',
  412: 'Neither the Patient nor the Conditions could be prefetched or fetched from fhirServer',
  500: 'Internal error',
};

/**
 * Builds the OperationOutcome body of an error response.
 * @param status - the HTTP status the transport will send
 * @param issues - the issues behind it (ignored for 500, which never carries detail)
 * @returns the OperationOutcome, with one FHIR issue per error or warning issue
 */
export function buildOperationOutcome(
  status: CdsErrorStatus,
  issues: readonly Issue[] = [],
): OperationOutcome {
  const kept = status === 500 ? [] : issues.filter((i) => i.severity !== 'information');
  const outcomeIssues: OperationOutcomeIssue[] =
    kept.length > 0
      ? kept.map((issue) => toOutcomeIssue(status, issue))
      : [{ severity: 'error', code: ISSUE_TYPE[status], diagnostics: DEFAULT_TEXT[status] }];
  return { resourceType: 'OperationOutcome', issue: outcomeIssues };
}

function toOutcomeIssue(status: CdsErrorStatus, issue: Issue): OperationOutcomeIssue {
  const pointer = issue.location?.pointer;
  return {
    severity: issue.severity === 'warning' ? 'warning' : 'error',
    code: ISSUE_TYPE[status],
    details: { text: issue.code },
    diagnostics: issue.message,
    ...(pointer ? { expression: [pointerToPath(pointer)] } : {}),
  };
}

/**
 * Turns a JSON Pointer into the dotted element path FHIR `expression` uses (`/context/selections/0` →
 * `context.selections[0]`).
 * @param pointer - an RFC 6901 pointer
 * @returns the element path
 */
export function pointerToPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, token) => {
      if (/^\d+$/.test(token)) {
        return `${path}[${token}]`;
      }
      return path === '' ? token : `${path}.${token}`;
    }, '');
}
