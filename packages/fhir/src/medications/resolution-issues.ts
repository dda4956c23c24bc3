/**
 * The issues a medication resolution raises. Messages name the resource and element and, for what the
 * product is, only ingredient names from the index (never the record's free text). Severity says who
 * must hear: `warning` when it could change a card (a name that suggests an ingredient a rule reads, a
 * code whose display names another product, an unverified class member), `information` when it can
 * only be counted (an unknown product outside every rule, a product identified by its name).
 */
import type { Issue } from '@soleus/core';
import type { ConceptMatch } from './concept-to-product';
import { createMedicationIssue } from './medication-issue';

type Unidentified = Pick<
  Extract<ConceptMatch, { kind: 'unidentified' }>,
  'rxnormCodes' | 'hadText' | 'suggests'
>;

const NOT_IDENTIFIED =
  'could not be identified (its RxNorm code is not in the medication index and its name is not an RxNorm normalized name of known ingredients)';

/**
 * The issue of an unidentified product.
 * @param label - the order as `Type/id`
 * @param path - the element, e.g. `medicationCodeableConcept`
 * @param match - the codes, whether there was text, and what the text suggests
 * @param what - how the message names the element
 * @returns a warning when the name suggests ingredients of interest, else an information issue
 */
export function unidentifiedIssue(
  label: string,
  path: string,
  match: Unidentified,
  what: string,
): Issue {
  const details = { rxnormCodes: match.rxnormCodes, suggests: match.suggests };
  if (match.suggests.length > 0) {
    return createMedicationIssue(
      'SOLEUS_FHIR_UNMAPPED_MEDICATION',
      label,
      path,
      `${what} ${NOT_IDENTIFIED}, but its name suggests ${match.suggests.join(', ')}, which a rule reads; the order was not checked`,
      details,
    );
  }
  const found = match.hadText ? 'no ingredient a rule reads in its name' : 'no name';
  const issue = createMedicationIssue(
    'SOLEUS_FHIR_UNMAPPED_MEDICATION',
    label,
    path,
    `${what} ${NOT_IDENTIFIED}, and has ${found}; counted, not shown`,
    details,
  );
  return { ...issue, severity: 'information' };
}

/**
 * The issues of an identified or out-of-scope product: identified by name, display conflict,
 * unverified ingredients.
 * @param label - the order as `Type/id`
 * @param path - the element
 * @param match - the identified or out-of-scope match
 * @param what - how the message names the element
 * @returns the issues (empty for a clean code match)
 */
export function resolutionIssues(
  label: string,
  path: string,
  match: Exclude<ConceptMatch, { kind: 'unidentified' }>,
  what: string,
): Issue[] {
  const issues: Issue[] = [];
  const product = match.kind === 'identified' ? match.product : undefined;
  const listed = (product?.ingredients ?? []).flatMap((i) => (i.rxcui ? [i.rxcui] : []));
  if (product?.identifiedBy === 'name') {
    const issue = createMedicationIssue(
      'SOLEUS_FHIR_MEDICATION_BY_NAME',
      label,
      path,
      `${what} was identified by its RxNorm normalized name (its code is not in the medication index)`,
      { ingredients: listed },
    );
    issues.push({ ...issue, severity: 'information' });
  }
  if (match.conflict) {
    issues.push(
      createMedicationIssue(
        'SOLEUS_FHIR_MEDICATION_CONFLICT',
        label,
        path,
        `${what}: the RxNorm code and its display name different products; the code was used`,
        { codeIngredients: listed, displayIngredients: match.conflict.displayIngredients },
      ),
    );
  }
  const unverified = (product?.ingredients ?? []).flatMap((i) =>
    i.unverified ? [i.unverified] : [],
  );
  // A product a value set lists by its own code is verified as a whole (amiloride's products).
  if (unverified.length > 0 && (product?.valueSets ?? []).length === 0) {
    issues.push(unverifiedIssue(label, path, unverified, what));
  }
  return issues;
}

/**
 * The warning for ingredients of a class a rule reads that have no verified code (the watch list).
 * @param label - the order as `Type/id`
 * @param path - the element
 * @param unverified - the ingredient names
 * @param what - how the message names the element
 * @returns the warning
 */
export function unverifiedIssue(
  label: string,
  path: string,
  unverified: readonly string[],
  what: string,
): Issue {
  return createMedicationIssue(
    'SOLEUS_FHIR_UNMAPPED_MEDICATION',
    label,
    path,
    `${what} contains an ingredient read as ${unverified.join(', ')} (a class a rule reads) without a verified RxNorm ingredient code in the medication index; that ingredient was not checked`,
    { unverified },
  );
}
