/**
 * Builds a medication index from reference RxNorm content (clinical-spec §9.6): every concept of the
 * source is parsed (or read through its component relations) and kept as a product when at least one
 * ingredient is of interest to a loaded value set, or listed as out of scope when none is. Concepts
 * whose names do not parse and have no components are reported, never guessed. Deterministic: the
 * same inputs give byte-identical output (the drift test relies on it).
 */
import { baseName } from '../ingredient-names';
import { parseRxnormName, type ParsedRxnormName } from '../parse-rxnorm-name';
import type {
  IndexBrand,
  IndexIngredient,
  IndexProduct,
  IndexProductIngredient,
  IndexProductMember,
  IndexProvenance,
  IndexWatchIngredient,
  RxnormIndexFile,
} from '../rxnorm-index-file';
import { SubstanceClassifier } from '../substance-classifier';
import { sameComponents } from './same-components';
import type { ReferenceComponent, ReferenceConcept } from './reference-concept';

/** Everything the builder reads. */
export interface BuildRxnormIndexInput {
  readonly concepts: Iterable<ReferenceConcept>;
  readonly ingredients: readonly IndexIngredient[];
  readonly watch: readonly IndexWatchIngredient[];
  /** Further ingredient names outside the rules (e.g. every IN of an RRF release). */
  readonly knownNames?: Iterable<string>;
  /** Product codes value sets list directly: kept as products of interest, with those value sets. */
  readonly productMembers?: readonly IndexProductMember[];
  readonly provenance: IndexProvenance;
}

/** What the builder could not use, for the person running it. */
export interface BuildRxnormIndexReport {
  /** Concepts whose name is not a normalized name and that have no components. */
  readonly unparsed: readonly { rxcui: string; name: string }[];
  /** Products whose own name and whose component concepts disagree (components were used). */
  readonly inconsistent: readonly { rxcui: string; name: string }[];
  /** Products kept as "could not be checked": a class member without a verified ingredient code. */
  readonly unverified: readonly { rxcui: string; name: string; ingredient: string }[];
}

/**
 * Builds the index.
 * @param input - reference concepts, ingredients of interest, watch list, provenance
 * @returns the index file content and the build report
 */
export function buildRxnormIndex(input: BuildRxnormIndexInput): {
  index: RxnormIndexFile;
  report: BuildRxnormIndexReport;
} {
  const classifier = new SubstanceClassifier(input.ingredients, input.watch);
  const products: IndexProduct[] = [];
  const outOfScope: string[] = [];
  const known = new Set<string>([...(input.knownNames ?? [])].map(baseName));
  const memberOf = new Map((input.productMembers ?? []).map((m) => [m.code, m.valueSets]));
  const report = { unparsed: [], inconsistent: [], unverified: [] } as {
    unparsed: { rxcui: string; name: string }[];
    inconsistent: { rxcui: string; name: string }[];
    unverified: { rxcui: string; name: string; ingredient: string }[];
  };
  for (const concept of input.concepts) {
    const own = parseRxnormName(concept.name);
    const components = concept.components ?? own?.components;
    if (!components || components.length === 0) {
      report.unparsed.push({ rxcui: concept.rxcui, name: concept.name });
      continue;
    }
    if (concept.components && own && !sameComponents(concept.components, own)) {
      report.inconsistent.push({ rxcui: concept.rxcui, name: concept.name });
    }
    const ingredients = components.map((c: ReferenceComponent): IndexProductIngredient => {
      const found = classifier.classify(c.substance, c.ingredientRxcui);
      const entry = { substance: c.substance, ...(c.strength ? { strength: c.strength } : {}) };
      if (found.kind === 'listed') {
        return { ...entry, rxcui: found.ingredient.code };
      }
      if (found.kind === 'unverified') {
        return { ...entry, unverified: found.name };
      }
      known.add(baseName(c.substance));
      return entry;
    });
    const valueSets = memberOf.get(concept.rxcui);
    if (
      valueSets === undefined &&
      !ingredients.some((i) => i.rxcui !== undefined || i.unverified !== undefined)
    ) {
      outOfScope.push(concept.rxcui);
      continue;
    }
    // A product a value set lists by its own code is verified as a whole (amiloride's products).
    const unverified = valueSets === undefined ? ingredients : [];
    for (const i of unverified.filter((x) => x.unverified !== undefined)) {
      report.unverified.push({
        rxcui: concept.rxcui,
        name: concept.name,
        ingredient: i.unverified ?? '',
      });
    }
    const product = productOf(concept, own, ingredients);
    products.push(valueSets === undefined ? product : { ...product, valueSets: [...valueSets] });
  }
  const interest = new Set([
    ...input.ingredients.map((i) => baseName(i.display)),
    ...input.watch.map((w) => baseName(w.name)),
  ]);
  const index: RxnormIndexFile = {
    formatVersion: 1,
    provenance: input.provenance,
    ingredients: [...input.ingredients].sort((a, b) => byNumber(a.code, b.code)),
    watch: [...input.watch].sort((a, b) => a.name.localeCompare(b.name, 'en')),
    knownNames: [...known].filter((n) => !interest.has(n)).sort(),
    brands: brandsOf(products),
    products: products.sort((a, b) => byNumber(a.rxcui, b.rxcui)),
    outOfScope: [...new Set(outOfScope)].sort(byNumber),
  };
  return { index, report };
}

function productOf(
  concept: ReferenceConcept,
  own: ParsedRxnormName | undefined,
  ingredients: readonly IndexProductIngredient[],
): IndexProduct {
  return {
    rxcui: concept.rxcui,
    tty: concept.tty,
    name: concept.name,
    ingredients,
    ...(own?.doseForm ? { doseForm: own.doseForm.name, route: own.doseForm.route } : {}),
    ...(own?.quantity ? { quantity: own.quantity } : {}),
    ...((concept.brand ?? own?.brand) ? { brand: concept.brand ?? own?.brand } : {}),
  };
}

function brandsOf(products: readonly IndexProduct[]): IndexBrand[] {
  const byBrand = new Map<string, Set<string>>();
  for (const product of products) {
    const codes = product.ingredients.flatMap((i) => (i.rxcui === undefined ? [] : [i.rxcui]));
    if (product.brand === undefined || codes.length === 0) {
      continue;
    }
    const set = byBrand.get(product.brand) ?? new Set<string>();
    codes.forEach((c) => set.add(c));
    byBrand.set(product.brand, set);
  }
  return [...byBrand]
    .map(([name, codes]) => ({ name, ingredients: [...codes].sort(byNumber) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));
}

function byNumber(a: string, b: string): number {
  return Number(a) - Number(b) || a.localeCompare(b);
}
