import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CONTENT, loadRuleSet } from '@soleus/core';
import { docsCommand } from '../src/commands/docs-command';
import { runCommand } from './support/run-command';
import { removeTempDirs, tempDirWith } from './support/temp-dir';

const VIGNETTES = join(__dirname, '..', '..', 'fhir', 'test', 'vignettes');

async function render(extra: readonly string[] = []) {
  const out = join(tempDirWith({}), 'rules');
  const r = await runCommand(docsCommand, ['--out', out, '--vignettes', VIGNETTES, ...extra]);
  return { ...r, out, read: (f: string) => readFileSync(join(out, f), 'utf8') };
}

// Each case renders every pack and reads all 480 vignette cases: about 1 s alone, but past jest's
// 5 s default on a loaded 2-core CI machine (it timed out there once while the suite ran alongside a build).
jest.setTimeout(30_000);

afterAll(removeTempDirs);

describe('soleus docs', () => {
  it('writes index.md, one page per pack and index.html, naming every rule', async () => {
    const r = await render();
    expect(r.code).toBe(0);
    const ruleSet = await loadRuleSet(DEFAULT_CONTENT);
    const index = r.read('index.md');
    const html = r.read('index.html');
    for (const rule of ruleSet.rules) {
      const d = rule.definition;
      expect({ id: d.id, inIndex: index.includes(`\`${d.id}\``) }).toEqual({
        id: d.id,
        inIndex: true,
      });
      expect(r.read(`${d.pack}.md`)).toContain(`## \`${d.id}\` — `);
      expect(html).toContain(`id="${d.id}"`);
    }
    expect(r.out.length).toBeGreaterThan(0);
  });

  it('renders conditions in words, value-set codes and vignette cases', async () => {
    const cramp = (await render()).read('cramp.md');
    expect(cramp).toContain('- cramp.potassium (mmol/L) < 3.5 mmol/L');
    expect(cramp).toContain(
      'cramp.magnesium (mmol/L) < 1.7 mg/dL (= 0.6994 mmol/L)  (at /conditions/all/1/any/2)',
    );
    expect(cramp).toContain('`https://soleus.dev/fhir/ValueSet/potassium`, via `cramp.potassium`');
    expect(cramp).toMatch(/\| http:\/\/loinc\.org \| `[0-9]+-[0-9]` \| /);
    expect(cramp).toContain(
      'K 3.4 mmol/L 2 days ago with nocturnal cramps → warning — expects fires (warning)',
    );
  });

  it('shows every rule with a firing vignette as an example card the clinician would read, filled from it', async () => {
    const r = await render();
    const ruleSet = await loadRuleSet(DEFAULT_CONTENT);
    const html = r.read('index.html');
    for (const rule of ruleSet.rules) {
      const page = r.read(`${rule.definition.pack}.md`);
      const section = page.slice(page.indexOf(`<a id="${rule.definition.id}"></a>`));
      const example = section.slice(0, section.indexOf('\n### ', section.indexOf('### Example')));
      expect({ id: rule.definition.id, example: example.includes('### Example card') }).toEqual({
        id: rule.definition.id,
        example: true,
      });
    }
    const cramp = r.read('cramp.md');
    expect(cramp).toContain('- From the vignette cramp-electrolyte/');
    expect(cramp).toMatch(/> - Potassium: 3\.4 mmol\/L \(20 Nov 2026, 2 days ago\)/);
    expect(html).toContain('Example card, as the clinician reads it');
  });

  it('writes one static HTML page with no scripts or external assets', async () => {
    const html = (await render()).read('index.html');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toMatch(/<script|<link|<img|src=|@import/i);
    expect(html).toContain('cramp.potassium (mmol/L) &lt; 3.5 mmol/L');
  });

  it('is deterministic: a second run changes nothing and --check passes', async () => {
    const first = await render();
    const again = await runCommand(docsCommand, ['--out', first.out, '--vignettes', VIGNETTES]);
    expect(again.out).toContain('unchanged');
    const check = await runCommand(docsCommand, [
      '--check',
      '--out',
      first.out,
      '--vignettes',
      VIGNETTES,
    ]);
    expect(check).toMatchObject({ code: 0 });
    expect(check.out).toContain('is up to date');
  });

  it.each([
    [
      'stale',
      (out: string) => writeFileSync(join(out, 'cramp.md'), 'edited by hand'),
      'stale   cramp.md',
    ],
    ['extra', (out: string) => writeFileSync(join(out, 'old-pack.md'), 'x'), 'extra   old-pack.md'],
    ['missing', (out: string) => rmSync(join(out, 'index.html')), 'missing index.html'],
  ])('--check exits 1 when the reference is %s', async (_what, damage, line) => {
    const { out } = await render();
    damage(out);
    const check = await runCommand(docsCommand, [
      '--check',
      '--out',
      out,
      '--vignettes',
      VIGNETTES,
    ]);
    expect(check.code).toBe(1);
    expect(check.out).toContain(line);
    expect(check.out).toContain('is stale: run `soleus docs --out');
  });

  it('escapes rule text in both outputs (a title carrying markup stays text)', async () => {
    const rules = join(tempDirWith({}), 'rules');
    cpSync(DEFAULT_CONTENT.rulesDir, rules, { recursive: true });
    const file = join(rules, 'cramp', 'cramp-heat.rule.json');
    const rule = JSON.parse(readFileSync(file, 'utf8')) as { title: string };
    writeFileSync(file, JSON.stringify({ ...rule, title: 'Heat <script>alert(1)</script> & "x"' }));
    const r = await render(['--rules', rules]);
    expect(r.code).toBe(0);
    const html = r.read('index.html');
    expect(html).toContain('Heat &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;');
    expect(html).not.toContain('<script');
    expect(r.read('cramp.md')).toContain('Heat \\<script>alert(1)\\</script> & "x"');
  });

  it('refuses a malformed rule file with its code and file (exit 2)', async () => {
    const rules = join(tempDirWith({}), 'rules');
    cpSync(DEFAULT_CONTENT.rulesDir, rules, { recursive: true });
    writeFileSync(join(rules, 'cramp', 'cramp-heat.rule.json'), '{ "id": ');
    const r = await render(['--rules', rules]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('SOLEUS_RULE_JSON: the rule catalogue in');
    expect(r.err).toContain('cramp/cramp-heat.rule.json');
  });

  it('refuses a malformed vignette manifest with file and pointer (exit 2)', async () => {
    const vignettes = tempDirWith({
      'x/manifest.json': { rule: 'x', hook: 'patient-view', now: 'n', cases: {} },
    });
    const r = await runCommand(docsCommand, [
      '--out',
      join(vignettes, 'out'),
      '--vignettes',
      vignettes,
    ]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(
      `malformed vignette manifest ${join(vignettes, 'x', 'manifest.json')} at /cases: expected a non-empty array of cases, found object`,
    );
  });
});
