/**
 * Decides what the substance of a normalized name is to the rules, the same way when the index is built
 * and when a product is identified by its name at run time:
 * - `listed`: an ingredient some value set lists (by the source's own relation when it has one, else by
 *   base name: `Oxycodone Hydrochloride` is oxycodone);
 * - `unverified`: a watch-list class member without a verified code (fenoprofen), or a substance that
 *   contains a listed ingredient's name without being it (`gabapentin enacarbil`): never out of scope;
 * - `known`: an ingredient name the index knows to be outside the rules;
 * - `unknown`: anything else (at run time the product then cannot be identified).
 */
import { escapeRegExp } from './escape-reg-exp';
import { baseName, IngredientNames } from './ingredient-names';
import type { IndexIngredient, IndexWatchIngredient } from './rxnorm-index-file';

/** The outcome for one substance. */
export type SubstanceClass =
  | { readonly kind: 'listed'; readonly ingredient: IndexIngredient }
  | { readonly kind: 'unverified'; readonly name: string }
  | { readonly kind: 'known' }
  | { readonly kind: 'unknown' };

/** Classifies substances against the ingredients of interest. */
export class SubstanceClassifier {
  private readonly byCode: ReadonlyMap<string, IndexIngredient>;
  private readonly listed: IngredientNames<IndexIngredient>;
  private readonly watched: IngredientNames<IndexWatchIngredient>;
  private readonly listedWords: readonly { readonly pattern: RegExp; readonly name: string }[];
  private readonly known: ReadonlySet<string>;

  /**
   * @param ingredients - the ingredients value sets list
   * @param watch - class members without a verified code
   * @param knownNames - base names of ingredients outside the rules
   */
  constructor(
    ingredients: readonly IndexIngredient[],
    watch: readonly IndexWatchIngredient[],
    knownNames: Iterable<string> = [],
  ) {
    this.byCode = new Map(ingredients.map((i) => [i.code, i]));
    this.listed = new IngredientNames(ingredients.map((i) => [i.display, i] as const));
    this.watched = new IngredientNames(watch.map((w) => [w.name, w] as const));
    this.listedWords = [...this.listed.bases()].map((name) => ({
      pattern: new RegExp(`(^| )${escapeRegExp(name)}( |$)`),
      name,
    }));
    this.known = new Set(knownNames);
  }

  /**
   * @param substance - e.g. `Oxycodone Hydrochloride`
   * @param relatedIngredient - the IN the source relates it to (RRF `has_ingredient`), when known
   * @returns its class
   */
  classify(substance: string, relatedIngredient?: string): SubstanceClass {
    // The source's own relation decides when it has one; the name decides only when it has none.
    const listed =
      relatedIngredient === undefined
        ? this.listed.match(substance)
        : this.byCode.get(relatedIngredient);
    if (listed) {
      return { kind: 'listed', ingredient: listed };
    }
    const base = baseName(substance);
    const watch = this.watched.match(substance);
    const contained = watch ? undefined : this.listedWords.find((w) => w.pattern.test(base));
    if (watch || contained) {
      return { kind: 'unverified', name: watch?.name ?? contained?.name ?? base };
    }
    return this.known.has(base) ? { kind: 'known' } : { kind: 'unknown' };
  }
}
