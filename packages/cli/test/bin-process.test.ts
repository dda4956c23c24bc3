/**
 * The compiled `soleus` binary as a process (built by `pnpm test`'s `tsc -b`): the real standard
 * input reaches `-`, usage errors leave with exit code 2 and one line on stderr, `--version` works.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DVT_LIKELY_BUNDLE } from './support/dvt-likely-bundle';

const BIN = join(__dirname, '..', 'dist', 'bin.js');
const BUNDLE = DVT_LIKELY_BUNDLE;

function soleus(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', input: input ?? '' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
  if (!existsSync(BIN)) {
    throw new Error(`${BIN} is missing: run pnpm build (pnpm test builds first)`);
  }
});

describe('the soleus process', () => {
  it('--version prints the package version', () => {
    const { version } = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as {
      version: string;
    };
    expect(soleus(['--version'])).toEqual({ code: 0, out: `${version}\n`, err: '' });
  });

  it('evaluate --bundle - reads the piped bundle', () => {
    const r = soleus(
      ['evaluate', '--hook', 'patient-view', '--bundle', '-', '--now', '2026-11-22T09:00:00Z'],
      readFileSync(BUNDLE, 'utf8'),
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const { cards } = JSON.parse(r.out) as { cards: { source: { topic?: { code: string } } }[] };
    expect(cards.map((c) => c.source.topic?.code)).toContain('dvt-likely-imaging');
  });

  it('validate nope-dir exits 2 with one line on stderr', () => {
    expect(soleus(['validate', 'nope-dir'])).toEqual({
      code: 2,
      out: '',
      err: 'soleus validate: rule-pack directory nope-dir: no such file or directory\n',
    });
  });
});
