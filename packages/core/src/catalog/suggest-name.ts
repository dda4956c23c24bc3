/**
 * Finds the known name closest to a misspelt one, so a message can say `did you mean "greaterThan"?`.
 * Uses Levenshtein distance (case-insensitive) and only suggests when the distance is small relative to
 * the name, so unrelated names are never proposed.
 * @param wrong - the name as written
 * @param known - the valid names
 * @returns ` (did you mean "x"?)` for a close match, else ''
 */
export function suggestName(wrong: string, known: Iterable<string>): string {
  const limit = Math.max(1, Math.floor(wrong.length / 4));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const name of known) {
    const distance = levenshtein(wrong.toLowerCase(), name.toLowerCase());
    if (distance < bestDistance) {
      best = name;
      bestDistance = distance;
    }
  }
  return best === undefined ? '' : ` (did you mean "${best}"?)`;
}

function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
