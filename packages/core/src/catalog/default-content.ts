import { join } from 'node:path';

/** Directories of a rule catalogue: rule packs, fact catalogue files and value sets. */
export interface ContentDirs {
  /** Directory of pack directories, each with `pack.json` and `*.rule.json`. */
  readonly rulesDir: string;
  /** Directory of `*.facts.json` files. */
  readonly factsDir: string;
  /** Directory of `*.valueset.json` files. */
  readonly valueSetsDir: string;
}

// src/catalog and dist/catalog are both two levels below the package root, so one relative path
// serves jest (running src) and the built package (running dist).
const PACKAGE_ROOT = join(__dirname, '..', '..');

/** The clinical content shipped in `@soleus/core`: `rules/`, `facts/` and `valuesets/`. */
export const DEFAULT_CONTENT: ContentDirs = Object.freeze({
  rulesDir: join(PACKAGE_ROOT, 'rules'),
  factsDir: join(PACKAGE_ROOT, 'facts'),
  valueSetsDir: join(PACKAGE_ROOT, 'valuesets'),
});

/** Directory of the JSON Schemas (`rule`, `pack`, `facts`) shipped in `@soleus/core`. */
export const SCHEMA_DIR = join(PACKAGE_ROOT, 'schema');

/** Directory of the Soleus CodeSystems (`card`, `override-reason`, `calf-findings`) shipped in `@soleus/core`. */
export const CODESYSTEMS_DIR = join(PACKAGE_ROOT, 'codesystems');
