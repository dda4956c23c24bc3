import type { Dosage } from 'fhir/r4';
import type { MedicationOrder } from './resolved-product';

/**
 * Returns the dosage lines of an order with the element name they sit under: MedicationRequest keeps
 * them in `dosageInstruction`, MedicationStatement in `dosage`.
 * @param order - a MedicationRequest or MedicationStatement
 * @returns the element name and its dosage lines (empty when there are none)
 */
export function orderDosages(order: MedicationOrder): {
  readonly element: 'dosageInstruction' | 'dosage';
  readonly dosages: readonly Dosage[];
} {
  if (order.resourceType === 'MedicationRequest') {
    return { element: 'dosageInstruction', dosages: order.dosageInstruction ?? [] };
  }
  return { element: 'dosage', dosages: order.dosage ?? [] };
}
