/**
 * Maps one medication CodeableConcept to ingredients through the shipped RxNorm subset.
 *
 * Every coding whose system is RxNorm is looked up by RxCUI; a product (SCD/SBD) wins over an
 * ingredient (IN) because only a product carries strengths. When the concept holds RxNorm codes but
 * none is in the subset the result is `unmapped` (the caller reports it; the order is never dropped
 * silently). Only when the concept carries no RxNorm code at all is the text matched against
 * ingredient names, flagged as the lower-confidence `text` match.
 */
import { RXNORM } from '@soleus/core';
import type { CodeableConcept } from 'fhir/r4';
import { lookupIngredient, lookupRxcui, matchIngredientNames } from './rxnorm-index';
import type { RxnormIngredient, RxnormProduct } from './rxnorm-subset';
import type { ResolvedIngredient } from './resolved-product';

/** A concept mapped to ingredients, before the route of the order is known. */
export interface ConceptProduct {
  readonly rxcui?: string;
  readonly ingredients: readonly ResolvedIngredient[];
  readonly doseForm?: string;
  readonly route?: RxnormProduct['route'];
  readonly matchedBy: 'code' | 'text';
  readonly provenance?: string;
}

/** Outcome of mapping a concept: mapped, RxNorm-coded but unknown, or neither code nor name found. */
export type ConceptMatch =
  | { readonly kind: 'mapped'; readonly product: ConceptProduct }
  | { readonly kind: 'unmapped'; readonly rxnormCodes: readonly string[] }
  | { readonly kind: 'unmatched-text'; readonly hadText: boolean };

/**
 * Maps a medication concept to ingredients by RxCUI, falling back to ingredient names only when no
 * RxNorm code is present.
 * @param concept - `medicationCodeableConcept`, `Medication.code` or an ingredient `itemCodeableConcept`
 * @returns the match; `matchedBy: 'text'` marks the lower-confidence fallback
 */
export function conceptToProduct(concept: CodeableConcept): ConceptMatch {
  const rxnormCodes = (concept.coding ?? [])
    .filter((c) => c.system === RXNORM && typeof c.code === 'string' && c.code.trim() !== '')
    .map((c) => (c.code ?? '').trim());
  if (rxnormCodes.length > 0) {
    return matchCodes(rxnormCodes);
  }
  const text = concept.text ?? concept.coding?.find((c) => c.display)?.display;
  const matched = text === undefined ? [] : matchIngredientNames(text);
  if (matched.length === 0) {
    return { kind: 'unmatched-text', hadText: text !== undefined };
  }
  return {
    kind: 'mapped',
    product: { ingredients: matched.map((i) => fromIngredient(i)), matchedBy: 'text' },
  };
}

function matchCodes(rxnormCodes: readonly string[]): ConceptMatch {
  const entries = rxnormCodes.map((code) => lookupRxcui(code));
  for (const entry of entries) {
    if (entry?.kind === 'product') {
      return { kind: 'mapped', product: fromProduct(entry.product) };
    }
  }
  for (const entry of entries) {
    if (entry?.kind === 'ingredient') {
      const ingredient = entry.ingredient;
      const product = { rxcui: ingredient.rxcui, ingredients: [fromIngredient(ingredient)] };
      return {
        kind: 'mapped',
        product: { ...product, matchedBy: 'code', provenance: ingredient.provenance },
      };
    }
  }
  return { kind: 'unmapped', rxnormCodes };
}

function fromProduct(product: RxnormProduct): ConceptProduct {
  return {
    rxcui: product.rxcui,
    ingredients: product.ingredients.map((i) => ({
      rxcui: i.rxcui,
      name: i.name,
      classes: lookupIngredient(i.rxcui)?.classes ?? [],
      strength: i.strength,
      ...(i.basisOfStrength === undefined ? {} : { basisOfStrength: i.basisOfStrength }),
    })),
    doseForm: product.doseForm,
    route: product.route,
    matchedBy: 'code',
    provenance: product.provenance,
  };
}

function fromIngredient(ingredient: RxnormIngredient): ResolvedIngredient {
  return { rxcui: ingredient.rxcui, name: ingredient.name, classes: ingredient.classes };
}
