import { SNOMED } from '@soleus/core';
import { orderDosages } from './order-dosages';
import type { MedicationOrder } from './resolved-product';
import { lookupRouteCode } from './route-codes';
import type { MedicationRoute } from './rxnorm/medication-route';

/**
 * Reads the route of an order from its dosage lines' SNOMED CT `route` codings. Used only when the
 * product itself carries no route (an ingredient-level code or a text match), so that e.g. a
 * diclofenac order coded at IN level with a topical route is still recognised as topical.
 * @param order - a MedicationRequest or MedicationStatement
 * @returns the first route found in the route table, or undefined
 */
export function orderRoute(order: MedicationOrder): MedicationRoute | undefined {
  for (const dosage of orderDosages(order).dosages) {
    for (const coding of dosage.route?.coding ?? []) {
      const route =
        coding.system === SNOMED && coding.code !== undefined
          ? lookupRouteCode(coding.code)
          : undefined;
      if (route) {
        return route;
      }
    }
  }
  return undefined;
}
