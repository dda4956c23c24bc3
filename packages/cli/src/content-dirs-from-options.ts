import { resolve } from 'node:path';
import { DEFAULT_CONTENT, isSoleusError, resolvePackDirs, type ContentDirs } from '@soleus/core';
import { CliUsageError } from './cli-io';
import { requireDirectory } from './require-directory';

/** The `--rules`, `--facts`, `--valuesets` and `--pack` options shared by the commands that load content. */
export interface ContentOptions {
  readonly rules?: string | undefined;
  readonly facts?: string | undefined;
  readonly valuesets?: string | undefined;
  /** Extra pack directories or npm package names (`--pack`, repeatable). */
  readonly pack?: readonly string[] | undefined;
}

/** The content a command loads: the three directories plus the extra (site) pack directories. */
export interface CliContent extends ContentDirs {
  /** Absolute extra pack directories, loaded on top of `rulesDir`. */
  readonly packDirs: readonly string[];
}

/**
 * Resolves the content a command loads: the options when given, else the bundled content, plus every
 * `--pack` (a directory or an installed npm package name).
 * @param opts - parsed `--rules`, `--facts`, `--valuesets` and `--pack`
 * @returns absolute rule, fact and value-set directories and extra pack directories
 * @throws {CliUsageError} when a given directory does not exist or is a file, or a pack does not
 *   resolve (exit 2)
 */
export function contentDirsFrom(opts: ContentOptions): CliContent {
  return {
    rulesDir: given(opts.rules, 'rules directory') ?? DEFAULT_CONTENT.rulesDir,
    factsDir: given(opts.facts, 'facts directory') ?? DEFAULT_CONTENT.factsDir,
    valueSetsDir: given(opts.valuesets, 'value-set directory') ?? DEFAULT_CONTENT.valueSetsDir,
    packDirs: packDirsFrom(opts.pack ?? []),
  };
}

function packDirsFrom(specs: readonly string[]): string[] {
  try {
    return resolvePackDirs(specs);
  } catch (err) {
    if (isSoleusError(err)) {
      throw new CliUsageError(`${err.code}: ${err.message}`);
    }
    throw err;
  }
}

function given(path: string | undefined, what: string): string | undefined {
  if (!path) {
    return undefined;
  }
  requireDirectory(path, what);
  return resolve(path);
}
