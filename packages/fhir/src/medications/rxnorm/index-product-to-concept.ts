import type { ConceptProduct } from '../concept-product';
import type { ResolvedIngredient } from '../resolved-product';
import { baseName } from './ingredient-names';
import type { RxnormIndex } from './rxnorm-index';
import type { IndexIngredient, IndexProduct } from './rxnorm-index-file';

/**
 * A product of the index as the rules read it: listed ingredients named by their value-set display,
 * the others by their base name.
 * @param product - the index entry
 * @param index - the index it came from
 * @returns the product, identified by code
 */
export function indexProductToConcept(product: IndexProduct, index: RxnormIndex): ConceptProduct {
  return {
    rxcui: product.rxcui,
    name: product.name,
    ingredients: product.ingredients.map((i) => {
      const listed = i.rxcui === undefined ? undefined : index.ingredient(i.rxcui);
      return {
        ...(listed ? listedIngredient(listed) : { name: baseName(i.substance), valueSets: [] }),
        substance: i.substance,
        ...(i.strength ? { strength: i.strength } : {}),
        ...(i.unverified === undefined ? {} : { unverified: i.unverified }),
      };
    }),
    ...(product.doseForm === undefined ? {} : { doseForm: product.doseForm }),
    ...(product.route === undefined ? {} : { route: product.route }),
    ...(product.quantity ? { quantity: product.quantity } : {}),
    ...(product.valueSets ? { valueSets: product.valueSets } : {}),
    identifiedBy: 'code',
  };
}

/**
 * @param ingredient - a listed ingredient
 * @returns it as a resolved ingredient without strength
 */
export function listedIngredient(ingredient: IndexIngredient): ResolvedIngredient {
  return { rxcui: ingredient.code, name: ingredient.display, valueSets: ingredient.valueSets };
}
