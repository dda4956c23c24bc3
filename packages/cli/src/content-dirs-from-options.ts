import { resolve } from 'node:path';
import { DEFAULT_CONTENT, type ContentDirs } from '@soleus/core';
import { requireDirectory } from './require-directory';

/** The `--rules`, `--facts` and `--valuesets` options shared by the commands that load content. */
export interface ContentOptions {
  readonly rules?: string | undefined;
  readonly facts?: string | undefined;
  readonly valuesets?: string | undefined;
}

/**
 * Resolves the content directories a command loads: the options when given, else the bundled content.
 * @param opts - parsed `--rules`, `--facts` and `--valuesets`
 * @returns absolute rule, fact and value-set directories
 * @throws {CliUsageError} when a given directory does not exist or is a file (exit 2)
 */
export function contentDirsFrom(opts: ContentOptions): ContentDirs {
  return {
    rulesDir: given(opts.rules, 'rules directory') ?? DEFAULT_CONTENT.rulesDir,
    factsDir: given(opts.facts, 'facts directory') ?? DEFAULT_CONTENT.factsDir,
    valueSetsDir: given(opts.valuesets, 'value-set directory') ?? DEFAULT_CONTENT.valueSetsDir,
  };
}

function given(path: string | undefined, what: string): string | undefined {
  if (!path) {
    return undefined;
  }
  requireDirectory(path, what);
  return resolve(path);
}
