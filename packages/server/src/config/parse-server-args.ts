import { parseArgs } from 'node:util';
import { SoleusError } from '@soleus/core';

/** What `soleus-server` takes on its command line (everything else is configuration). */
export interface ServerArgs {
  /** `--pack <dir|npm-package>`, repeatable: site packs added to `content.packDirs`. */
  readonly packDirs: readonly string[];
}

/**
 * Parses the `soleus-server` arguments.
 * @param argv - the arguments after the script
 * @returns the extra pack locations
 * @throws {SOLEUS_SERVER_CONFIG} on an unknown option or a positional argument
 */
export function parseServerArgs(argv: readonly string[]): ServerArgs {
  try {
    const { values } = parseArgs({
      args: [...argv],
      options: { pack: { type: 'string', multiple: true } },
      strict: true,
      allowPositionals: false,
    });
    return { packDirs: values.pack ?? [] };
  } catch (err) {
    throw new SoleusError(
      'SOLEUS_SERVER_CONFIG',
      `soleus-server: ${(err as Error).message}; expected only --pack <dir|npm-package> (settings come from the environment or SOLEUS_CONFIG)`,
    );
  }
}
