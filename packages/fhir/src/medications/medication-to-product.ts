/**
 * Maps a `Medication` resource to ingredients: first its `code`, then its `ingredient[]` list
 * (`itemCodeableConcept` + `strength` Ratio), as EHRs that send compounded or unlisted products do.
 */
import type { Medication, MedicationIngredient, Ratio } from 'fhir/r4';
import { type ConceptMatch, type ConceptProduct, conceptToProduct } from './concept-to-product';
import { classifyDoseUnit } from './dose-unit';
import type { ResolvedIngredient } from './resolved-product';
import type { RxnormStrength } from './rxnorm-subset';

/** A Medication's match plus the element paths of ingredients that could not be mapped. */
export interface MedicationMatch {
  readonly match: ConceptMatch;
  readonly unmappedPaths: readonly string[];
}

/**
 * Maps a Medication to ingredients by its code, else by its coded ingredient list.
 * @param medication - the referenced (bundle or contained) Medication
 * @returns the match and the `ingredient[i]` paths that did not map (reported by the caller)
 */
export function medicationToProduct(medication: Medication): MedicationMatch {
  const byCode: ConceptMatch = medication.code
    ? conceptToProduct(medication.code)
    : { kind: 'unmatched-text', hadText: false };
  if (byCode.kind === 'mapped' && byCode.product.matchedBy === 'code') {
    return { match: byCode, unmappedPaths: [] };
  }
  const ingredients: ResolvedIngredient[] = [];
  const unmappedPaths: string[] = [];
  (medication.ingredient ?? []).forEach((item, index) => {
    const mapped = mapIngredient(item);
    if (mapped.length === 0) {
      unmappedPaths.push(`ingredient[${index}]`);
    }
    ingredients.push(...mapped);
  });
  if (ingredients.length === 0) {
    return { match: byCode, unmappedPaths };
  }
  const product: ConceptProduct = {
    ingredients,
    matchedBy: 'code',
    ...(medication.form?.text === undefined ? {} : { doseForm: medication.form.text }),
  };
  return { match: { kind: 'mapped', product }, unmappedPaths };
}

function mapIngredient(item: MedicationIngredient): ResolvedIngredient[] {
  if (!item.itemCodeableConcept) {
    return [];
  }
  const match = conceptToProduct(item.itemCodeableConcept);
  if (match.kind !== 'mapped' || match.product.matchedBy !== 'code') {
    return [];
  }
  const strength = item.strength ? ratioToStrength(item.strength) : undefined;
  const [only, ...rest] = match.product.ingredients;
  // An ingredient-level code takes the strength of its Ratio; a product code keeps its own strengths.
  if (only && rest.length === 0 && only.strength === undefined && strength) {
    return [{ ...only, strength }];
  }
  return [...match.product.ingredients];
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
