import type { ResolvedProduct } from '../medications/resolved-product';

/**
 * How a medication fact's evidence names a product: its ingredients of interest with their strengths,
 * and "identified by name" when the product was read from its RxNorm normalized name instead of its
 * code (issue 14). Built from the index's names, never from the record's free text.
 * @param product - the resolved product
 * @returns e.g. `acetaminophen 325 mg / hydrocodone 5 mg` or `oxycodone 10 mg, identified by name`
 */
export function describeProduct(product: ResolvedProduct): string {
  if ((product.valueSets ?? []).length > 0 && product.name !== undefined) {
    return product.name; // a value set lists the product itself: its normalized name says what it is
  }
  const parts = product.ingredients
    .filter((i) => i.rxcui !== undefined)
    .map((i) => (i.strength ? `${i.name} ${i.strength.value} ${i.strength.unit}` : i.name));
  const text = [...new Set(parts)].join(' / ');
  return product.identifiedBy === 'name' ? `${text}, identified by name` : text;
}
