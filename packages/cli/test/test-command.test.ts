import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { DEFAULT_CONTENT } from '@soleus/core';
import { join } from 'node:path';
import { testCommand } from '../src/commands/test-command';
import { runCommand } from './support/run-command';
import { removeTempDirs, tempDirWith } from './support/temp-dir';

const VIGNETTES = join(__dirname, '..', '..', 'fhir', 'test', 'vignettes');
/** Evaluating a whole manifest loads the rule set once per case: allow for a busy machine. */
const SLOW = 120_000;
const K_BUNDLE = JSON.parse(
  readFileSync(join(VIGNETTES, 'cramp-electrolyte', 'k-3.4.bundle.json'), 'utf8'),
) as unknown;

const K35_BUNDLE = JSON.parse(
  readFileSync(join(VIGNETTES, 'cramp-electrolyte', 'k-3.5.bundle.json'), 'utf8'),
) as unknown;

/** A manifest whose first case is under test, plus a firing and a silent anchor (coverage rule). */
function manifest(expect: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return {
    rule: 'cramp-electrolyte',
    hook: 'patient-view',
    now: '2026-11-22T09:00:00Z',
    cases: [
      { desc: 'K 3.4', bundle: 'k.bundle.json', expect, ...extra },
      {
        desc: 'anchor K 3.4 fires',
        bundle: 'k.bundle.json',
        expect: { fires: true, indicator: 'warning' },
      },
      { desc: 'anchor K 3.5 silent', bundle: 'k35.bundle.json', expect: { fires: false } },
    ],
  };
}

afterAll(removeTempDirs);

