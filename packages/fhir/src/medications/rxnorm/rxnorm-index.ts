/**
 * The medication index in memory: O(1) lookups by RxCUI, ingredient matching by base name, brands, and
 * the suggestion check for products that cannot be identified. Built once from an index file (the
 * shipped one, or a site's own from `soleus rxnorm import`) and shared by every request.
 */
import type {
  IndexBrand,
  IndexIngredient,
  IndexProduct,
  RxnormIndexFile,
} from './rxnorm-index-file';
import { SubstanceClassifier, type SubstanceClass } from './substance-classifier';
import { IngredientSuggestions } from './suggested-ingredients';

/** What an RxCUI is in the index. */
export type IndexedCode =
  | { readonly kind: 'product'; readonly product: IndexProduct }
  | { readonly kind: 'ingredient'; readonly ingredient: IndexIngredient }
  | { readonly kind: 'out-of-scope' };

const MEMO_LIMIT = 20_000;

/** A loaded medication index. */
export class RxnormIndex {
  /** Where it was read from (a file path), for logs and `--explain`. */
  readonly origin: string;
  readonly file: RxnormIndexFile;
  private readonly byCode = new Map<string, IndexedCode>();
  private readonly substances: SubstanceClassifier;
  private readonly brands: ReadonlyMap<string, IndexBrand>;
  private readonly suggestions: IngredientSuggestions;
  private readonly memo = new Map<string, unknown>();

  /**
   * @param file - the parsed, validated index file
   * @param origin - where it came from
   */
  constructor(file: RxnormIndexFile, origin: string) {
    this.file = file;
    this.origin = origin;
    const outOfScope: IndexedCode = { kind: 'out-of-scope' };
    file.outOfScope.forEach((code) => this.byCode.set(code, outOfScope));
    file.ingredients.forEach((ingredient) =>
      this.byCode.set(ingredient.code, { kind: 'ingredient', ingredient }),
    );
    file.products.forEach((product) =>
      this.byCode.set(product.rxcui, { kind: 'product', product }),
    );
    this.substances = new SubstanceClassifier(file.ingredients, file.watch, file.knownNames);
    this.brands = new Map(file.brands.map((b) => [b.name.toLowerCase(), b]));
    this.suggestions = new IngredientSuggestions([
      ...file.ingredients.map((i) => ({
        phrase: i.display,
        ingredients: [i.display],
        fuzzy: true,
      })),
      ...file.watch.map((w) => ({ phrase: w.name, ingredients: [w.name], fuzzy: true })),
      ...file.brands.map((b) => ({
        phrase: b.name,
        ingredients: b.ingredients.map((code) => this.ingredient(code)?.display ?? code),
        fuzzy: false,
      })),
    ]);
  }

  /**
   * @param code - an RxCUI as it appears in `Coding.code`
   * @returns what the index knows about it, or undefined when the code is not in it
   */
  lookup(code: string): IndexedCode | undefined {
    return this.byCode.get(code.trim());
  }

  /**
   * @param rxcui - an ingredient RxCUI
   * @returns the listed ingredient, or undefined
   */
  ingredient(rxcui: string): IndexIngredient | undefined {
    const entry = this.byCode.get(rxcui);
    return entry?.kind === 'ingredient' ? entry.ingredient : undefined;
  }

  /**
   * Classifies the substance of a normalized name the way the index builder does.
   * @param substance - e.g. `Oxycodone Hydrochloride`
   * @returns listed, unverified, known (outside the rules) or unknown
   */
  classifySubstance(substance: string): SubstanceClass {
    return this.substances.classify(substance);
  }

  /**
   * @param name - a brand name, any case
   * @returns the brand when its products contain listed ingredients
   */
  brand(name: string): IndexBrand | undefined {
    return this.brands.get(name.trim().toLowerCase());
  }

  /**
   * Remembers what a name computes to: the index never changes, and one display is read on every
   * order of every request. Bounded (the oldest entries go first) so free text cannot grow it without end.
   * @param key - e.g. the display text
   * @param compute - computes the value when it is not remembered
   * @returns the remembered or computed value
   */
  remember<T>(key: string, compute: () => T): T {
    if (this.memo.has(key)) {
      return this.memo.get(key) as T;
    }
    const value = compute();
    if (this.memo.size >= MEMO_LIMIT) {
      this.memo.delete(this.memo.keys().next().value ?? '');
    }
    this.memo.set(key, value);
    return value;
  }

  /**
   * @param text - a display or free text that could not be identified
   * @returns names of the listed or watched ingredients it suggests (empty when none)
   */
  suggest(text: string): string[] {
    return this.remember(`suggest:${text}`, () => this.suggestions.suggest(text));
  }
}
