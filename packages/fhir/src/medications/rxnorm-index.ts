/**
 * The in-memory index over the shipped RxNorm subset. The JSON is read once, synchronously, when this
 * module is first required, and indexed by RxCUI so every lookup is O(1). Lookups are by code only;
 * the one text path, {@link matchIngredientNames}, exists for orders that carry no code at all and is
 * lower confidence by design (callers must raise an issue when they use it).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type {
  MedicationRoute,
  RxnormIngredient,
  RxnormProduct,
  RxnormSubset,
} from './rxnorm-subset';

/** Absolute path of the shipped subset; `data/` sits beside both `src/` and `dist/`. */
export const RXNORM_SUBSET_PATH = join(__dirname, '..', '..', 'data', 'rxnorm-subset.json');

/** What an RxCUI resolves to: an ingredient or a product. */
export type RxnormEntry =
  | { readonly kind: 'ingredient'; readonly ingredient: RxnormIngredient }
  | { readonly kind: 'product'; readonly product: RxnormProduct };

const subset = JSON.parse(readFileSync(RXNORM_SUBSET_PATH, 'utf8')) as RxnormSubset;
const byRxcui = new Map<string, RxnormEntry>();
for (const ingredient of subset.ingredients) {
  byRxcui.set(ingredient.rxcui, { kind: 'ingredient', ingredient });
}
for (const product of subset.products) {
  byRxcui.set(product.rxcui, { kind: 'product', product });
}
const routeByCode = new Map(subset.routeCodesSnomed.map((r) => [r.code, r.route]));
const namePatterns = subset.ingredients.map((ingredient) => ({
  ingredient,
  pattern: new RegExp(`(^|[^a-z])${ingredient.name}([^a-z]|$)`),
}));

/**
 * Looks up an RxCUI (IN, SCD or SBD) in the shipped subset.
 * @param code - the RxCUI as it appears in `Coding.code`
 * @returns the ingredient or product, or undefined when the code is not in the subset
 */
export function lookupRxcui(code: string): RxnormEntry | undefined {
  return byRxcui.get(code.trim());
}

/**
 * Looks up an ingredient (tty IN) by RxCUI, e.g. to find the classes of a product's ingredient.
 * @param rxcui - the ingredient RxCUI
 * @returns the ingredient, or undefined when it is not in the subset
 */
export function lookupIngredient(rxcui: string): RxnormIngredient | undefined {
  const entry = byRxcui.get(rxcui);
  return entry?.kind === 'ingredient' ? entry.ingredient : undefined;
}

/**
 * Finds the subset ingredients whose names occur as whole words in free text (case-insensitive).
 * Lower confidence than a code: use only when the medication carries no code at all.
 * @param text - free text such as `CodeableConcept.text`
 * @returns the matched ingredients, in subset order (empty when none match)
 */
export function matchIngredientNames(text: string): RxnormIngredient[] {
  const lower = text.toLowerCase();
  const matched = namePatterns.filter(({ pattern }) => pattern.test(lower));
  // "dabigatran etexilate" also contains "dabigatran": keep only the longest overlapping name.
  return matched
    .filter(({ ingredient }) =>
      matched.every(
        (other) =>
          other.ingredient === ingredient || !other.ingredient.name.includes(ingredient.name),
      ),
    )
    .map(({ ingredient }) => ingredient);
}

/**
 * Maps a SNOMED CT route-of-administration code to a Soleus route.
 * @param code - SNOMED CT concept id from `Dosage.route`
 * @returns the route, or undefined when the code is not in the subset's route table
 */
export function lookupRouteCode(code: string): MedicationRoute | undefined {
  return routeByCode.get(code.trim());
}
