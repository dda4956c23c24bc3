/**
 * Identifies a product from its RxNorm normalized name when its code is not in the index (issue:
 * "identified by name"). Strictly within the grammar: the name must parse. A product with a listed
 * ingredient is identified (a co-ingredient the index does not know, e.g. the fluticasone beside
 * salmeterol, stays in it as outside the rules, or as unverified when its name is near a listed one);
 * a product is out of scope only when every substance is one the index knows to be outside the rules.
 * Anything else is unidentified: it is never guessed.
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
  return index.remember(`name:${text}`, () => identify(text, index));
}

function identify(text: string, index: RxnormIndex): NameIdentification {
  const parsed = parseRxnormName(text);
  if (!parsed) {
    return { kind: 'unidentified' };
  }
  const found = brandGroup(parsed, index) ?? ingredientsOf(parsed, index);
  const { ingredients, unknown, nearMiss } = found;
  const listed = ingredients.some((i) => i.rxcui !== undefined);
  if (!listed && (unknown || nearMiss)) {
    return { kind: 'unidentified' };
  }
  if (!listed && !ingredients.some((i) => i.unverified !== undefined)) {
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

interface Found {
  readonly ingredients: ResolvedIngredient[];
  /** Whether a substance is neither listed, watched nor known (and suggests nothing). */
  readonly unknown: boolean;
  /** Whether an unknown substance is near a listed name (a misspelling?). */
  readonly nearMiss: boolean;
}

function ingredientsOf(parsed: ParsedRxnormName, index: RxnormIndex): Found {
  const ingredients: ResolvedIngredient[] = [];
  let unknown = false;
  let nearMiss = false;
  for (const component of parsed.components) {
    const found = index.classifySubstance(component.substance);
    const strength = component.strength ? { strength: component.strength } : {};
    const substance = { substance: component.substance, ...strength };
    if (found.kind === 'listed') {
      ingredients.push({ ...listedIngredient(found.ingredient), ...substance });
      continue;
    }
    // An unknown substance near a listed name (`Hydrocodon`) is unverified, never outside the rules.
    const near = found.kind === 'unknown' ? index.suggest(component.substance)[0] : undefined;
    const unverified = found.kind === 'unverified' ? found.name : near;
    unknown ||= found.kind === 'unknown' && near === undefined;
    nearMiss ||= near !== undefined;
    ingredients.push({
      name: baseName(component.substance),
      valueSets: [],
      ...substance,
      ...(unverified === undefined ? {} : { unverified }),
    });
  }
  return { ingredients, unknown, nearMiss };
}

/** A brand dose-form group (`Lasix Pill`): the brand's listed ingredients, without strengths. */
function brandGroup(parsed: ParsedRxnormName, index: RxnormIndex): Found | undefined {
  const [only, ...rest] = parsed.components;
  if (parsed.kind !== 'group' || !only || rest.length > 0) {
    return undefined;
  }
  const brand = index.brand(only.substance);
  if (!brand) {
    return undefined;
  }
  const ingredients = brand.ingredients.flatMap((code) => {
    const ingredient = index.ingredient(code);
    return ingredient ? [listedIngredient(ingredient)] : [];
  });
  return { ingredients, unknown: false, nearMiss: false };
}
