/**
 * The ingredients of interest: every RxNorm code of every loaded value set (their union members
 * included, so `cramp-culprit-drugs` is named beside `statins`), minus the codes the index inputs
 * exclude as unverified, plus the watch list and extra known names of the inputs file
 * (`packages/fhir/data/rxnorm-index-inputs.json`). A value-set code whose display is a product name
 * (`Amiloride Hydrochloride 5 MG Oral Tablet`, a component, group or pack) is a product member, not an
 * ingredient: the value set lists that product itself.
 */
import { buildValueSetIndex, RXNORM, type ValueSetResource } from '@soleus/core';
import { parseRxnormName } from '../parse-rxnorm-name';
import type {
  IndexIngredient,
  IndexProductMember,
  IndexWatchIngredient,
} from '../rxnorm-index-file';

/** What the value sets and the inputs file give every index build. */
export interface IndexIngredientsResult {
  readonly ingredients: IndexIngredient[];
  readonly watch: IndexWatchIngredient[];
  readonly knownNames: string[];
  readonly productMembers: IndexProductMember[];
}

/** The documented inputs of the index build (`rxnorm-index-inputs.json`). */
export interface RxnormIndexInputs {
  /** Value-set codes left out of the index because no verified source confirms them. */
  readonly excludedValueSetCodes: readonly { code: string; display: string; why: string }[];
  /** Class members without a verified RxNorm code: never out of scope. */
  readonly watch: readonly { name: string; valueSets: readonly string[]; why: string }[];
  /** Verified ingredient names outside the rules, to recognise non-pill products by name. */
  readonly knownNames: readonly { name: string; source: string }[];
}

/**
 * Collects the ingredients of interest from value sets and the inputs file.
 * @param valueSets - every loaded value set
 * @param inputs - the documented inputs
 * @returns ingredients (code order), watch list, extra known names
 */
export function indexIngredients(
  valueSets: readonly ValueSetResource[],
  inputs: RxnormIndexInputs,
): IndexIngredientsResult {
  const excluded = new Set(inputs.excludedValueSetCodes.map((c) => c.code));
  const terminology = buildValueSetIndex(valueSets);
  const displays = new Map<string, string>();
  const members = new Map<string, Set<string>>();
  for (const vs of valueSets) {
    for (const include of vs.compose?.include ?? []) {
      for (const concept of include.system === RXNORM ? (include.concept ?? []) : []) {
        if (!displays.has(concept.code)) {
          displays.set(concept.code, concept.display ?? concept.code);
        }
      }
    }
  }
  for (const vs of valueSets) {
    const id = vs.id ?? vs.url;
    for (const coding of terminology.expand?.(vs.url) ?? []) {
      if (coding.system === RXNORM && coding.code !== undefined && !excluded.has(coding.code)) {
        const set = members.get(coding.code) ?? new Set<string>();
        set.add(id);
        members.set(coding.code, set);
      }
    }
  }
  const ingredients: IndexIngredient[] = [];
  const productMembers: IndexProductMember[] = [];
  for (const [code, ids] of members) {
    const display = displays.get(code) ?? code;
    const kind = parseRxnormName(display)?.kind;
    if (kind === undefined || kind === 'ingredient') {
      ingredients.push({ code, display, valueSets: [...ids].sort() });
    } else {
      productMembers.push({ code, valueSets: [...ids].sort() });
    }
  }
  const watch = inputs.watch.map((w) => ({ name: w.name, valueSets: [...w.valueSets].sort() }));
  const knownNames = inputs.knownNames.map((k) => k.name.toLowerCase());
  return { ingredients, watch, knownNames, productMembers };
}
