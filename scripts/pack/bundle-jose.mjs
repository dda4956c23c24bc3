#!/usr/bin/env node
// `prepack` of @soleus/server: replaces dist/vendor/jose.js (tsc's `require("jose")`) with a
// CommonJS bundle of the installed jose, so the published package never require()s an ESM-only
// module and a consumer's default jest config (no transform) can load @soleus/server on Node 20,
// 22 and 24. jose's MIT licence goes beside the bundle. Run from packages/server (npm/pnpm pack
// run prepack there); fails loudly if the bundle still requires jose or lacks an export.
import { build } from 'esbuild';
import { copyFileSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const packageDir = process.cwd();
const vendorDir = join(packageDir, 'dist', 'vendor');
const requireHere = createRequire(join(packageDir, 'package.json'));
const joseDir = join(requireHere.resolve('jose/package.json'), '..');
const { version, license } = JSON.parse(readFileSync(join(joseDir, 'package.json'), 'utf8'));
const outfile = join(vendorDir, 'jose.js');

await build({
  entryPoints: [requireHere.resolve('jose')],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  outfile,
  legalComments: 'inline',
  banner: {
    js: `// jose ${version} (${license}, https://github.com/panva/jose), bundled as CommonJS by @soleus/server; licence: jose.LICENSE.md`,
  },
  logLevel: 'warning',
});
rmSync(`${outfile}.map`, { force: true });
copyFileSync(join(joseDir, 'LICENSE.md'), join(vendorDir, 'jose.LICENSE.md'));

const bundled = readFileSync(outfile, 'utf8');
if (/require\(["']jose["']\)/.test(bundled)) {
  throw new Error(`${outfile} still requires jose`);
}
const exported = createRequire(import.meta.url)(outfile);
const needed = /export \{([^}]*)\} from 'jose'/
  .exec(readFileSync(join(packageDir, 'src', 'vendor', 'jose.ts'), 'utf8'))[1]
  .split(',')
  .map((name) => name.trim())
  .filter(Boolean);
const missing = needed.filter((name) => typeof exported[name] !== 'function');
if (missing.length > 0) {
  throw new Error(`the jose bundle lacks ${missing.join(', ')}`);
}
console.log(`bundled jose ${version} into ${outfile} (${needed.length} exports checked)`);
