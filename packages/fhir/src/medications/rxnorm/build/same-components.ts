import { baseName } from '../ingredient-names';
import type { ParsedRxnormName } from '../parse-rxnorm-name';
import type { ReferenceComponent } from './reference-concept';

/**
 * Whether a product's own name and its component concepts say the same thing: the same substances
 * (by base name) with the same strengths. Checked only for names that carry strengths (clinical drugs
 * and components); a group or brand-group name (`Lasix Pill`) names no substance to compare.
 * @param related - the components the source relates to the product
 * @param own - the product's own name, parsed
 * @returns true when they agree or when there is nothing to compare
 */
export function sameComponents(
  related: readonly ReferenceComponent[],
  own: ParsedRxnormName,
): boolean {
  if (own.kind !== 'clinical-drug' && own.kind !== 'component') {
    return true;
  }
  const key = (c: { substance: string; strength?: { value: number; unit: string } }) =>
    `${baseName(c.substance)}|${c.strength?.value ?? ''}|${c.strength?.unit ?? ''}`;
  const a = related.map(key).sort();
  const b = own.components.map(key).sort();
  return a.length === b.length && a.every((k, i) => k === b[i]);
}
