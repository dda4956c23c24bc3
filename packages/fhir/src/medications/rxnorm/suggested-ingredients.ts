/**
 * Whether free text "suggests" an ingredient the rules care about (clinical-spec §9.6): it names a
 * listed or watched ingredient or a brand of one as whole words, or misspells an ingredient name by
 * one or two letters (`Simvistatin` → simvastatin). Only used for products that could not be
 * identified, to decide whether the clinician must hear about them; it never identifies a product.
 */
import { escapeRegExp } from './escape-reg-exp';

/** One phrase to look for and the ingredient names it stands for. */
export interface SuggestionPhrase {
  /** Lower-case words, e.g. `naproxen` or `tylenol`. */
  readonly phrase: string;
  readonly ingredients: readonly string[];
  /** Whether near misses count (ingredient names only: brands are matched exactly). */
  readonly fuzzy: boolean;
}

/** Finds the ingredients a text suggests. */
export class IngredientSuggestions {
  private readonly phrases: readonly (SuggestionPhrase & { readonly pattern: RegExp })[];

  /** @param phrases - ingredient and brand names with the ingredients they stand for */
  constructor(phrases: readonly SuggestionPhrase[]) {
    this.phrases = phrases
      .map((p) => ({ ...p, phrase: normalize(p.phrase) }))
      .filter((p) => p.phrase.length >= 4)
      .map((p) => ({ ...p, pattern: new RegExp(` ${escapeRegExp(p.phrase)} `) }));
  }

  /**
   * @param text - a display or free text
   * @returns the suggested ingredient names, sorted and unique (empty when none)
   */
  suggest(text: string): string[] {
    const normal = ` ${normalize(text)} `;
    const words = normal
      .trim()
      .split(' ')
      .filter((w) => w.length >= 5 && !/\d/.test(w));
    const found = new Set<string>();
    for (const p of this.phrases) {
      const hit =
        p.pattern.test(normal) ||
        (p.fuzzy && !p.phrase.includes(' ') && words.some((w) => near(w, p.phrase)));
      if (hit) {
        p.ingredients.forEach((i) => found.add(i));
      }
    }
    return [...found].sort();
  }
}

function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Edit distance (with transpositions) of at most 1 for names of 6–8 letters, 2 from 9 letters. */
function near(word: string, name: string): boolean {
  if (name.length < 6) {
    return false;
  }
  const limit = name.length >= 9 ? 2 : 1;
  return Math.abs(word.length - name.length) <= limit && distance(word, name, limit) <= limit;
}

function distance(a: string, b: string, limit: number): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i += 1) {
    rows.push([i]);
  }
  for (let j = 1; j <= b.length; j += 1) {
    (rows[0] as number[])[j] = j;
  }
  for (let i = 1; i <= a.length; i += 1) {
    const row = rows[i] as number[];
    const prev = rows[i - 1] as number[];
    let best = Infinity;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, ((rows[i - 2] as number[])[j - 2] ?? 0) + 1);
      }
      row[j] = d;
      best = Math.min(best, d);
    }
    if (best > limit) {
      return best;
    }
  }
  return (rows[a.length] as number[])[b.length] ?? Infinity;
}
