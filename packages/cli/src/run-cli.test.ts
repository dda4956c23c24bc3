import { join } from 'node:path';
import { validateCdsResponse } from '@soleus/fhir';
import { runCli } from './run-cli';

const fixtures = join(__dirname, '..', '..', 'fhir', 'test', 'fixtures', 'synthea');
const NOW = '2026-11-22T09:00:00Z';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, {
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    now: () => NOW,
  });
  return { code, out, err };
}

describe('soleus CLI', () => {
  it('prints usage and exits 2 without a command, 0 with --help', async () => {
    expect((await run([])).code).toBe(2);
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('evaluate');
  });

  it('rejects an unknown command with exit 2 and the list of commands', async () => {
    const r = await run(['deploy']);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      'soleus: unknown command "deploy"; expected one of evaluate, validate, test, docs, dry-run, rxnorm\n',
    );
  });

  it.each([
    [
      ['evaluate', '--bundle', 'x.json'],
      '--hook is required: one of patient-view, order-select, order-sign',
    ],
    [['evaluate', '--hook', 'patient-view'], '--bundle <patient.json> is required'],
    [
      ['evaluate', '--hook', 'patient-view', '--bundle', '/nonexistent/p.json'],
      'cannot read patient bundle /nonexistent/p.json: no such file or directory',
    ],
    [
      ['evaluate', '--hook', 'patient-view', '--bundle', join(fixtures, 'README.md')],
      'is not valid JSON',
    ],
    [
      [
        'evaluate',
        '--hook',
        'patient-view',
        '--bundle',
        join(fixtures, 'README.md'),
        '--now',
        'yesterday',
      ],
      '--now must be an ISO 8601 instant, found "yesterday"',
    ],
    [
      ['evaluate', '--hook', 'patient-view', '--bogus'],
      'unknown option --bogus (soleus evaluate --help lists the options)',
    ],
  ])('evaluate %j exits 2 with a clear message', async (args, message) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(r.out).toBe('');
  });

  it('exits 2 when the bundle is JSON but not a FHIR Bundle', async () => {
    const r = await run([
      'evaluate',
      '--hook',
      'patient-view',
      '--bundle',
      join(__dirname, '..', 'package.json'),
    ]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('SOLEUS_FHIR_NOT_A_BUNDLE: bundle.resourceType: expected "Bundle"');
  });

  it('evaluates a real third-party bundle and prints a CDS Hooks response', async () => {
    const r = await run([
      'evaluate',
      '--hook',
      'patient-view',
      '--bundle',
      join(fixtures, 'ahrq-pain-r4_brenda_jackson.json'),
      '--now',
      NOW,
    ]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const response = JSON.parse(r.out) as { cards: unknown[]; extension?: unknown };
    expect(Array.isArray(response.cards)).toBe(true);
    expect(validateCdsResponse(response)).toEqual([]);
    expect(response.extension).toBeUndefined();
  });

  it('--explain adds the rule trace under response.extension', async () => {
    const r = await run([
      'evaluate',
      '--hook',
      'patient-view',
      '--bundle',
      join(fixtures, 'ahrq-pain-r4_brenda_jackson.json'),
      '--now',
      NOW,
      '--explain',
    ]);
    expect(r.code).toBe(0);
    const response = JSON.parse(r.out) as {
      extension: Record<string, { now: string; rules: { id: string }[] }>;
    };
    const trace = response.extension['dev.soleus.explanation'];
    expect(trace?.now).toBe('2026-11-22T09:00:00.000Z');
    expect(trace?.rules.map((rule) => rule.id)).toContain('data-quality');
  });

  it('validate passes on the bundled rule packs and fails (exit 1) on a broken pack, naming code and pointer', async () => {
    const ok = await run(['validate']);
    expect(ok.err).toBe('');
    expect(ok.code).toBe(0);
    const broken = join(
      __dirname,
      '..',
      '..',
      'core',
      'test',
      'fixtures',
      'invalid-rules',
      'SOLEUS_RULE_UNKNOWN_FACT',
    );
    const bad = await run([
      'validate',
      join(broken, 'rules'),
      '--facts',
      join(broken, 'facts'),
      '--valuesets',
      join(broken, 'valuesets'),
    ]);
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/error SOLEUS_RULE_UNKNOWN_FACT \S+\.rule\.json#\/conditions/);
  });
});
