/**
 * The publishable packages stay publishable: licence text, README, metadata pointing at this
 * repository, shipped content exported (and exported content shipped), no build leftovers in
 * `files`, one version and one Node range for all. `.ci/run` packs them and checks the tarballs
 * with publint, attw and a consumer project; this test catches drift earlier, in `pnpm test`.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  license: string;
  type?: string;
  homepage?: string;
  repository?: { type: string; url: string; directory?: string };
  bugs?: { url: string };
  engines: { node: string };
  exports: Record<string, unknown>;
  files: string[];
  dependencies?: Record<string, string>;
}

const read = (path: string): Manifest => JSON.parse(readFileSync(path, 'utf8')) as Manifest;
const root = read(join(ROOT, 'package.json'));
const repoUrl = root.repository?.url.replace(/^git\+/, '').replace(/\.git$/, '') ?? '';
const PACKAGES = readdirSync(join(ROOT, 'packages'))
  .filter((dir) => existsSync(join(ROOT, 'packages', dir, 'package.json')))
  .map((dir) => ({ dir, manifest: read(join(ROOT, 'packages', dir, 'package.json')) }))
  .filter(({ manifest }) => manifest.private !== true);

describe('publishable packages', () => {
  it('are the four Soleus packages, all at one version', () => {
    expect(PACKAGES.map((p) => p.manifest.name).sort()).toEqual([
      '@soleus/cli',
      '@soleus/core',
      '@soleus/fhir',
      '@soleus/server',
    ]);
    expect(new Set(PACKAGES.map((p) => p.manifest.version)).size).toBe(1);
  });

  describe.each(PACKAGES)('packages/$dir', ({ dir, manifest }) => {
    const pkgDir = join(ROOT, 'packages', dir);

    it('ships the root LICENSE text and a README', () => {
      expect(manifest.license).toBe('Apache-2.0');
      expect(readFileSync(join(pkgDir, 'LICENSE'), 'utf8')).toBe(
        readFileSync(join(ROOT, 'LICENSE'), 'utf8'),
      );
      expect(readFileSync(join(pkgDir, 'README.md'), 'utf8')).toMatch(/^# @soleus\//);
    });

    it('points repository, homepage and bugs at this repository', () => {
      expect(repoUrl).toMatch(/^https:\/\//);
      expect(manifest.repository).toEqual({
        type: 'git',
        url: `git+${repoUrl}.git`,
        directory: `packages/${dir}`,
      });
      expect(manifest.homepage).toBe(`${repoUrl}/tree/main/packages/${dir}#readme`);
      expect(manifest.bugs).toEqual({ url: `${repoUrl}/issues` });
    });

    it('declares CommonJS, the root Node range and workspace links between packages', () => {
      expect(manifest.type).toBe('commonjs');
      expect(manifest.engines.node).toBe(root.engines.node);
      for (const [name, range] of Object.entries(manifest.dependencies ?? {})) {
        if (name.startsWith('@soleus/')) {
          expect(`${name}@${range}`).toBe(`${name}@workspace:*`);
        }
      }
    });

    it('leaves build leftovers and maps to unshipped sources out of the tarball', () => {
      expect(manifest.files).toEqual(
        expect.arrayContaining(['dist', '!dist/.tsbuildinfo', '!dist/**/*.d.ts.map']),
      );
    });

    it('exports every shipped content directory and ships every exported one', () => {
      const code = new Set(['dist', 'bin']);
      const shipped = manifest.files.filter((f) => !code.has(f) && !f.startsWith('!'));
      for (const content of shipped) {
        expect(statSync(join(pkgDir, content)).isDirectory()).toBe(true);
      }
      const exported = Object.keys(manifest.exports)
        .filter((key) => key.endsWith('/*'))
        .map((key) => key.slice(2, -2));
      expect(exported.sort()).toEqual(shipped.sort());
    });
  });
});
