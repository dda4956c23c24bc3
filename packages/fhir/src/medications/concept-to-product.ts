/**
 * Maps one medication CodeableConcept to ingredients through the medication index (clinical-spec §9.6).
 *
 * Every RxNorm coding is looked up by RxCUI; a product wins over an ingredient (only a product carries
 * strengths), and an identified product over one the index knows to be out of scope. When a coded
 * product's own display names a different product, the code is kept and the conflict reported. When no
 * code is in the index, each RxNorm display, then the concept's text, then any other display is read as
 * an RxNorm normalized name ("identified by name"). Anything else is unidentified, with the ingredients
 * of interest its texts suggest.
 */
import { RXNORM } from '@soleus/core';
import type { CodeableConcept, Coding } from 'fhir/r4';
import type { ConceptProduct } from './concept-product';
import { identifyByName } from './rxnorm/identify-by-name';
import { indexProductToConcept, listedIngredient } from './rxnorm/index-product-to-concept';
import type { IndexedCode, RxnormIndex } from './rxnorm/rxnorm-index';

/** A code whose display names another product: the code was used. */
export interface DisplayConflict {
  /** RxCUIs of the listed ingredients the display names (empty when it names none). */
  readonly displayIngredients: readonly string[];
}

/** Outcome of mapping a concept. */
export type ConceptMatch =
  | {
      readonly kind: 'identified';
      readonly product: ConceptProduct;
      readonly conflict?: DisplayConflict;
    }
  | { readonly kind: 'out-of-scope'; readonly conflict?: DisplayConflict }
  | {
      readonly kind: 'unidentified';
      readonly rxnormCodes: readonly string[];
      readonly hadText: boolean;
      readonly suggests: readonly string[];
    };

/** Matches already made, per index: records repeat a few medication concepts across requests. */
const kept = new WeakMap<RxnormIndex, Map<string, ConceptMatch>>();
const MAX_KEPT = 5000;

/**
 * Maps a medication concept to ingredients.
 * @param concept - `medicationCodeableConcept`, `Medication.code` or an ingredient `itemCodeableConcept`
 * @param index - the medication index
 * @returns identified (by code or by name), out of scope, or unidentified (frozen: it is kept and shared)
 */
export function conceptToProduct(concept: CodeableConcept, index: RxnormIndex): ConceptMatch {
  // The match reads only each coding's system, code and display, and the text: that is the key.
  const key = JSON.stringify([
    concept.text ?? null,
    (concept.coding ?? []).map((c) => [c.system ?? null, c.code ?? null, c.display ?? null]),
  ]);
  let byKey = kept.get(index);
  if (!byKey) {
    byKey = new Map();
    kept.set(index, byKey);
  }
  const known = byKey.get(key);
  if (known !== undefined) {
    return known;
  }
  // Keys come from records, so the memo is bounded: cleared when full.
  if (byKey.size >= MAX_KEPT) {
    byKey.clear();
  }
  const match = frozen(matchConcept(concept, index));
  byKey.set(key, match);
  return match;
}

/**
 * Freezes what the match built (the match, its product, ingredient list and ingredients, conflict and
 * code lists), so a kept match cannot be changed by one request under the next. Values it points to in
 * the index (strengths, value-set lists) were always shared, and are the index's to keep.
 */
function frozen(match: ConceptMatch): ConceptMatch {
  if (match.kind === 'identified') {
    match.product.ingredients.forEach((i) => Object.freeze(i));
    Object.freeze(match.product.ingredients);
    Object.freeze(match.product);
  }
  if (match.kind !== 'unidentified' && match.conflict) {
    Object.freeze(match.conflict.displayIngredients);
    Object.freeze(match.conflict);
  }
  if (match.kind === 'unidentified') {
    Object.freeze(match.rxnormCodes);
    Object.freeze(match.suggests);
  }
  return Object.freeze(match);
}

