/**
 * Resolves the medication of a MedicationRequest or MedicationStatement to RxNorm ingredients with the
 * value sets that list them, strengths and route (clinical-spec §9.6), through the medication index.
 *
 * `medicationCodeableConcept` is mapped directly; `medicationReference` is followed to a contained
 * Medication (`#id`) or, through the caller's resolver, to a Medication elsewhere in the request.
 * Three outcomes, and an order is never dropped silently:
 * - identified (by code, or by its RxNorm normalized name, which an information issue records);
 * - out of scope: identified, and no ingredient is of interest to any rule (amoxicillin);
 * - unidentified: a warning when its name suggests an ingredient a rule reads (it could change a card),
 *   an information issue otherwise (counted in logs, metrics and dry-run, not shown to the clinician;
 *   the caller raises it for an unidentified draft order, which a clinician must hear about once).
 */
import type { Issue } from '@soleus/core';
import type { FhirResource, Medication, Reference } from 'fhir/r4';
import type { ConceptProduct } from './concept-product';
import { type ConceptMatch, conceptToProduct } from './concept-to-product';
import { createMedicationIssue } from './medication-issue';
import { medicationToProduct } from './medication-to-product';
import { orderRoute } from './order-route';
import type { MedicationOrder, MedicationResolution, ReferenceResolver } from './resolved-product';
import { resolutionIssues, unidentifiedIssue, unverifiedIssue } from './resolution-issues';
import { isTopicalRoute } from './rxnorm/medication-route';
import { shippedRxnormIndex } from './rxnorm/load-rxnorm-index';
import type { RxnormIndex } from './rxnorm/rxnorm-index';
import { resourceRef } from '../facts/resource-ref';

/**
 * Resolves the `medication[x]` of a {@link https://hl7.org/fhir/R4/medicationrequest.html | MedicationRequest}
 * or MedicationStatement.
 * @param order - a MedicationRequest or MedicationStatement
 * @param resolve - resolves a non-contained `medicationReference` (bundle entry) to a resource
 * @param index - the medication index (default: the shipped one)
 * @returns identified (with information/warning issues), out of scope, or unidentified with its issue
 * @throws never: data problems come back as issues (SOLEUS_FHIR_UNMAPPED_MEDICATION,
 *   SOLEUS_FHIR_UNINTERPRETABLE, SOLEUS_FHIR_MEDICATION_BY_NAME, SOLEUS_FHIR_MEDICATION_CONFLICT)
 */
export function resolveMedication(
  order: MedicationOrder,
  resolve: ReferenceResolver,
  index: RxnormIndex = shippedRxnormIndex(),
): MedicationResolution {
  const label = resourceRef(order);
  if (order.medicationCodeableConcept) {
    const match = conceptToProduct(order.medicationCodeableConcept, index);
    return finish(order, match, 'medicationCodeableConcept', [], 'the medication concept');
  }
  if (order.medicationReference) {
    return resolveReference(order, order.medicationReference, resolve, index);
  }
  const issue = createMedicationIssue(
    'SOLEUS_FHIR_UNINTERPRETABLE',
    label,
    'medication[x]',
    'expected medicationCodeableConcept or medicationReference, found neither; the order was not checked',
  );
  return { status: 'unidentified', issue: { ...issue, severity: 'information' }, suggests: [] };
}

function resolveReference(
  order: MedicationOrder,
  reference: Reference,
  resolve: ReferenceResolver,
  index: RxnormIndex,
): MedicationResolution {
  const ref = reference.reference ?? '';
  const target = findTarget(order, ref, resolve);
  if (target?.resourceType !== 'Medication') {
    const found = target === undefined ? 'nothing' : `a ${target.resourceType}`;
    const issue = createMedicationIssue(
      'SOLEUS_FHIR_UNINTERPRETABLE',
      resourceRef(order),
      'medicationReference',
      `expected a reference to a Medication in the request (bundle entry or contained #id), found ${found}; the order was not checked`,
    );
    return { status: 'unidentified', issue: { ...issue, severity: 'information' }, suggests: [] };
  }
  const medication: Medication = target;
  const { match, unmappedPaths } = medicationToProduct(medication, index);
  const where = `${resourceRef(medication)}${ref.startsWith('#') ? ' (contained)' : ''}`;
  const warnings = unmappedPaths.map((path) =>
    createMedicationIssue(
      'SOLEUS_FHIR_UNMAPPED_MEDICATION',
      resourceRef(order),
      'medicationReference',
      `${where} ${path} could not be identified (not in the medication index, no RxNorm normalized name); the product's total for it is unknown`,
    ),
  );
  return finish(order, match, 'medicationReference', warnings, `${where} code`);
}

function findTarget(
  order: MedicationOrder,
  ref: string,
  resolve: ReferenceResolver,
): FhirResource | undefined {
  if (ref.startsWith('#')) {
    // @types/fhir types `contained` as the abstract Resource; every contained resource is a concrete one.
    const contained = (order.contained ?? []) as readonly FhirResource[];
    return contained.find((r) => r.id === ref.slice(1));
  }
  return ref === '' ? undefined : resolve(ref);
}

function finish(
  order: MedicationOrder,
  match: ConceptMatch,
  path: string,
  warnings: readonly Issue[],
  what: string,
): MedicationResolution {
  const label = resourceRef(order);
  if (match.kind === 'unidentified') {
    return {
      status: 'unidentified',
      issue: unidentifiedIssue(label, path, match, what),
      suggests: match.suggests,
    };
  }
  const issues = [...warnings, ...resolutionIssues(label, path, match, what)];
  if (match.kind === 'out-of-scope') {
    return { status: 'out-of-scope', issues };
  }
  const product = match.product;
  const listedAsProduct = (product.valueSets ?? []).length > 0;
  if (!listedAsProduct && !product.ingredients.some((i) => i.rxcui !== undefined)) {
    // Only unverified class members (fenoprofen): never out of scope, a clinician must hear of it.
    const unverified = product.ingredients.flatMap((i) => (i.unverified ? [i.unverified] : []));
    const issue = unverifiedIssue(label, path, unverified, what);
    return { status: 'unidentified', issue, suggests: unverified };
  }
  return { status: 'identified', product: withRoute(order, product), issues };
}

function withRoute(order: MedicationOrder, product: ConceptProduct) {
  const route = product.route ?? orderRoute(order);
  return {
    ...product,
    ...(route === undefined ? {} : { route }),
    topical: isTopicalRoute(route),
  };
}
