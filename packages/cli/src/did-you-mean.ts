import { distance } from 'fastest-levenshtein';

/**
 * The candidate a mistyped word most likely meant: the one at the smallest edit distance, if that
 * distance is small (at most 2, or a third of the candidate's length for long words, and less than
 * the typed word's length, so a swap of two letters counts), or a candidate the word is a prefix of
 * (`eval` → `evaluate`). Ties keep the candidates' order.
 * @param input - what the user typed
 * @param candidates - the words that would have been accepted
 * @returns the suggestion, or undefined when nothing is close
 */
export function didYouMean(input: string, candidates: readonly string[]): string | undefined {
  const typed = input.toLowerCase();
  let best: { candidate: string; cost: number } | undefined;
  for (const candidate of candidates) {
    const cost = distance(typed, candidate.toLowerCase());
    if (best === undefined || cost < best.cost) {
      best = { candidate, cost };
    }
  }
  if (
    best !== undefined &&
    best.cost <= Math.max(2, Math.floor(best.candidate.length / 3)) &&
    best.cost < typed.length
  ) {
    return best.candidate;
  }
  return typed.length >= 3 ? candidates.find((c) => c.toLowerCase().startsWith(typed)) : undefined;
}

/**
 * The end of an "unknown …" message: "; did you mean …?" when a candidate is close, else `otherwise`.
 * @param input - what the user typed
 * @param candidates - the accepted words
 * @param otherwise - the clause to use when nothing is close (e.g. "; expected one of …")
 * @returns the clause
 */
export function didYouMeanClause(
  input: string,
  candidates: readonly string[],
  otherwise: string,
): string {
  const match = didYouMean(input, candidates);
  return match === undefined ? otherwise : `; did you mean ${match}?`;
}
