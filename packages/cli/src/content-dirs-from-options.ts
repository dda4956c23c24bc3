import { resolve } from 'node:path';
import { DEFAULT_CONTENT, type ContentDirs } from '@soleus/core';

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
 */
export function contentDirsFrom(opts: ContentOptions): ContentDirs {
  return {
    rulesDir: opts.rules ? resolve(opts.rules) : DEFAULT_CONTENT.rulesDir,
    factsDir: opts.facts ? resolve(opts.facts) : DEFAULT_CONTENT.factsDir,
    valueSetsDir: opts.valuesets ? resolve(opts.valuesets) : DEFAULT_CONTENT.valueSetsDir,
  };
}
