#!/usr/bin/env node
// Runs the `soleus` CLI from the repo root (`pnpm --silent soleus …`). Builds first when any package
// source is newer than the compiled CLI, so a fresh clone and an edited tree both just work.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'packages', 'cli', 'dist', 'bin.js');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const sources = ['core', 'fhir', 'server', 'cli'].map((p) => join(root, 'packages', p, 'src'));
const stale =
  !existsSync(bin) ||
  sources.some((dir) => existsSync(dir) && newestMtime(dir) > statSync(bin).mtimeMs);
if (stale) {
  execFileSync(
    process.execPath,
    [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-b', root],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
}
const { status } = await import('node:child_process').then(({ spawnSync }) =>
  spawnSync(process.execPath, [bin, ...process.argv.slice(2)], { stdio: 'inherit' }),
);
process.exit(status ?? 1);
