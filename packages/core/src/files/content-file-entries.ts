import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** A content directory outside the main one (a site pack's `facts/` or `valuesets/`). */
export interface ExtraContentDir {
  readonly dir: string;
  /** How its files are named in issue locations: `<label>/<file>`. */
  readonly label: string;
}

/** One content file to read: where it is, and the name issues report it under. */
export interface ContentFileEntry {
  readonly path: string;
  readonly name: string;
}

/**
 * The files of a content directory followed by those of the extra directories that exist (a site
 * pack may have no `facts/` or `valuesets/`), each named relative to its directory, extras under
 * their label.
 * @param dir - the main directory
 * @param extraDirs - extra directories; missing ones are skipped
 * @param list - lists the content files of one directory (names relative to it, sorted), reporting
 *   an unreadable directory itself
 * @returns the entries, main directory first
 */
export function contentFileEntries(
  dir: string,
  extraDirs: readonly ExtraContentDir[],
  list: (dir: string) => readonly string[],
): ContentFileEntry[] {
  return [
    ...list(dir).map((name) => ({ path: join(dir, name), name })),
    ...extraDirs
      .filter((extra) => existsSync(extra.dir))
      .flatMap((extra) =>
        list(extra.dir).map((name) => ({
          path: join(extra.dir, name),
          name: `${extra.label}/${name}`,
        })),
      ),
  ];
}
