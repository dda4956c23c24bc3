/**
 * Site packs at the loader level: an extra pack directory brings rules, facts, value sets and a
 * mechanism module; a site mechanism that throws or answers without a value gives an unknown fact
 * and an operator issue; pack locations resolve as directories or installed npm packages.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_CONTENT, loadRuleSetSync, resolvePackDirs, SoleusError } from '../src/index';
import { fakeMechanismContext } from './support/fake-mechanism-context';

const SITE_PACK = join(__dirname, '..', '..', '..', 'examples', 'site-pack');
const work = mkdtempSync(join(tmpdir(), 'soleus-site-packs-'));

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A copy of the example pack whose mechanism module is replaced by `source`. */
function packWithMechanism(name: string, source: string): string {
  const dir = join(work, name);
  cpSync(SITE_PACK, dir, { recursive: true });
  writeFileSync(join(dir, 'mechanisms', 'body-mass-index.cjs'), source);
  return dir;
}

describe('an extra pack directory', () => {
  const ruleSet = loadRuleSetSync({ ...DEFAULT_CONTENT, packDirs: [SITE_PACK] });

  it('adds its pack, rules, facts, value set and mechanism to the shipped ones', () => {
    expect(ruleSet.contentVersion).toMatch(/\+site-bmi@1\.0\.0$/);
    expect(ruleSet.rulesById.get('site-bmi-weight-check')?.path).toBe(
      join(SITE_PACK, 'site-bmi-weight-check.rule.json'),
    );
    expect(ruleSet.facts.get('site.bmi')?.unit).toBe('kg/m2');
    expect(
      ruleSet.terminology.contains('https://example.org/fhir/ValueSet/site-body-height', {
        system: 'http://loinc.org',
        code: '8302-2',
      }),
    ).toBe(true);
    expect(ruleSet.mechanisms.has('bodyMassIndex')).toBe(true);
    expect(ruleSet.mechanisms.has('renalClearance')).toBe(true);
  });

  it('runs its mechanism over facts alone (no FHIR)', () => {
    const bmi = ruleSet.mechanisms.get('bodyMassIndex');
    const params = { pack: 'site-bmi', weightFact: 'w', heightFact: 'h' };
    const ctx = fakeMechanismContext(
      { w: 81, h: 180 },
      { 'site-bmi': ruleSet.packs.get('site-bmi')?.parameters },
    );
    expect(bmi?.compute(params, ctx).value).toBeCloseTo(25, 9);
  });
});

describe('a site mechanism at run time', () => {
  it.each([
    ['throws', 'compute() { throw new Error("boom"); }', 'threw Error'],
    ['answers without a value', 'compute() { return 42; }', 'returned no { value }'],
  ])('that %s gives an unknown fact and an operator issue', (name, body, why) => {
    const dir = packWithMechanism(
      name.replace(/\W/g, '-'),
      `module.exports = { mechanisms: { bodyMassIndex: { ${body} } } };`,
    );
    const ruleSet = loadRuleSetSync({ ...DEFAULT_CONTENT, packDirs: [dir] });
    const ctx = fakeMechanismContext({}, {});
    expect(ruleSet.mechanisms.get('bodyMassIndex')?.compute({}, ctx)).toEqual({ value: null });
    expect(ctx.issues.list()).toEqual([
      expect.objectContaining({
        code: 'SOLEUS_PACK_MECHANISM',
        audience: 'operator',
        message: expect.stringContaining(why),
      }),
    ]);
  });

  it('a module exporting no mechanisms fails the load', () => {
    const dir = packWithMechanism('empty-module', 'module.exports = {};');
    expect(() => loadRuleSetSync({ ...DEFAULT_CONTENT, packDirs: [dir] })).toThrow(SoleusError);
  });
});

describe('resolvePackDirs', () => {
  it('resolves a directory relative to cwd and an installed npm package by name', () => {
    cpSync(SITE_PACK, join(work, 'site-pack'), { recursive: true });
    const modules = join(work, 'app', 'node_modules', '@hospital', 'soleus-pack');
    mkdirSync(modules, { recursive: true });
    writeFileSync(join(modules, 'package.json'), '{"name":"@hospital/soleus-pack"}');
    writeFileSync(join(modules, 'pack.json'), readFileSync(join(SITE_PACK, 'pack.json')));
    expect(resolvePackDirs(['../site-pack', '@hospital/soleus-pack'], join(work, 'app'))).toEqual([
      join(work, 'site-pack'),
      modules,
    ]);
  });

  it('names a location that is neither', () => {
    expect(() => resolvePackDirs(['@hospital/absent'], work)).toThrow(
      /SOLEUS_PACK_NOT_FOUND|@hospital\/absent/,
    );
  });
});
