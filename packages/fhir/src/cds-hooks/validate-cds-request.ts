/**
 * Validates a CDS Hooks service call against its hook's JSON Schema (`schema/cds-request.<hook>.schema.json`)
 * and then the rule a schema cannot express: every `selections` entry of order-select names a resource
 * in `draftOrders`. Invalid input yields readable issues (JSON Pointer, expected, found) and a ready
 * OperationOutcome for the 400 answer. Spec-legal requests are never refused: unknown fields and `null`
 * prefetch values pass.
 */
import type { OperationOutcome } from 'fhir/r4';
import type { Issue } from '@soleus/core';
import { bundleResources } from '../fhir/bundle-resources';
import { getCdsSchemaValidator } from './cds-schemas';
import { buildOperationOutcome } from './operation-outcome';
import { schemaErrorsToIssues } from './schema-errors-to-issues';
import type { CdsHookName, CdsRequest } from './types';

/** The hooks that have a request schema. */
export const CDS_HOOKS: readonly CdsHookName[] = ['patient-view', 'order-select', 'order-sign'];

/**
 * A validated request (with `warnings` when it strays from the spec in a way Soleus can live with),
 * or the issues and the 400 body.
 */
export type CdsRequestValidation =
  | { readonly ok: true; readonly request: CdsRequest; readonly warnings?: readonly Issue[] }
  | { readonly ok: false; readonly outcome: OperationOutcome; readonly issues: readonly Issue[] };

/**
 * Checks a parsed request body against the definition of the service's hook.
 * @param hook - the hook the called service is registered for
 * @param body - the parsed JSON body
 * @returns the typed request, or SOLEUS_HOOK_INVALID_REQUEST issues with an OperationOutcome
 */
export function validateCdsRequest(hook: string, body: unknown): CdsRequestValidation {
  if (!isServedHook(hook)) {
    const issues = [
      invalid(
        '/hook',
        `this service cannot take hook calls of its kind; expected one of ${CDS_HOOKS.join(', ')}`,
      ),
    ];
    return { ok: false, issues, outcome: buildOperationOutcome(400, issues) };
  }
  const validate = getCdsSchemaValidator(`cds-request.${hook}`);
  const issues = validate(body)
    ? selectionIssues(body as CdsRequest)
    : schemaErrorsToIssues(validate.errors ?? [], 'SOLEUS_HOOK_INVALID_REQUEST', 'request');
  if (issues.length > 0) {
    return { ok: false, issues, outcome: buildOperationOutcome(400, issues) };
  }
  const request = body as CdsRequest;
  const warnings = toleratedOmissions(request);
  return warnings.length > 0 ? { ok: true, request, warnings } : { ok: true, request };
}

/**
 * Required fields Soleus does not need, accepted when absent (liberal where refusing would cost every
 * card): `fhirAuthorization.expires_in` (a SMART token response copied as is may lack it; the token is
 * used until the FHIR server refuses it) and `context.userId` (never read; Medplum's bot example omits it).
 */
function toleratedOmissions(request: CdsRequest): Issue[] {
  const warnings: Issue[] = [];
  if (request.fhirAuthorization && request.fhirAuthorization.expires_in === undefined) {
    warnings.push(
      tolerated(
        '/fhirAuthorization/expires_in',
        'the token is used until the FHIR server refuses it',
      ),
    );
  }
  if ((request.context as { userId?: unknown }).userId === undefined) {
    warnings.push(tolerated('/context/userId', 'Soleus does not use it'));
  }
  return warnings;
}

function tolerated(pointer: string, why: string): Issue {
  return {
    severity: 'warning',
    code: 'SOLEUS_HOOK_INVALID_REQUEST',
    message: `request#${pointer}: missing (CDS Hooks requires it); accepted because ${why}`,
    location: { pointer },
  };
}

function isServedHook(hook: string): hook is CdsHookName {
  return (CDS_HOOKS as readonly string[]).includes(hook);
}

function selectionIssues(request: CdsRequest): Issue[] {
  const context = request.context as { selections?: readonly string[]; draftOrders?: unknown };
  const drafts = context.draftOrders as { resourceType?: unknown } | null | undefined;
  // Draft orders that are not a Bundle are unknown (reported by the adapter): nothing to match against.
  if (!context.selections || drafts?.resourceType !== 'Bundle') {
    return [];
  }
  // Entries are any JSON here (a broken one is skipped later, not refused): read them tolerantly.
  const drafted = new Set(
    bundleResources(context.draftOrders).resources.map((r) => `${r.resourceType}/${String(r.id)}`),
  );
  return context.selections.flatMap((selection, index) =>
    drafted.has(selection)
      ? []
      : [
          invalid(
            `/context/selections/${index}`,
            'expected a Type/id reference to an entry of context.draftOrders; found a reference that names no draft order',
          ),
        ],
  );
}

function invalid(pointer: string, what: string): Issue {
  return {
    severity: 'error',
    code: 'SOLEUS_HOOK_INVALID_REQUEST',
    message: `request#${pointer}: ${what}`,
    location: { pointer },
  };
}
