/**
 * The browser finder behind the demo-page browser test: the SOLEUS_CHROMIUM override wins and must
 * exist, and without it the Chromium shipped in the @sparticuz/chromium tarball is decompressed into
 * the repo's node_modules/.cache and is a runnable linux-x64 executable.
 */
import { execFileSync } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM_ENV, findChromium } from '../../../scripts/find-chromium';

jest.setTimeout(120_000);

describe('findChromium', () => {
  it('returns the SOLEUS_CHROMIUM binary as is', async () => {
    expect(await findChromium({ [CHROMIUM_ENV]: process.execPath })).toBe(process.execPath);
  });

  it('fails, naming the variable, when SOLEUS_CHROMIUM points nowhere', async () => {
    await expect(findChromium({ [CHROMIUM_ENV]: '/nonexistent/chromium' })).rejects.toThrow(
      'SOLEUS_CHROMIUM=/nonexistent/chromium: no such file',
    );
  });

  it('without the variable decompresses the bundled build into the repo cache, and it runs', async () => {
    const path = await findChromium({});
    expect(path).toMatch(/node_modules\/\.cache\/soleus-chromium\/[0-9.]+\/chromium$/);
    expect(path.startsWith(join(__dirname, '..', '..', '..'))).toBe(true);
    accessSync(path, constants.X_OK);
    expect(statSync(path).size).toBeGreaterThan(100 * 1024 * 1024);
    const version = execFileSync(path, ['--version'], { encoding: 'utf8' });
    expect(version).toMatch(/Chrom(e|ium)[^\d]*\d+\.\d+\.\d+\.\d+/);
    expect(await findChromium({})).toBe(path);
  });
});
