/**
 * Resolves the medication of a MedicationRequest or MedicationStatement to RxNorm ingredients with
 * their Soleus classes, strengths and route (clinical-spec §9.6).
 *
 * `medicationCodeableConcept` is mapped directly; `medicationReference` is followed to a contained
 * Medication (`#id`, looked up in the order's own `contained`) or, through the caller's resolver, to a
 * Medication elsewhere in the request (bundle entry). Anything that cannot be mapped comes back as
 * `{ ok: false, issue }` so the caller reports it: an order is never dropped silently.
 */
import type { Issue } from '@soleus/core';
import type { FhirResource, Medication, Reference } from 'fhir/r4';
import { type ConceptMatch, type ConceptProduct, conceptToProduct } from './concept-to-product';
import { createMedicationIssue } from './medication-issue';
import { medicationToProduct } from './medication-to-product';
import { orderRoute } from './order-route';
import type {
  MedicationOrder,
  MedicationResolution,
  ReferenceResolver,
  ResolvedProduct,
} from './resolved-product';
import { resourceRef } from '../facts/resource-ref';

/**
 * Resolves the `medication[x]` of a {@link https://hl7.org/fhir/R4/medicationrequest.html | MedicationRequest}
 * or MedicationStatement to ingredients, classes, strengths and route.
 * @param order - a MedicationRequest or MedicationStatement
 * @param resolve - resolves a non-contained `medicationReference` (bundle entry) to a resource
 * @returns the product with any warnings (e.g. a text-only match), or the issue explaining why not
 * @throws never: data problems come back as `{ ok: false, issue }` with code
 *   SOLEUS_FHIR_UNMAPPED_MEDICATION or SOLEUS_FHIR_UNINTERPRETABLE
 */
export function resolveMedication(
  order: MedicationOrder,
  resolve: ReferenceResolver,
): MedicationResolution {
  const label = resourceRef(order);
  if (order.medicationCodeableConcept) {
    return finish(
      order,
      conceptToProduct(order.medicationCodeableConcept),
      'medicationCodeableConcept',
      [],
      'the medication concept',
    );
  }
  if (order.medicationReference) {
    return resolveReference(order, order.medicationReference, resolve);
  }
  return {
    ok: false,
    issue: createMedicationIssue(
      'SOLEUS_FHIR_UNINTERPRETABLE',
      label,
      'medication[x]',
      'expected medicationCodeableConcept or medicationReference, found neither; the order was skipped',
    ),
  };
}

function resolveReference(
  order: MedicationOrder,
  reference: Reference,
  resolve: ReferenceResolver,
): MedicationResolution {
  const ref = reference.reference ?? '';
  const target = findTarget(order, ref, resolve);
  if (target?.resourceType !== 'Medication') {
    const found = target === undefined ? 'nothing' : `a ${target.resourceType}`;
    const issue = createMedicationIssue(
      'SOLEUS_FHIR_UNINTERPRETABLE',
      resourceRef(order),
      'medicationReference',
      `expected a reference to a Medication in the request (bundle entry or contained #id), found ${found}; the order was skipped`,
    );
    return { ok: false, issue };
  }
  const medication: Medication = target;
  const { match, unmappedPaths } = medicationToProduct(medication);
  const where = `${resourceRef(medication)}${ref.startsWith('#') ? ' (contained)' : ''}`;
  const warnings = unmappedPaths.map((path) =>
    createMedicationIssue(
      'SOLEUS_FHIR_UNMAPPED_MEDICATION',
      resourceRef(order),
      'medicationReference',
      `${where} ${path} is not an RxNorm ingredient in the shipped subset; it was left out of the product`,
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
  if (match.kind !== 'mapped') {
    return { ok: false, issue: unmappedIssue(label, path, match, what) };
  }
  const issues = [...warnings];
  if (match.product.matchedBy === 'text') {
    issues.push(
      createMedicationIssue(
        'SOLEUS_FHIR_UNMAPPED_MEDICATION',
        label,
        path,
        `${what} has no RxNorm code; ingredients were matched by name in the text (lower confidence, no strength). Code the order with an RxNorm SCD/SBD`,
        { ingredients: match.product.ingredients.map((i) => i.rxcui) },
      ),
    );
  }
  return { ok: true, product: withRoute(order, match.product), issues };
}

function withRoute(order: MedicationOrder, product: ConceptProduct): ResolvedProduct {
  const route = product.route ?? orderRoute(order);
  return {
    ...product,
    ...(route === undefined ? {} : { route }),
    topical: route === 'topical' || route === 'transdermal',
  };
}

function unmappedIssue(
  label: string,
  path: string,
  match: Exclude<ConceptMatch, { kind: 'mapped' }>,
  what: string,
): Issue {
  if (match.kind === 'unmapped') {
    return createMedicationIssue(
      'SOLEUS_FHIR_UNMAPPED_MEDICATION',
      label,
      path,
      `${what}: expected an RxNorm IN/SCD/SBD in the shipped subset, found ${match.rxnormCodes.length} RxNorm code(s) not in it; the order was skipped (add the product to data/rxnorm-subset.json)`,
      { rxnormCodes: match.rxnormCodes },
    );
  }
  const found = match.hadText
    ? 'no RxNorm code and no known ingredient name in the text'
    : 'no RxNorm code and no text';
  return createMedicationIssue(
    'SOLEUS_FHIR_UNMAPPED_MEDICATION',
    label,
    path,
    `${what}: expected an RxNorm coding (system RxNorm), found ${found}; the order was skipped`,
  );
}
