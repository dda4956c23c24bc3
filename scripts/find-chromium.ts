/**
 * The one place that finds a Chromium for browser tests, so that `pnpm install && pnpm test` works on a
 * machine with only Node and npm (no system browser, no download at install time).
 *
 * Order:
 * 1. `SOLEUS_CHROMIUM`: the path of a Chromium (or Chrome) binary. Used as is; it must exist.
 * 2. The Chromium build shipped inside the `@sparticuz/chromium` npm tarball (`bin/chromium.br`, a
 *    brotli-compressed chrome-headless-shell for linux-x64). It is decompressed once into
 *    `node_modules/.cache/soleus-chromium/<package version>/chromium` at the repo root (about 2–4 s,
 *    190 MB), written to a temporary name and renamed, so concurrent test runs never see half a file.
 *    Its only shared-library needs beyond glibc are libnss3, libnspr4 and libexpat1, which Debian 12
 *    machines with Node already carry; fonts come from the system's fontconfig.
 *
 * Anything else (another platform, a damaged package) is an error that says what to set: the browser
 * tests fail, they never skip.
 */
import { chmodSync, createReadStream, createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { readFileSync, renameSync, rmSync } from 'node:fs';
import { arch, platform } from 'node:os';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress } from 'node:zlib';

/** The environment variable that overrides the bundled browser with a binary of your choice. */
export const CHROMIUM_ENV = 'SOLEUS_CHROMIUM';

/**
 * Launch flags for headless Chromium on a machine without network access, running as root: no
 * sandbox (root), no GPU, and none of the background services that would try to reach Google.
 */
export const CHROMIUM_LAUNCH_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const PACKAGE = '@sparticuz/chromium';
const REPO_ROOT = join(__dirname, '..');

/** Directory of the installed `@sparticuz/chromium` package (its `exports` hide package.json). */
function packageDir(): string {
  // main is build/cjs/index.cjs
  return join(dirname(require.resolve(PACKAGE)), '..', '..');
}

/** Decompresses `source` (brotli) into `target` via a temporary file renamed into place. */
async function inflate(source: string, target: string): Promise<void> {
  mkdirSync(dirname(target), { recursive: true });
  const temporary = `${target}.${process.pid}.tmp`;
  try {
    await pipeline(
      createReadStream(source),
      createBrotliDecompress(),
      createWriteStream(temporary, { mode: 0o755 }),
    );
    chmodSync(temporary, 0o755);
    renameSync(temporary, target);
  } finally {
    rmSync(temporary, { force: true });
  }
}

/**
 * Returns the path of a Chromium binary for playwright-core's `executablePath`, decompressing the
 * bundled build on first use.
 *
 * @throws Error naming `SOLEUS_CHROMIUM` when no usable browser can be found.
 */
export async function findChromium(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const override = env[CHROMIUM_ENV];
  if (override !== undefined && override !== '') {
    if (!existsSync(override)) {
      throw new Error(`${CHROMIUM_ENV}=${override}: no such file`);
    }
    return override;
  }
  if (platform() !== 'linux' || arch() !== 'x64') {
    throw new Error(
      `The bundled Chromium (${PACKAGE}) is linux-x64 only; on ${platform()}-${arch()} set ${CHROMIUM_ENV} to a Chromium or Chrome binary`,
    );
  }
  const dir = packageDir();
  const source = join(dir, 'bin', 'chromium.br');
  if (!existsSync(source)) {
    throw new Error(`${source} is missing: run pnpm install, or set ${CHROMIUM_ENV}`);
  }
  const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
    version: string;
  };
  const target = join(REPO_ROOT, 'node_modules', '.cache', 'soleus-chromium', version, 'chromium');
  if (!existsSync(target)) {
    await inflate(source, target);
  }
  return target;
}
