/**
 * Product-level value-set membership for an order the medication index does not identify: a value set
 * may list a product by its own RxCUI (an injection a site added, a product whose ingredient code is not
 * verified). The order's RxNorm codings (of `medicationCodeableConcept`, or of the Medication its
 * `medicationReference` points to, contained or in the request) are checked against the value set.
 */
import { RXNORM } from '@soleus/core';
import type { Coding, FhirResource, Medication } from 'fhir/r4';
import type { MedicationOrder } from '../medications/resolved-product';
import type { FactContext } from './fact-context';

/**
 * @param order - a MedicationRequest or MedicationStatement
 * @param valueSet - the canonical URL of the fact's value set
 * @param ctx - fact context (value-set membership, reference resolution)
 * @returns the first RxNorm coding of the order's medication that the value set lists, or undefined
 */
export function listedProductCoding(
  order: MedicationOrder,
  valueSet: string,
  ctx: FactContext,
): Coding | undefined {
  const codings = medicationOf(order, ctx)?.coding ?? [];
  return codings.find((c) => c.system === RXNORM && ctx.index.codingIn(valueSet, c));
}

function medicationOf(order: MedicationOrder, ctx: FactContext): Medication['code'] {
  if (order.medicationCodeableConcept) {
    return order.medicationCodeableConcept;
  }
  const ref = order.medicationReference?.reference ?? '';
  // @types/fhir types `contained` as the abstract Resource; every contained resource is a concrete one.
  const contained = (order.contained ?? []) as readonly FhirResource[];
  const target = ref.startsWith('#')
    ? contained.find((r) => r.id === ref.slice(1))
    : ref === ''
      ? undefined
      : ctx.index.resolve(ref);
  return target?.resourceType === 'Medication' ? target.code : undefined;
}
