import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { dryRunCommand } from '../src/commands/dry-run-command';
import { runCommand } from './support/run-command';
import { removeTempDirs, tempDirWith } from './support/temp-dir';

const SYNTHEA = join(__dirname, '..', '..', 'fhir', 'test', 'fixtures', 'synthea');
const NOW = '2026-11-22T09:00:00Z';
const BUNDLES = readdirSync(SYNTHEA).filter((f) => f.endsWith('.json'));

interface Report {
  readonly inputs: number;
  readonly evaluated: number;
  readonly rejected: number;
  readonly failed: number;
  readonly withAnyCard: number;
  readonly workers: number;
  readonly cards: Record<string, { patients: number; indicators: Record<string, number> }>;
  readonly issues: Record<string, { total: number; patients: number }>;
  readonly problems: readonly { label: string; reason: string }[];
}

async function dryRun(population: string, extra: readonly string[] = []) {
  const r = await runCommand(dryRunCommand, [
    '--hook',
    'patient-view',
    '--now',
    NOW,
    population,
    ...extra,
  ]);
  return { ...r, json: () => JSON.parse(r.out) as Report };
}

function expectCountsAddUp(report: Report): void {
  expect(report.evaluated + report.rejected + report.failed).toBe(report.inputs);
  for (const [id, card] of Object.entries(report.cards)) {
    const mix = Object.values(card.indicators).reduce((a, b) => a + b, 0);
    expect({ id, mix, atMostEvaluated: card.patients <= report.evaluated }).toEqual({
      id,
      mix: card.patients,
      atMostEvaluated: true,
    });
  }
  expect(report.withAnyCard).toBeLessThanOrEqual(report.evaluated);
  for (const issue of Object.values(report.issues)) {
    expect(issue.patients).toBeLessThanOrEqual(issue.total);
  }
}

afterAll(removeTempDirs);

describe('soleus dry-run', () => {
  it('evaluates the Synthea fixtures on 2 workers with counts that add up, the same as in-process', async () => {
    const pooled = await dryRun(SYNTHEA, ['--workers', '2', '--json']);
    expect(pooled).toMatchObject({ code: 0, err: '' });
    const report = pooled.json();
    expect(report).toMatchObject({ inputs: BUNDLES.length, evaluated: BUNDLES.length, workers: 2 });
    expectCountsAddUp(report);
    const inline = (await dryRun(SYNTHEA, ['--workers', '1', '--json'])).json();
    expect({ ...inline, workers: 2 }).toEqual(report);
  }, 120_000);

  it('prints a readable report with rate per 1,000 and issue totals', async () => {
    const r = await dryRun(SYNTHEA, ['--workers', '1']);
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      `inputs: ${BUNDLES.length}; evaluated: ${BUNDLES.length}; rejected: 0; failed: 0`,
    );
    expect(r.out).toMatch(/card\s+patients\s+per 1,000\s+critical\s+warning\s+info/);
    expect(r.out).toMatch(/data-quality issue\s+total\s+patients/);
  }, 120_000);

  it('counts and lists inputs that are not JSON or not FHIR bundles, and never crashes', async () => {
    const good = readFileSync(join(SYNTHEA, BUNDLES[0] ?? ''), 'utf8');
    const dir = tempDirWith({
      'a-good.json': good,
      'b-patient.json': { resourceType: 'Patient', id: 'p1' },
      'c-broken.json': '{ "resourceType": ',
      'd-array.json': [],
      'notes.txt': 'ignored: not .json',
    });
    const r = await dryRun(dir, ['--workers', '2', '--json']);
    expect(r.code).toBe(0);
    const report = r.json();
    expect(report).toMatchObject({ inputs: 4, evaluated: 1, rejected: 3, failed: 0 });
    expectCountsAddUp(report);
    expect(report.problems).toEqual([
      {
        label: 'b-patient.json',
        reason: 'SOLEUS_FHIR_NOT_A_BUNDLE: bundle.resourceType: expected "Bundle", found "Patient"',
      },
      { label: 'c-broken.json', reason: 'not JSON' },
      {
        label: 'd-array.json',
        reason:
          'SOLEUS_FHIR_NOT_A_BUNDLE: bundle: expected a FHIR R4 Bundle object, found an array',
      },
    ]);
  }, 120_000);

  it('reads one bundle per line of an .ndjson file, labelling bad lines by line number', async () => {
    const good = JSON.stringify(JSON.parse(readFileSync(join(SYNTHEA, BUNDLES[0] ?? ''), 'utf8')));
    const dir = tempDirWith({
      'p.ndjson': `${good}\n\n{"resourceType":"Observation"}\nnot json\n${good}\n`,
    });
    const report = (await dryRun(join(dir, 'p.ndjson'), ['--workers', '1', '--json'])).json();
    expect(report).toMatchObject({ inputs: 4, evaluated: 2, rejected: 2 });
    expect(report.problems.map((p) => p.label)).toEqual(['p.ndjson:3', 'p.ndjson:4']);
  }, 120_000);

  it('draws a progress bar on stderr with --progress', async () => {
    const r = await dryRun(SYNTHEA, ['--workers', '1', '--progress', '--json']);
    expect(r.err).toContain(`] ${BUNDLES.length}/${BUNDLES.length} 100%`);
    expect(r.err.endsWith('\n')).toBe(true);
  }, 120_000);

  it.each([
    [['--now', NOW, SYNTHEA], '--hook is required: one of patient-view, order-select, order-sign'],
    [
      ['--hook', 'patient-view', '--now', 'yesterday', SYNTHEA],
      '--now must be an ISO 8601 instant, found "yesterday"',
    ],
    [
      ['--hook', 'patient-view', '--now', NOW, '--workers', '0', SYNTHEA],
      '--workers must be a whole number ≥ 1, found "0"',
    ],
    [
      ['--hook', 'patient-view', '--now', NOW],
      'expected one population (a folder or an .ndjson file), found 0',
    ],
    [
      ['--hook', 'patient-view', '--now', NOW, '/no/such/place'],
      'population /no/such/place does not exist',
    ],
    [
      ['--hook', 'patient-view', '--now', NOW, join(SYNTHEA, 'README.md')],
      'population must be a folder of bundles or an .ndjson file, found README.md',
    ],
  ])('refuses %j (exit 2)', async (args, message) => {
    const r = await runCommand(dryRunCommand, args);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
  });

  it('refuses a malformed rule file with its code and file (exit 2)', async () => {
    const rules = tempDirWith({
      'x/pack.json': { id: 'x', title: 'x', version: '1.0.0', order: 1 },
      'x/bad.rule.json': '{',
    });
    const r = await dryRun(SYNTHEA, ['--rules', rules]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('SOLEUS_RULE_JSON: the rule catalogue in');
    expect(r.err).toContain('x/bad.rule.json');
  });
});
