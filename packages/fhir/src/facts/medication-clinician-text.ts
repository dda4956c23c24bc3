import type { Medication, MedicationRequest, MedicationStatement } from 'fhir/r4';
import type { Issue } from '@soleus/core';
import { conceptName } from '../text/describe-resource';
import type { FactContext } from './fact-context';

type Order = MedicationRequest | MedicationStatement;

/**
 * The line a clinician reads for a medication issue: the order as the record names it (its text, in
 * quotes; a draft order says so) and what could not be done, never its resource id or RxNorm code.
 * @param issue - the issue the resolution or dose computation raised
 * @param order - the order it is about
 * @param ctx - the fact context (resolves a `medicationReference`; knows the hook's drafts)
 * @returns the issue with its clinician text
 */
export function withMedicationText(issue: Issue, order: Order, ctx: FactContext): Issue {
  const name = orderName(order, ctx);
  return { ...issue, clinicianText: `${name} ${predicate(issue)}` };
}

function predicate(issue: Issue): string {
  switch (issue.code) {
    case 'SOLEUS_FHIR_MEDICATION_CONFLICT':
      return 'has a code and a name that describe different products; the code was used';
    case 'SOLEUS_FHIR_UNINTERPRETABLE':
      return 'has a dose that could not be worked out, so daily totals may be higher';
    case 'SOLEUS_FHIR_UNMAPPED_MEDICATION':
      return issue.details?.['unverified'] !== undefined
        ? 'contains an ingredient that could not be checked'
        : 'could not be identified, so it was not checked';
    default:
      return 'could not be used';
  }
}

function orderName(order: Order, ctx: FactContext): string {
  const isDraft = ctx.allDrafts.some((d) => d === order);
  const text = conceptName(order.medicationCodeableConcept) ?? referencedName(order, ctx);
  const named = text === undefined ? 'a medication' : `“${text}”`;
  if (isDraft) {
    return `Draft order for ${named}`;
  }
  return order.resourceType === 'MedicationRequest'
    ? `Medication order for ${named}`
    : `Medication ${named}`;
}

function referencedName(order: Order, ctx: FactContext): string | undefined {
  const ref = order.medicationReference?.reference;
  const resource = ref === undefined ? undefined : ctx.index.resolve(ref);
  return resource?.resourceType === 'Medication'
    ? conceptName((resource as Medication).code)
    : undefined;
}