describe('soleus test', () => {
  it(
    'passes a shipped vignette folder (exit 0) and prints PASS per case',
    async () => {
      const r = await runCommand(testCommand, [join(VIGNETTES, 'cramp-electrolyte')]);
      expect(r.code).toBe(0);
      expect(r.out).toContain('PASS K 3.4 mmol/L 2 days ago with nocturnal cramps → warning');
      expect(r.out).toMatch(/\n(\d+) passed, 0 failed, 0 bad input \(1 manifest\(s\)\)\n$/);
    },
    SLOW,
  );

  it.each([
    [
      'fires',
      { fires: false },
      [
        'fires',
        'expected: cramp-electrolyte silent',
        'actual:   cramp-electrolyte fires; cards [cramp-electrolyte',
      ],
    ],
    [
      'indicator',
      { indicator: 'critical' },
      ['indicator', 'expected: critical', 'actual:   warning'],
    ],
    [
      'mustNot',
      { mustNot: ['cramp-electrolyte'] },
      ['mustNot', 'expected: none of [cramp-electrolyte]'],
    ],
    ['alsoFires', { alsoFires: ['pe-emergency'] }, ['alsoFires', 'expected: also [pe-emergency]']],
    [
      'exact',
      { fires: false, exact: true },
      ['exact', 'expected: only []', 'actual:   also [cramp-electrolyte]'],
    ],
    [
      'summaryIncludes',
      { summaryIncludes: 'no such words' },
      ['summaryIncludes', 'expected: contains "no such words"'],
    ],
    [
      'detailIncludes',
      { detailIncludes: 'no such words' },
      ['detailIncludes', 'expected: contains "no such words"'],
    ],
    [
      'detailExcludes',
      { fires: true, indicator: 'warning', detailExcludes: ['Hyponatraemia', '**Hypokalaemia**'] },
      ['detailExcludes', 'expected: does not contain "**Hypokalaemia**"'],
    ],
  ])(
    'reports an unmet %s expectation as FAIL with expected and actual (exit 1)',
    async (_what, exp, lines) => {
      const dir = tempDirWith({
        'case/manifest.json': manifest(exp),
        'case/k.bundle.json': K_BUNDLE,
        'case/k35.bundle.json': K35_BUNDLE,
      });
      const r = await runCommand(testCommand, [dir]);
      expect(r.code).toBe(1);
      expect(r.out).toContain('FAIL K 3.4');
      for (const line of lines) {
        expect(r.out).toContain(line);
      }
      expect(r.out).toContain('2 passed, 1 failed, 0 bad input');
    },
  );

  it.each([
    ['not an object', [], '/: expected an object, found an empty array'],
    [
      'no rule',
      { ...manifest({}), rule: undefined },
      '/rule: expected a non-empty string, found nothing',
    ],
    [
      'no cases',
      { ...manifest({}), cases: [] },
      '/cases: expected a non-empty array of cases, found an empty array',
    ],
    [
      'fires not boolean',
      manifest({ fires: 'yes' }),
      '/cases/0/expect/fires: expected true or false, found string "yes"',
    ],
    [
      'mustNot not strings',
      manifest({ mustNot: [1] }),
      '/cases/0/expect/mustNot: expected an array of strings, found an array',
    ],
    [
      'a firing case without its indicator',
      manifest({ fires: true }),
      "/cases/0/expect/indicator: expected the indicator of the rule's card (every firing case checks it), found nothing",
    ],
    [
      'detailExcludes not strings',
      manifest({ fires: true, indicator: 'warning', detailExcludes: 'Hypokalaemia' }),
      '/cases/0/expect/detailExcludes: expected an array of strings, found string "Hypokalaemia"',
    ],
    [
      'detailExcludes with an empty text',
      manifest({ fires: true, indicator: 'warning', detailExcludes: [''] }),
      '/cases/0/expect/detailExcludes: expected a non-empty array of non-empty texts, found an array',
    ],
    [
      'detailExcludes on a silent case',
      manifest({ fires: false, detailExcludes: ['Hypokalaemia'] }),
      '/cases/0/expect/fires: expected true on a case with detailExcludes, found boolean',
    ],
    [
      'exact not boolean',
      manifest({ exact: 'no' }),
      '/cases/0/expect/exact: expected true or false, found string "no"',
    ],
    [
      'alsoFires entry without its indicator',
      manifest({ alsoFires: [{ card: 'pe-emergency' }] }),
      '/cases/0/expect/alsoFires/0/indicator: expected a non-empty string, found nothing',
    ],
    [
      'selections not array',
      manifest({}, { selections: 'a' }),
      '/cases/0/selections: expected an array of strings, found string "a"',
    ],
  ])(
    'rejects a malformed manifest (%s) naming file and pointer (exit 2)',
    async (_name, json, message) => {
      const dir = tempDirWith({
        'bad/manifest.json': json,
        'bad/k.bundle.json': K_BUNDLE,
        'bad/k35.bundle.json': K35_BUNDLE,
      });
      const r = await runCommand(testCommand, [dir]);
      expect(r.code).toBe(2);
      expect(r.out).toContain(
        `ERROR malformed vignette manifest ${join(dir, 'bad', 'manifest.json')} at ${message}`,
      );
      expect(r.out).toContain('0 passed, 0 failed, 1 bad input');
    },
  );

  it.each([
    [true, 'FAIL coverage: no case expects the rule silent'],
    [false, 'FAIL coverage: no case expects the rule to fire'],
  ])('fails a manifest whose cases all expect fires=%s (exit 1)', async (fires, line) => {
    const one = {
      ...manifest({}),
      cases: [
        {
          desc: 'only',
          bundle: fires ? 'k.bundle.json' : 'k35.bundle.json',
          expect: fires ? { fires, indicator: 'warning' } : { fires },
        },
      ],
    };
    const dir = tempDirWith({
      'case/manifest.json': one,
      'case/k.bundle.json': K_BUNDLE,
      'case/k35.bundle.json': K35_BUNDLE,
    });
    const r = await runCommand(testCommand, [dir]);
    expect(r.code).toBe(1);
    expect(r.out).toContain(line);
    expect(r.out).toContain('1 passed, 1 failed, 0 bad input');
  });

  it('reports a manifest that is not JSON with its file (exit 2)', async () => {
    const dir = tempDirWith({ 'bad/manifest.json': '{ "rule": ' });
    const r = await runCommand(testCommand, [dir]);
    expect(r.code).toBe(2);
    expect(r.out).toContain(
      `ERROR vignette manifest ${join(dir, 'bad', 'manifest.json')} is not valid JSON`,
    );
  });

  it.each([
    [
      'a Patient',
      { resourceType: 'Patient', id: 'p' },
      'SOLEUS_FHIR_NOT_A_BUNDLE: bundle.resourceType: expected "Bundle", found "Patient"',
    ],
    [
      'an array',
      [],
      'SOLEUS_FHIR_NOT_A_BUNDLE: bundle: expected a FHIR R4 Bundle object, found an array',
    ],
  ])(
    'reports a bundle that is %s as ERROR with SOLEUS_FHIR_NOT_A_BUNDLE (exit 2)',
    async (_n, bundle, message) => {
      const dir = tempDirWith({
        'case/manifest.json': manifest({ fires: true, indicator: 'warning' }),
        'case/k.bundle.json': bundle,
      });
      const r = await runCommand(testCommand, [dir]);
      expect(r.code).toBe(2);
      expect(r.out).toContain('ERROR K 3.4');
      expect(r.out).toContain(`soleus evaluate: ${message}`);
    },
  );

  it(
    'evaluates with a working copy of the rules given by --rules (a lowered threshold fails the case)',
    async () => {
      const rules = join(tempDirWith({}), 'rules');
      cpSync(DEFAULT_CONTENT.rulesDir, rules, { recursive: true });
      const file = join(rules, 'cramp', 'cramp-electrolyte.rule.json');
      const text = readFileSync(file, 'utf8');
      expect(text).toContain('"value": 3.5,');
      writeFileSync(file, text.replace('"value": 3.5,', '"value": 3.3,'));
      const dir = tempDirWith({
        'case/manifest.json': manifest({ fires: true, indicator: 'warning' }),
        'case/k.bundle.json': K_BUNDLE,
        'case/k35.bundle.json': K35_BUNDLE,
      });
      const r = await runCommand(testCommand, [dir, '--rules', rules]);
      expect(r.code).toBe(1);
      expect(r.out).toContain('expected: cramp-electrolyte fires');
      expect((await runCommand(testCommand, [dir])).code).toBe(0);
    },
    SLOW,
  );

  it.each([
    [['/no/such/dir'], 'vignette directory /no/such/dir does not exist or is not a directory'],
    [['a', 'b'], 'expected at most one vignette directory, found 2'],
    [['--bogus'], 'unknown option --bogus (soleus test --help lists the options)'],
    [['--qiet'], 'unknown option --qiet; did you mean --quiet?'],
  ])('refuses bad arguments %j (exit 2)', async (args, message) => {
    const r = await runCommand(testCommand, args);
    expect(r).toMatchObject({ code: 2 });
    expect(r.err).toContain(message);
  });

  it('finds no manifest in an empty tree (exit 2)', async () => {
    const dir = tempDirWith({ 'x/readme.txt': 'nothing' });
    const r = await runCommand(testCommand, [dir]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`no manifest.json found in ${dir} or below it`);
  });
});
