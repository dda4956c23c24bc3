/**
 * Matches the substance of a normalized name (`Oxycodone Hydrochloride`, `Naproxen sodium`,
 * `oxyCODONE Hydrochloride`) to an ingredient name (`oxycodone`, `naproxen`): both sides are reduced to
 * their base name (lower case, commas dropped, trailing salt words of the grammar removed) and must be
 * equal. A substance that only contains an ingredient's name (`gabapentin enacarbil`) does not match:
 * it may be a different ingredient, so it is left to the caller's unidentified path.
 */
import { rxnormGrammar } from './rxnorm-grammar';

let salts: ReadonlySet<string> | undefined;

/**
 * The base name of a substance or ingredient name.
 * @param name - e.g. `Oxycodone Hydrochloride` or `Heparin Sodium, Porcine`
 * @returns e.g. `oxycodone`; the first word is always kept (`Potassium Chloride` → `potassium`)
 */
export function baseName(name: string): string {
  salts ??= new Set(rxnormGrammar().saltWords);
  const words = name.toLowerCase().replace(/,/g, ' ').split(/\s+/).filter(Boolean);
  while (words.length > 1 && salts.has(words.at(-1) ?? '')) {
    words.pop();
  }
  return words.join(' ');
}

/** A name-to-key table over base names, e.g. ingredient base name → RxCUI. */
export class IngredientNames<T> {
  private readonly byBase = new Map<string, T>();

  /**
   * @param entries - names with the value each stands for; the first entry of a base name wins
   */
  constructor(entries: Iterable<readonly [string, T]>) {
    for (const [name, value] of entries) {
      const base = baseName(name);
      if (base !== '' && !this.byBase.has(base)) {
        this.byBase.set(base, value);
      }
    }
  }

  /**
   * Finds the entry whose base name equals the substance's.
   * @param substance - a substance as a normalized name writes it
   * @returns the entry's value, or undefined
   */
  match(substance: string): T | undefined {
    return this.byBase.get(baseName(substance));
  }

  /** @returns every base name in the table */
  bases(): IterableIterator<string> {
    return this.byBase.keys();
  }
}
