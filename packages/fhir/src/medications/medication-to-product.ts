/**
 * Maps a `Medication` resource to ingredients: first its `code`, then its `ingredient[]` list
 * (`itemCodeableConcept` + `strength` Ratio), as EHRs that send compounded or unlisted products do.
 * Every item stays in the product, even one outside the rules or one that cannot be identified, so
 * that a combination is never mistaken for a single-ingredient product.
 */
import type { Medication, MedicationIngredient, Ratio } from 'fhir/r4';
import type { ConceptProduct } from './concept-product';
import { type ConceptMatch, conceptToProduct } from './concept-to-product';
import { classifyDoseUnit } from './dose-unit';
import type { ResolvedIngredient } from './resolved-product';
import type { RxnormIndex } from './rxnorm/rxnorm-index';
import type { RxnormStrength } from './rxnorm/rxnorm-strength';

/** A Medication's match plus the element paths of ingredients that could not be identified. */
export interface MedicationMatch {
  readonly match: ConceptMatch;
  readonly unmappedPaths: readonly string[];
}

/**
 * Maps a Medication to ingredients by its code, else by its ingredient list.
 * @param medication - the referenced (bundle or contained) Medication
 * @param index - the medication index
 * @returns the match and the `ingredient[i]` paths that could not be identified
 */
export function medicationToProduct(medication: Medication, index: RxnormIndex): MedicationMatch {
  const byCode: ConceptMatch = medication.code
    ? conceptToProduct(medication.code, index)
    : { kind: 'unidentified', rxnormCodes: [], hadText: false, suggests: [] };
  const items = medication.ingredient ?? [];
  if (byCode.kind !== 'unidentified' || items.length === 0) {
    return { match: byCode, unmappedPaths: [] };
  }
  const ingredients: ResolvedIngredient[] = [];
  const unmappedPaths: string[] = [];
  const suggests = new Set(byCode.suggests);
  items.forEach((item, i) => {
    const mapped = mapItem(item, index);
    if (mapped.kind === 'unidentified') {
      unmappedPaths.push(`ingredient[${i}]`);
      mapped.suggests.forEach((s) => suggests.add(s));
    }
    ingredients.push(...mapped.ingredients);
  });
  if (!ingredients.some((i) => i.rxcui !== undefined || i.unverified !== undefined)) {
    return unmappedPaths.length === items.length
      ? { match: { ...byCode, suggests: [...suggests].sort() }, unmappedPaths: [] }
      : { match: { kind: 'out-of-scope' }, unmappedPaths };
  }
  const product: ConceptProduct = {
    ingredients,
    identifiedBy: 'code',
    ...(medication.form?.text === undefined ? {} : { doseForm: medication.form.text }),
  };
  return { match: { kind: 'identified', product }, unmappedPaths };
}

function mapItem(
  item: MedicationIngredient,
  index: RxnormIndex,
): { kind: ConceptMatch['kind']; ingredients: ResolvedIngredient[]; suggests: readonly string[] } {
  const match = item.itemCodeableConcept
    ? conceptToProduct(item.itemCodeableConcept, index)
    : undefined;
  if (!match || match.kind === 'unidentified') {
    const placeholder = { name: 'unidentified ingredient', valueSets: [] };
    return { kind: 'unidentified', ingredients: [placeholder], suggests: match?.suggests ?? [] };
  }
  if (match.kind === 'out-of-scope') {
    const outside = { name: 'ingredient outside the rules', valueSets: [] };
    return { kind: 'out-of-scope', ingredients: [outside], suggests: [] };
  }
  const strength = item.strength ? ratioToStrength(item.strength) : undefined;
  const [only, ...rest] = match.product.ingredients;
  // An ingredient-level code takes the strength of its Ratio; a product code keeps its own strengths.
  if (only && rest.length === 0 && only.strength === undefined && strength) {
    return { kind: 'identified', ingredients: [{ ...only, strength }], suggests: [] };
  }
  return { kind: 'identified', ingredients: [...match.product.ingredients], suggests: [] };
}

/**
 * Reads a `Medication.ingredient.strength` Ratio as mg per dose-form unit or mg/mL.
 * @param ratio - e.g. `325 mg / 1 {tbl}` or `160 mg / 5 mL`
 * @returns the strength, or undefined when the units do not convert
 */
export function ratioToStrength(ratio: Ratio): RxnormStrength | undefined {
  const { numerator, denominator } = ratio;
  if (numerator?.value === undefined) {
    return undefined;
  }
  const top = classifyDoseUnit(numerator);
  if (top?.kind !== 'mass') {
    return undefined;
  }
  const mg = numerator.value * top.toMg;
  if (!denominator) {
    return { value: mg, unit: 'mg' };
  }
  const bottom = classifyDoseUnit(denominator);
  const per = denominator.value ?? 1;
  if (per <= 0 || !bottom || bottom.kind === 'mass') {
    return undefined;
  }
  return bottom.kind === 'count'
    ? { value: mg / per, unit: 'mg' }
    : { value: mg / (per * bottom.toMl), unit: 'mg/mL' };
}
