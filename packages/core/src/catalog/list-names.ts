/**
 * Lists up to 8 valid names for a message, preferring those that share the wrong name's first segment
 * (`dvt.` facts for `dvt.wellsKlass`), so a 100-fact catalogue still gives a useful hint.
 * @param names - the valid names
 * @param wrong - the name as written
 * @returns a comma-separated list, with the total when it is cut short
 */
export function listNames(names: Iterable<string>, wrong: string): string {
  const all = [...names].sort();
  const head = /^[^./]+[./]/.exec(wrong.replace(/^https?:\/\//, ''))?.[0] ?? '';
  const related = all.filter((name) => head !== '' && name.includes(head));
  const pool = related.length > 0 ? related : all;
  const shown = pool.slice(0, 8).join(', ');
  const rest = all.length - Math.min(pool.length, 8);
  return rest > 0 ? `${shown}, … ${all.length} in all` : shown || 'none loaded';
}
