/**
 * The CLI as a user meets it when something is wrong: `--version`, "did you mean" for a mistyped
 * command, hook or option, `-` for standard input, and every usage or I/O error as exit 2 with ONE
 * line on stderr (no raw errno codes, nothing on stdout).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { CliIo } from '../src/cli-io';
import { runCli } from '../src/run-cli';
import { removeTempDirs, tempDirWith } from './support/temp-dir';
import { DVT_LIKELY_BUNDLE } from './support/dvt-likely-bundle';

const NOW = '2026-11-22T09:00:00Z';
const SYNTHEA = join(__dirname, '..', '..', 'fhir', 'test', 'fixtures', 'synthea');
const BUNDLE = DVT_LIKELY_BUNDLE;
const VERSION = (
  JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { version: string }
).version;

async function cli(args: readonly string[], stdin?: string) {
  let out = '';
  let err = '';
  const io: CliIo = {
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    now: () => NOW,
    ...(stdin === undefined ? {} : { stdin: Readable.from([stdin]) }),
  };
  return { code: await runCli(args, io), out, err };
}

afterAll(removeTempDirs);

describe('soleus --version', () => {
  it.each([['--version'], ['-v']])('%s prints the package version (exit 0)', async (flag) => {
    expect(VERSION).toMatch(/^\d+\.\d+\.\d+/);
    expect(await cli([flag])).toEqual({ code: 0, out: `${VERSION}\n`, err: '' });
  });
});

describe('usage and I/O errors: exit 2, one line on stderr, nothing on stdout', () => {
  const notADir = tempDirWith({ 'file.json': {} });
  it.each<[string, string[], string]>([
    ['mistyped command', ['evalute'], 'soleus: unknown command "evalute"; did you mean evaluate?'],
    [
      'mistyped command (swap)',
      ['valdiate'],
      'soleus: unknown command "valdiate"; did you mean validate?',
    ],
    [
      'mistyped hook',
      ['evaluate', '--hook', 'patient-veiw', '--bundle', BUNDLE],
      'soleus evaluate: unknown hook "patient-veiw"; did you mean patient-view? (expected one of patient-view, order-select, order-sign)',
    ],
    [
      'unknown hook',
      ['evaluate', '--hook', 'encounter-start', '--bundle', BUNDLE],
      'soleus evaluate: unknown hook "encounter-start"; (expected one of patient-view, order-select, order-sign)',
    ],
    [
      'mistyped option',
      ['evaluate', '--hook', 'patient-view', '--bundel', BUNDLE],
      'soleus evaluate: unknown option --bundel; did you mean --bundle?',
    ],
    [
      'mistyped option of dry-run',
      ['dry-run', '--hook', 'patient-view', '--worker', '2', SYNTHEA],
      'soleus dry-run: unknown option --worker; did you mean --workers?',
    ],
    [
      'option without its value',
      ['evaluate', '--hook'],
      'soleus evaluate: --hook needs a value (soleus evaluate --help lists the options)',
    ],
    [
      'missing file',
      ['evaluate', '--hook', 'patient-view', '--bundle', '/no/such/p.json'],
      'soleus evaluate: cannot read patient bundle /no/such/p.json: no such file or directory',
    ],
    [
      'a directory given as a file',
      ['evaluate', '--hook', 'patient-view', '--bundle', SYNTHEA],
      `soleus evaluate: cannot read patient bundle ${SYNTHEA}: it is a directory, not a file`,
    ],
    [
      'validate of a missing directory',
      ['validate', 'nope-dir'],
      'soleus validate: rule-pack directory nope-dir: no such file or directory',
    ],
    [
      'validate of a file',
      ['validate', join(notADir, 'file.json')],
      `soleus validate: rule-pack directory ${join(notADir, 'file.json')} is a file; expected a directory`,
    ],
    [
      'a missing --facts directory',
      ['validate', '--facts', '/no/such/facts'],
      'soleus validate: facts directory /no/such/facts: no such file or directory',
    ],
    [
      'a missing --rules directory on evaluate',
      ['evaluate', '--hook', 'patient-view', '--bundle', BUNDLE, '--rules', '/no/rules'],
      'soleus evaluate: rules directory /no/rules: no such file or directory',
    ],
    [
      'standard input twice',
      ['evaluate', '--hook', 'order-sign', '--bundle', '-', '--draft-orders', '-'],
      'soleus evaluate: only one of --bundle and --draft-orders can read standard input (-)',
    ],
  ])('%s', async (_what, args, line) => {
    const r = await cli(args, '');
    expect(r).toEqual({ code: 2, out: '', err: `${line}\n` });
  });

  it('no command prints the usage on stderr (exit 2)', async () => {
    const r = await cli([]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('usage: soleus <command>');
  });
});

describe('- reads standard input', () => {
  it('evaluate --bundle - gives the same response as the file', async () => {
    const fromFile = await cli(['evaluate', '--hook', 'patient-view', '--bundle', BUNDLE]);
    const fromStdin = await cli(
      ['evaluate', '--hook', 'patient-view', '--bundle', '-'],
      readFileSync(BUNDLE, 'utf8'),
    );
    expect(fromStdin.code).toBe(0);
    const ids = (out: string) =>
      (JSON.parse(out) as { cards: { source: { topic?: { code: string } } }[] }).cards.map(
        (c) => c.source.topic?.code,
      );
    expect(ids(fromStdin.out)).toEqual(ids(fromFile.out));
    expect(ids(fromStdin.out)).toContain('dvt-likely-imaging');
  });

  it('a bundle on standard input that is not JSON is a one-line error', async () => {
    const r = await cli(['evaluate', '--hook', 'patient-view', '--bundle', '-'], '{"resourceType"');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /^soleus evaluate: patient bundle from standard input is not valid JSON: .+\n$/,
    );
  });

  it('dry-run - evaluates NDJSON from standard input', async () => {
    const line = JSON.stringify(JSON.parse(readFileSync(BUNDLE, 'utf8')));
    const r = await cli(
      ['dry-run', '--hook', 'patient-view', '--workers', '1', '--json', '-'],
      `${line}\n\nnot json\n${line}\n`,
    );
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as { problems: { label: string }[] };
    expect(report).toMatchObject({ inputs: 3, evaluated: 2, rejected: 1 });
    expect(report.problems.map((p) => p.label)).toEqual(['stdin:3']);
  });

  it('- without a standard input is a usage error', async () => {
    const r = await cli(['evaluate', '--hook', 'patient-view', '--bundle', '-']);
    expect(r).toEqual({
      code: 2,
      out: '',
      err: 'soleus evaluate: - (standard input) is not available here\n',
    });
  });
});

describe('outside the repository', () => {
  const elsewhere = tempDirWith({});
  const cwd = process.cwd();
  afterEach(() => process.chdir(cwd));

  it('soleus test without a directory says which directory to pass', async () => {
    process.chdir(elsewhere);
    const r = await cli(['test']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(
      /^soleus test: no vignette directory given and packages\/fhir\/test\/vignettes is not under .+: pass the folder holding your manifest\.json files \(soleus test <dir>\), or run from the Soleus repository root\n$/,
    );
  });

  it('soleus docs --check without --out says to pass --out', async () => {
    process.chdir(elsewhere);
    const r = await cli(['docs', '--check']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^soleus docs: docs\/reference\/rules is not under .+: pass --out <dir>/);
  });
});
