/**
 * `soleus rxnorm import <dir>` builds a site index from RRF files, and `--rxnorm-index` makes evaluate
 * and dry-run use it: a product missing from the shipped (oral-only) index is then identified by its
 * code. Uses the RRF fixture of packages/fhir/test/fixtures/rxnorm/rrf.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dryRunCommand } from '../src/commands/dry-run-command';
import { evaluateCommand } from '../src/commands/evaluate-command';
import { rxnormCommand } from '../src/commands/rxnorm-command';
import { runCommand } from './support/run-command';
import { removeTempDirs, tempDirWith } from './support/temp-dir';

const RELEASE = join(__dirname, '..', '..', 'fhir', 'test', 'fixtures', 'rxnorm', 'rrf');
const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';

afterAll(removeTempDirs);

/** A patient on furosemide 10 mg/mL injection coded by RxCUI only (not in the shipped oral index). */
function furosemidePatient(dir: string): string {
  const bundle = {
    resourceType: 'Bundle',
    type: 'collection',
    entry: [
      {
        resource: { resourceType: 'Patient', id: 'p1', birthDate: '1950-01-01', gender: 'female' },
      },
      {
        resource: {
          resourceType: 'MedicationRequest',
          id: 'furo-1',
          status: 'active',
          intent: 'order',
          subject: { reference: 'Patient/p1' },
          medicationCodeableConcept: { coding: [{ system: RXNORM, code: '1719286' }] },
        },
      },
    ],
  };
  const file = join(dir, 'patient.json');
  writeFileSync(file, JSON.stringify(bundle));
  return file;
}

describe('soleus rxnorm import', () => {
  it('writes an index from the release files and says what it holds', async () => {
    const dir = tempDirWith({});
    const out = join(dir, 'site-index.json');
    const r = await runCommand(rxnormCommand, ['import', RELEASE, '--out', out]);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toMatch(/^wrote .*site-index\.json: \d+ products of interest, \d+ out of scope/);
    const index = JSON.parse(readFileSync(out, 'utf8')) as { products: { rxcui: string }[] };
    expect(index.products.map((p) => p.rxcui)).toEqual(
      expect.arrayContaining(['198440', '857002', '1719286']),
    );
  });

  it.each([
    [[], /expected `rxnorm import <release-dir>`/],
    [['export', RELEASE], /expected `rxnorm import <release-dir>`/],
    [
      ['import', '/no/such/release'],
      /SOLEUS_RXNORM_INDEX: \/no\/such\/release: expected the RxNorm release files/,
    ],
  ])('%j is a usage error (exit 2)', async (args, message) => {
    const r = await runCommand(rxnormCommand, args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });
});

describe('--rxnorm-index', () => {
  it('makes soleus evaluate identify a product by its code that the shipped index does not hold', async () => {
    const dir = tempDirWith({});
    const index = join(dir, 'site-index.json');
    await runCommand(rxnormCommand, ['import', RELEASE, '--out', index]);
    const patient = furosemidePatient(dir);
    const args = [
      '--hook',
      'patient-view',
      '--bundle',
      patient,
      '--now',
      '2026-11-22T09:00:00Z',
      '--explain',
    ];
    const shipped = await runCommand(evaluateCommand, args);
    const site = await runCommand(evaluateCommand, [...args, '--rxnorm-index', index]);
    expect(shipped.code).toBe(0);
    expect(site.code).toBe(0);
    const issues = (out: string) =>
      JSON.stringify((JSON.parse(out) as { extension?: unknown }).extension ?? {});
    expect(issues(shipped.out)).toContain('SOLEUS_FHIR_UNMAPPED_MEDICATION');
    expect(issues(site.out)).not.toContain('SOLEUS_FHIR_UNMAPPED_MEDICATION');
  });

  it('refuses a file that is not a medication index (exit 2)', async () => {
    const dir = tempDirWith({ 'bad.json': { hello: 'world' } });
    const r = await runCommand(evaluateCommand, [
      '--hook',
      'patient-view',
      '--bundle',
      furosemidePatient(dir),
      '--rxnorm-index',
      join(dir, 'bad.json'),
    ]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/SOLEUS_RXNORM_INDEX: .*bad\.json#: expected a medication index/);
  });

  it('counts an unidentified product outside every rule in dry-run, apart from what clinicians see', async () => {
    const population = tempDirWith({});
    furosemidePatient(population);
    const r = await runCommand(dryRunCommand, [
      '--hook',
      'patient-view',
      '--workers',
      '1',
      population,
    ]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/SOLEUS_FHIR_UNMAPPED_MEDICATION \(counted only\) +1 +1/);
    const index = join(tempDirWith({}), 'site-index.json');
    await runCommand(rxnormCommand, ['import', RELEASE, '--out', index]);
    const withIndex = await runCommand(dryRunCommand, [
      '--hook',
      'patient-view',
      '--workers',
      '2',
      '--rxnorm-index',
      index,
      population,
    ]);
    expect(withIndex.code).toBe(0);
    expect(withIndex.out).not.toContain('SOLEUS_FHIR_UNMAPPED_MEDICATION');
  }, 60_000);
});
