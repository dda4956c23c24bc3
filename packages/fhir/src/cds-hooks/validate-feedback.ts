/**
 * Validates a CDS Hooks feedback body (`schema/cds-feedback.schema.json`: cds-fb-1 outcome,
 * cds-fb-2 acceptedSuggestions when accepted, cds-fb-3 override reason not empty).
 */
import type { OperationOutcome } from 'fhir/r4';
import type { Issue } from '@soleus/core';
import { getCdsSchemaValidator } from './cds-schemas';
import { buildOperationOutcome } from './operation-outcome';
import { schemaErrorsToIssues } from './schema-errors-to-issues';
import type { CdsFeedback } from './types';

/** Validated feedback, or the issues and the 400 body. */
export type CdsFeedbackValidation =
  | { readonly ok: true; readonly feedback: CdsFeedback }
  | { readonly ok: false; readonly outcome: OperationOutcome; readonly issues: readonly Issue[] };

/**
 * Checks a parsed feedback body against the CDS Hooks feedback definition.
 * @param body - the parsed JSON body of `POST …/cds-services/{id}/feedback`
 * @returns the typed feedback, or SOLEUS_HOOK_INVALID_FEEDBACK issues with an OperationOutcome
 */
export function validateFeedback(body: unknown): CdsFeedbackValidation {
  const validate = getCdsSchemaValidator('cds-feedback');
  if (validate(body)) {
    return { ok: true, feedback: body as CdsFeedback };
  }
  const issues = schemaErrorsToIssues(
    validate.errors ?? [],
    'SOLEUS_HOOK_INVALID_FEEDBACK',
    'feedback',
  );
  return { ok: false, issues, outcome: buildOperationOutcome(400, issues) };
}
