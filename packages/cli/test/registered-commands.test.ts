import type { CliIo } from '../src/cli-io';
import { runCli } from '../src/run-cli';

async function cli(args: readonly string[]) {
  let out = '';
  let err = '';
  const io: CliIo = {
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    now: () => '2026-11-22T09:00:00Z',
  };
  return { code: await runCli(args, io), out, err };
}

describe('soleus test, docs and dry-run through runCli', () => {
  it('lists the three commands in the usage', async () => {
    const r = await cli(['--help']);
    expect(r.code).toBe(0);
    for (const name of ['test', 'docs', 'dry-run', 'rxnorm']) {
      expect(r.out).toMatch(new RegExp(`^  ${name} +\\S`, 'm'));
    }
  });

  it.each([
    [['test', '--help'], 'usage: soleus test [vignette-dir]'],
    [['docs', '--help'], 'usage: soleus docs [--out <dir>] [--check]'],
    [['dry-run', '--help'], 'usage: soleus dry-run --hook'],
    [['rxnorm', '--help'], 'usage: soleus rxnorm import <release-dir>'],
  ])('%j prints its help (exit 0)', async (args, usage) => {
    const r = await cli(args);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toContain(usage);
  });

  it.each([
    [['test', '/no/such/dir'], 'soleus test: vignette directory /no/such/dir does not exist'],
    [
      ['docs', '--bogus'],
      'soleus docs: unknown option --bogus (soleus docs --help lists the options)',
    ],
    [
      ['dry-run', '--hook', 'order-view', '.'],
      'soleus dry-run: unknown hook "order-view"; did you mean order-sign? (expected one of patient-view, order-select, order-sign)',
    ],
  ])('%j is a usage error on stderr (exit 2)', async (args, message) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
  });
});
