/**
 * The example site pack (examples/site-pack: its own value set, facts, one mechanism, an active and a
 * draft rule) loaded by the CLI on top of the shipped packs, without touching packages/; and the
 * load-time checks a pack gets (issue 19 points 4 and 5).
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CONTENT } from '@soleus/core';
import { docsCommand } from '../src/commands/docs-command';
import { dryRunCommand } from '../src/commands/dry-run-command';
import { testCommand } from '../src/commands/test-command';
import { validateCommand } from '../src/commands/validate-command';
import { runCommand } from './support/run-command';
import { removeTempDirs, tempDirWith } from './support/temp-dir';

const SITE_PACK = join(__dirname, '..', '..', '..', 'examples', 'site-pack');
const VIGNETTES = join(SITE_PACK, 'vignettes');

afterAll(removeTempDirs);

/** A writable copy of the example pack, edited by `edit` (path → new text). */
function editedPackCopy(edit: (read: (file: string) => string) => Record<string, string>): string {
  const dir = join(tempDirWith({}), 'site-pack');
  cpSync(SITE_PACK, dir, { recursive: true });
  const read = (file: string) => readFileSync(join(dir, file), 'utf8');
  for (const [file, text] of Object.entries(edit(read))) {
    writeFileSync(join(dir, file), text);
  }
  return dir;
}

describe('soleus validate --pack', () => {
  it('accepts the example site pack on top of the shipped packs', async () => {
    const r = await runCommand(validateCommand, ['--pack', SITE_PACK]);
    expect({ code: r.code, out: r.out }).toEqual({
      code: 0,
      out: `ok: rule packs in ${DEFAULT_CONTENT.rulesDir} and ${SITE_PACK} are valid\n`,
    });
  });

  it('fails on a typo in a site pack parameter, naming the pack.json pointer (not at the first request)', async () => {
    const dir = editedPackCopy((read) => ({
      'pack.json': read('pack.json').replace('"minHeightCm"', '"minHeightCM"'),
    }));
    const r = await runCommand(validateCommand, ['--pack', dir]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('SOLEUS_FACT_PARAMETER');
    expect(r.out).toContain('site-bmi/pack.json#/parameters/bodyMassIndex/minHeightCm');
  });

  it('fails on a typo in a shipped pack parameter read by a core mechanism (Cockcroft-Gault)', async () => {
    const rules = join(tempDirWith({}), 'rules');
    cpSync(DEFAULT_CONTENT.rulesDir, rules, { recursive: true });
    const packFile = join(rules, 'analgesic', 'pack.json');
    writeFileSync(
      packFile,
      readFileSync(packFile, 'utf8').replace('"ageConstant"', '"ageConstnt"'),
    );
    const r = await runCommand(validateCommand, [rules]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(
      /SOLEUS_FACT_PARAMETER .*analgesic\/pack\.json#\/parameters\/cockcroftGault\/ageConstant/,
    );
  });

  it('fails on a derived fact naming a mechanism nobody registered', async () => {
    const dir = editedPackCopy((read) => ({
      'facts/site-bmi.facts.json': read('facts/site-bmi.facts.json').replace(
        '"derivation": "bodyMassIndex"',
        '"derivation": "bodyMasIndex"',
      ),
    }));
    const r = await runCommand(validateCommand, ['--pack', dir]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('unknown derivation "bodyMasIndex"');
  });

  it.each([
    [
      'a module outside the pack directory',
      '"mechanisms/body-mass-index.cjs"',
      '"../x.cjs"',
      'expected a .cjs file inside the pack directory',
    ],
    [
      'a module that does not exist',
      '"mechanisms/body-mass-index.cjs"',
      '"mechanisms/nope.cjs"',
      'expected a .cjs file inside the pack directory',
    ],
  ])('refuses %s', async (_what, from, to, message) => {
    const dir = editedPackCopy((read) => ({ 'pack.json': read('pack.json').replace(from, to) }));
    const r = await runCommand(validateCommand, ['--pack', dir]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('SOLEUS_PACK_MECHANISM');
    expect(r.out).toContain(message);
  });

  it('refuses a site mechanism that reuses a shipped mechanism name', async () => {
    const dir = editedPackCopy((read) => ({
      'mechanisms/body-mass-index.cjs': read('mechanisms/body-mass-index.cjs').replace(
        'module.exports = { mechanisms: { bodyMassIndex } };',
        'module.exports = { mechanisms: { bodyMassIndex, renalClearance: bodyMassIndex } };',
      ),
    }));
    const r = await runCommand(validateCommand, ['--pack', dir]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('mechanism "renalClearance" is already registered');
  });

  it('says which pack location does not resolve (exit 2)', async () => {
    const r = await runCommand(validateCommand, ['--pack', 'no-such-site-pack']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('SOLEUS_PACK_NOT_FOUND');
  });
});

describe('soleus test --pack', () => {
  it("passes the site pack's own vignettes, its mechanism computing the body-mass index", async () => {
    const r = await runCommand(testCommand, [VIGNETTES, '--pack', SITE_PACK]);
    expect(r.out).toContain('4 passed, 0 failed, 0 bad input');
    expect(r.code).toBe(0);
  });

  it('fails them without the pack (the rule does not exist in the shipped content)', async () => {
    const r = await runCommand(testCommand, [VIGNETTES]);
    expect(r.code).not.toBe(0);
  });
});

describe('soleus dry-run --pack [--include-drafts]', () => {
  async function cards(extra: readonly string[]): Promise<Record<string, { patients: number }>> {
    const r = await runCommand(dryRunCommand, [
      '--hook',
      'patient-view',
      '--now',
      '2026-11-22T09:00:00Z',
      '--workers',
      '1',
      '--json',
      '--pack',
      SITE_PACK,
      VIGNETTES,
      ...extra,
    ]);
    expect(r.code).toBe(0);
    return (JSON.parse(r.out) as { cards: Record<string, { patients: number }> }).cards;
  }

  it('counts the site rule; the draft rule only with --include-drafts', async () => {
    const active = await cards([]);
    expect(active['site-bmi-weight-check']?.patients).toBe(1);
    expect(active['site-bmi-review']).toBeUndefined();
    const withDrafts = await cards(['--include-drafts']);
    expect(withDrafts['site-bmi-weight-check']?.patients).toBe(1);
    // BMI 42.4 and 35.9 reach the draft's 35 threshold; the unknown BMIs never do.
    expect(withDrafts['site-bmi-review']?.patients).toBe(2);
  });
});

describe('soleus docs --pack', () => {
  it("renders the site pack's page beside the shipped packs", async () => {
    const out = join(tempDirWith({}), 'rules');
    const r = await runCommand(docsCommand, [
      '--pack',
      SITE_PACK,
      // Vignette folders are looked up one per rule under --vignettes: the pack's own is `vignettes/`.
      '--vignettes',
      SITE_PACK,
      '--out',
      out,
    ]);
    expect(r.code).toBe(0);
    const page = readFileSync(join(out, 'site-bmi.md'), 'utf8');
    expect(page).toContain('site-bmi-weight-check');
    expect(page).toContain('Body-mass index 40 or more');
    // The example card is evaluated through the site mechanism.
    expect(page).toContain('> Body-mass index 42.449 kg/m²');
    expect(readFileSync(join(out, 'index.md'), 'utf8')).toContain('site-bmi');
  }, 60_000);
});
