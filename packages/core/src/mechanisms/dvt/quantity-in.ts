import type { RecordReading } from '../records/record-reading';
import { valueProblem } from '../../text/unit-problem';
import { convertQuantity } from '../../units/convert-quantity';

/** A reading's quantity in the wanted unit, or why it cannot be read (a clinician predicate). */
export type QuantityIn =
  { readonly ok: true; readonly value: number } | { readonly ok: false; readonly problem: string };

/**
 * Reads the quantity an entry records (its code, else its unit text, names the unit) in another unit.
 * Only a recorded quantity counts: a number written in text is not read here.
 * @param reading - the entry
 * @param to - the wanted unit (UCUM)
 * @returns the converted value, or the problem ("has no numeric value", "has no unit, …")
 */
export function quantityIn(reading: RecordReading, to: string): QuantityIn {
  const v = reading.value;
  const recorded = v.kind === 'quantity' && !v.fromText ? v : undefined;
  const unit = recorded?.code ?? recorded?.unit;
  const converted = recorded && unit ? convertQuantity(recorded.value, unit, to) : null;
  return converted?.ok
    ? { ok: true, value: converted.value }
    : { ok: false, problem: valueProblem(recorded?.value, unit) };
}
