import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { SoleusError } from '../errors';

/**
 * Resolves extra pack locations to absolute directories: a path (relative to `cwd`) to a directory
 * holding `pack.json`, or the name of an installed npm package whose root holds `pack.json`
 * (resolved from `cwd` the way `require` would, e.g. `@hospital/soleus-pack`).
 * @param specs - directories or npm package names, as the operator wrote them
 * @param cwd - where relative paths and packages are resolved from
 * @returns absolute pack directories, in the order given
 * @throws {SOLEUS_PACK_NOT_FOUND} naming the first location that is neither
 */
export function resolvePackDirs(specs: readonly string[], cwd: string = process.cwd()): string[] {
  return specs.map((spec) => {
    const asPath = resolve(cwd, spec);
    const dir = isDirectory(asPath) ? asPath : packageRoot(spec, cwd);
    if (dir === undefined || !existsSync(resolve(dir, 'pack.json'))) {
      throw new SoleusError(
        'SOLEUS_PACK_NOT_FOUND',
        `pack "${spec}": expected a directory holding pack.json, or an installed npm package whose root holds one`,
      );
    }
    return dir;
  });
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function packageRoot(name: string, cwd: string): string | undefined {
  if (!/^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*$/.test(name)) {
    return undefined;
  }
  try {
    return dirname(require.resolve(`${name}/package.json`, { paths: [cwd] }));
  } catch {
    return undefined;
  }
}
