/**
 * Identifies a product from its RxNorm normalized name when its code is not in the index (issue:
 * "identified by name"). Strictly within the grammar: the name must parse, and every substance must
 * be a listed ingredient, a watched one, or an ingredient the index knows to be outside the rules. One
 * unknown substance makes the whole product unidentified: it is never guessed.
 */
import type { ConceptProduct } from '../concept-product';
import type { ResolvedIngredient } from '../resolved-product';
import { listedIngredient } from './index-product-to-concept';
import { baseName } from './ingredient-names';
import { parseRxnormName, type ParsedRxnormName } from './parse-rxnorm-name';
import type { RxnormIndex } from './rxnorm-index';

/** What a name says. */
export type NameIdentification =
  | { readonly kind: 'product'; readonly product: ConceptProduct }
  | { readonly kind: 'out-of-scope' }
  | { readonly kind: 'unidentified' };

/**
 * @param text - a display or text that may be an RxNorm normalized name
 * @param index - the medication index
 * @returns the product (when an ingredient of interest is in it), out of scope, or unidentified
 */
export function identifyByName(text: string, index: RxnormIndex): NameIdentification {
  const parsed = parseRxnormName(text);
  if (!parsed) {
    return { kind: 'unidentified' };
  }
  const ingredients = brandGroup(parsed, index) ?? ingredientsOf(parsed, index);
  if (!ingredients) {
    return { kind: 'unidentified' };
  }
  if (!ingredients.some((i) => i.rxcui !== undefined || i.unverified !== undefined)) {
    return { kind: 'out-of-scope' };
  }
  const form = parsed.doseForm;
  return {
    kind: 'product',
    product: {
      name: text.trim(),
      ingredients,
      ...(form && parsed.kind !== 'group' ? { doseForm: form.name } : {}),
      ...(form ? { route: form.route } : {}),
      ...(parsed.quantity ? { quantity: parsed.quantity } : {}),
      identifiedBy: 'name',
    },
  };
}

function ingredientsOf(parsed: ParsedRxnormName, index: RxnormIndex): ResolvedIngredient[] | undefined {
  const out: ResolvedIngredient[] = [];
  for (const component of parsed.components) {
    const found = index.classifySubstance(component.substance);
    if (found.kind === 'unknown') {
      return undefined;
    }
    const strength = component.strength ? { strength: component.strength } : {};
    const substance = { substance: component.substance, ...strength };
    if (found.kind === 'listed') {
      out.push({ ...listedIngredient(found.ingredient), ...substance });
    } else {
      out.push({
        name: baseName(component.substance),
        valueSets: [],
        ...substance,
        ...(found.kind === 'unverified' ? { unverified: found.name } : {}),
      });
    }
  }
  return out;
}

/** A brand dose-form group (`Lasix Pill`): the brand's listed ingredients, without strengths. */
function brandGroup(parsed: ParsedRxnormName, index: RxnormIndex): ResolvedIngredient[] | undefined {
  const [only, ...rest] = parsed.components;
  if (parsed.kind !== 'group' || !only || rest.length > 0) {
    return undefined;
  }
  const brand = index.brand(only.substance);
  if (!brand) {
    return undefined;
  }
  return brand.ingredients.flatMap((code) => {
    const ingredient = index.ingredient(code);
    return ingredient ? [listedIngredient(ingredient)] : [];
  });
}
