import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CliUsageError } from '../cli-io';

const MANIFEST = 'manifest.json';

/**
 * Finds vignette manifests: the folder's own `manifest.json`, or every one in the tree below it.
 * @param dir - one manifest folder or a tree of them
 * @returns manifest paths in sorted order
 * @throws {CliUsageError} when the directory is missing or holds no manifest
 */
export function findVignetteManifests(dir: string): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new CliUsageError(`vignette directory ${dir} does not exist or is not a directory`);
  }
  const found = walk(dir);
  if (found.length === 0) {
    throw new CliUsageError(`no ${MANIFEST} found in ${dir} or below it`);
  }
  return found;
}

function walk(dir: string): string[] {
  if (existsSync(join(dir, MANIFEST))) {
    return [join(dir, MANIFEST)];
  }
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'node_modules' && !d.name.startsWith('.'))
    .map((d) => d.name)
    .sort()
    .flatMap((name) => walk(join(dir, name)));
}