function matchConcept(concept: CodeableConcept, index: RxnormIndex): ConceptMatch {
  const codings = (concept.coding ?? []).filter(
    (c) => c.system === RXNORM && typeof c.code === 'string' && c.code.trim() !== '',
  );
  const byCode = bestByCode(codings, index);
  if (byCode) {
    return withConflict(byCode, index);
  }
  const texts = [
    ...codings.flatMap((c) => (c.display ? [c.display] : [])),
    ...(concept.text ? [concept.text] : []),
    ...(concept.coding ?? []).flatMap((c) => (c.system !== RXNORM && c.display ? [c.display] : [])),
  ];
  for (const text of texts) {
    const named = identifyByName(text, index);
    if (named.kind === 'product') {
      return { kind: 'identified', product: named.product };
    }
    if (named.kind === 'out-of-scope') {
      return { kind: 'out-of-scope' };
    }
  }
  return {
    kind: 'unidentified',
    rxnormCodes: codings.map((c) => (c.code ?? '').trim()),
    hadText: texts.length > 0,
    suggests: [...new Set(texts.flatMap((t) => index.suggest(t)))].sort(),
  };
}

interface CodeMatch {
  readonly coding: Coding;
  readonly entry: IndexedCode;
}

const RANK: Readonly<Record<IndexedCode['kind'], number>> = {
  product: 0,
  ingredient: 1,
  'out-of-scope': 2,
};

function bestByCode(codings: readonly Coding[], index: RxnormIndex): CodeMatch | undefined {
  let best: CodeMatch | undefined;
  for (const coding of codings) {
    const entry = index.lookup(coding.code ?? '');
    if (entry && (!best || RANK[entry.kind] < RANK[best.entry.kind])) {
      best = { coding, entry };
    }
  }
  return best;
}

function withConflict(match: CodeMatch, index: RxnormIndex): ConceptMatch {
  const { entry, coding } = match;
  const product: ConceptProduct | undefined =
    entry.kind === 'product'
      ? indexProductToConcept(entry.product, index)
      : entry.kind === 'ingredient'
        ? {
            rxcui: entry.ingredient.code,
            name: entry.ingredient.display,
            ingredients: [listedIngredient(entry.ingredient)],
            identifiedBy: 'code',
          }
        : undefined;
  const conflict = displayConflict(coding, product, index);
  const extra = conflict ? { conflict } : {};
  return product ? { kind: 'identified', product, ...extra } : { kind: 'out-of-scope', ...extra };
}

/**
 * The display is read as a name; it conflicts when it names other ingredients of interest, or the same
 * ones at other strengths (pregabalin 225 mg coded, 25 mg displayed: a dose check would be wrong).
 */
function displayConflict(
  coding: Coding,
  product: ConceptProduct | undefined,
  index: RxnormIndex,
): DisplayConflict | undefined {
  const named = coding.display ? identifyByName(coding.display, index) : undefined;
  if (!named || named.kind === 'unidentified') {
    return undefined;
  }
  const fromDisplay = named.kind === 'product' ? named.product.ingredients : [];
  const withStrength =
    fromDisplay.some((i) => i.strength) && product?.ingredients.some((i) => i.strength);
  const key = (ingredients: ConceptProduct['ingredients']) =>
    [
      ...new Set(
        ingredients.flatMap((i) =>
          i.rxcui === undefined
            ? []
            : [
                withStrength
                  ? `${i.rxcui}:${i.strength?.value ?? ''}${i.strength?.unit ?? ''}`
                  : i.rxcui,
              ],
        ),
      ),
    ]
      .sort()
      .join();
  if (key(fromDisplay) === key(product?.ingredients ?? [])) {
    return undefined;
  }
  const displayIngredients = [
    ...new Set(fromDisplay.flatMap((i) => (i.rxcui === undefined ? [] : [i.rxcui]))),
  ].sort();
  return { displayIngredients };
}
