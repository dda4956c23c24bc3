import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The version of the installed `@soleus/cli` package, read from its package.json (one directory
 * above both `src/` and `dist/`).
 * @returns the semver version string
 */
export function cliVersion(): string {
  const manifest = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as {
    version: string;
  };
  return manifest.version;
}
