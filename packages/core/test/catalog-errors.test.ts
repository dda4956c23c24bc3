/**
 * One broken catalogue per error code under fixtures/invalid-rules/<CODE>[.<variant>]/ (each with its
 * own rules/, facts/ and valuesets/), asserting code, file and JSON Pointer of every issue.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadRuleSet, loadRuleSetSync, validateRuleSet } from '../src/catalog/load-rule-set';
import { validateRulePack } from '../src/catalog/validate-rule-pack';
import { SoleusError, type Issue } from '../src/errors';

const FIXTURES = join(__dirname, 'fixtures', 'invalid-rules');

function dirsOf(name: string): { rulesDir: string; factsDir: string; valueSetsDir: string } {
  const root = join(FIXTURES, name);
  return {
    rulesDir: join(root, 'rules'),
    factsDir: join(root, 'facts'),
    valueSetsDir: join(root, 'valuesets'),
  };
}

function located(issues: readonly Issue[]): [string, string | undefined, string | undefined][] {
  return issues.map((i) => [i.code, i.location?.file, i.location?.pointer]);
}

const CASES: [fixture: string, want: [string, string, string][]][] = [
  ['SOLEUS_RULE_SCHEMA', [['SOLEUS_RULE_SCHEMA', 'dvt/a.rule.json', '']]],
  [
    'SOLEUS_RULE_SCHEMA.nested-leaf',
    [
      ['SOLEUS_RULE_SCHEMA', 'dvt/a.rule.json', '/conditions/all/1/any/0'],
      ['SOLEUS_RULE_SCHEMA', 'dvt/a.rule.json', '/conditions/all/1/any/0/operatr'],
    ],
  ],
  ['SOLEUS_RULE_SCHEMA.schema-major', [['SOLEUS_RULE_SCHEMA', 'dvt/a.rule.json', '/$schema']]],
  ['SOLEUS_RULE_SCHEMA.file-name', [['SOLEUS_RULE_SCHEMA', 'dvt/a.rule.json', '/id']]],
  ['SOLEUS_RULE_JSON', [['SOLEUS_RULE_JSON', 'dvt/a.rule.json', '']]],
  [
    'SOLEUS_RULE_UNKNOWN_FACT',
    [['SOLEUS_RULE_UNKNOWN_FACT', 'dvt/a.rule.json', '/conditions/all/0/fact']],
  ],
  [
    'SOLEUS_RULE_UNKNOWN_FACT.resource-ids-from',
    [
      [
        'SOLEUS_RULE_UNKNOWN_FACT',
        'dvt/a.rule.json',
        '/card/suggestions/0/actions/0/resourceIdsFrom',
      ],
    ],
  ],
  [
    'SOLEUS_RULE_OPERATOR_TYPE',
    [['SOLEUS_RULE_OPERATOR_TYPE', 'dvt/a.rule.json', '/conditions/all/1/any/0/value']],
  ],
  [
    'SOLEUS_RULE_UNKNOWN_OPERATOR',
    [['SOLEUS_RULE_UNKNOWN_OPERATOR', 'dvt/a.rule.json', '/conditions/all/0/operator']],
  ],
  [
    'SOLEUS_RULE_UNKNOWN_VALUESET',
    [['SOLEUS_RULE_UNKNOWN_VALUESET', 'dvt/a.rule.json', '/conditions/all/0/value']],
  ],
  [
    'SOLEUS_RULE_SUMMARY_TOO_LONG',
    [['SOLEUS_RULE_SUMMARY_TOO_LONG', 'dvt/a.rule.json', '/card/variants/0/summary']],
  ],
  ['SOLEUS_RULE_DUPLICATE_ID', [['SOLEUS_RULE_DUPLICATE_ID', 'dvt/a.rule.json', '/id']]],
  [
    'SOLEUS_RULE_UNKNOWN_SUPPRESSION',
    [['SOLEUS_RULE_UNKNOWN_SUPPRESSION', 'dvt/a.rule.json', '/suppresses/1']],
  ],
  ['SOLEUS_RULE_UNKNOWN_PACK', [['SOLEUS_RULE_UNKNOWN_PACK', 'dvt/a.rule.json', '/pack']]],
  ['SOLEUS_RULE_UNIT', [['SOLEUS_RULE_UNIT', 'dvt/a.rule.json', '/conditions/all/0/unit']]],
  ['SOLEUS_RULE_TEMPLATE', [['SOLEUS_RULE_TEMPLATE', 'dvt/a.rule.json', '/card/detail']]],
  [
    'SOLEUS_RULE_OVERRIDE_REASON',
    [
      ['SOLEUS_RULE_OVERRIDE_REASON', 'dvt/a.rule.json', '/card/overrideReasons/1/display'],
      ['SOLEUS_RULE_OVERRIDE_REASON', 'dvt/a.rule.json', '/card/overrideReasons/2/code'],
    ],
  ],
  ['SOLEUS_RULE_PACK_EMPTY', [['SOLEUS_RULE_PACK_EMPTY', 'empty', '']]],
  ['SOLEUS_RULE_DUPLICATE_PACK', [['SOLEUS_RULE_DUPLICATE_PACK', 'dvt2/pack.json', '/id']]],
  ['SOLEUS_FACT_SCHEMA', [['SOLEUS_FACT_SCHEMA', 'test.facts.json', '/facts/0/type']]],
  ['SOLEUS_FACT_DUPLICATE', [['SOLEUS_FACT_DUPLICATE', 'b.facts.json', '/facts/0/name']]],
  [
    'SOLEUS_VALUESET_INVALID',
    [['SOLEUS_VALUESET_INVALID', 'dvt-codes.valueset.json', '/resourceType']],
  ],
  ['SOLEUS_VALUESET_DUPLICATE', [['SOLEUS_VALUESET_DUPLICATE', 'b.valueset.json', '/url']]],
];

describe('rule catalogue fixtures', () => {
  it('has a case for every fixture directory and a fixture for every case', () => {
    const dirs = readdirSync(FIXTURES).filter((d) => d !== 'valid' && d !== 'multiple-problems');
    expect(dirs.sort()).toEqual(CASES.map(([fixture]) => fixture).sort());
  });

  it.each(CASES)('%s reports exactly its issues with file and pointer', (fixture, want) => {
    const result = validateRuleSet(dirsOf(fixture));
    expect(result.ok).toBe(false);
    expect(located(result.issues)).toEqual(want);
    const code = fixture.split('.')[0];
    expect(result.issues.every((i) => i.severity === 'error' && i.code === code)).toBe(true);
  });

  it.each(CASES)('%s messages say where: file#pointer first', (fixture) => {
    for (const issue of validateRuleSet(dirsOf(fixture)).issues) {
      expect(issue.message.startsWith(`${issue.location?.file}#${issue.location?.pointer}: `)).toBe(
        true,
      );
    }
  });

  it('names the expected operators when one is misspelled', () => {
    const [issue] = validateRuleSet(dirsOf('SOLEUS_RULE_UNKNOWN_OPERATOR')).issues;
    expect(issue?.message).toMatch(
      /^dvt\/a\.rule\.json#\/conditions\/all\/0\/operator: unknown operator "greaterThen"; expected one of equal, .*greaterThanOrEqual/,
    );
  });
});

describe('all issues at once', () => {
  const want = [
    ['SOLEUS_RULE_UNKNOWN_FACT', 'dvt/a.rule.json', '/conditions/all/0/fact'],
    ['SOLEUS_RULE_UNKNOWN_OPERATOR', 'dvt/b.rule.json', '/conditions/all/0/operator'],
    ['SOLEUS_RULE_SUMMARY_TOO_LONG', 'dvt/c.rule.json', '/card/summary'],
  ];

  it('a catalogue with 3 problems in 3 files yields 3 issues', () => {
    expect(located(validateRuleSet(dirsOf('multiple-problems')).issues)).toEqual(want);
  });

  it('loadRuleSetSync throws one SoleusError with the first code and every issue', () => {
    let caught: unknown;
    try {
      loadRuleSetSync(dirsOf('multiple-problems'));
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(SoleusError);
    const err = caught as SoleusError;
    expect(err.code).toBe('SOLEUS_RULE_UNKNOWN_FACT');
    expect(located(err.issues)).toEqual(want);
    expect(err.message).toMatch(/^3 problems in rule catalogue /);
  });

  it('loadRuleSet rejects with the same error', async () => {
    await expect(loadRuleSet(dirsOf('multiple-problems'))).rejects.toMatchObject({
      code: 'SOLEUS_RULE_UNKNOWN_FACT',
      issues: expect.arrayContaining([
        expect.objectContaining({ code: 'SOLEUS_RULE_UNKNOWN_OPERATOR' }),
      ]) as unknown,
    });
  });
});

describe('validateRulePack', () => {
  it.each([
    ['valid', []],
    ['SOLEUS_RULE_UNKNOWN_PACK', [['SOLEUS_RULE_UNKNOWN_PACK', 'dvt/a.rule.json', '/pack']]],
  ] as const)('returns the issues of %s without throwing', (fixture, want) => {
    const { rulesDir, factsDir, valueSetsDir } = dirsOf(fixture);
    expect(located(validateRulePack(rulesDir, { factsDir, valueSetsDir }))).toEqual(want);
    expect(located(validateRulePack({ rulesDir, factsDir, valueSetsDir }))).toEqual(want);
  });
});

describe('an empty rules directory', () => {
  it('is SOLEUS_RULE_PACK_EMPTY, not an empty rule set that never fires', () => {
    const rulesDir = mkdtempSync(join(tmpdir(), 'soleus-rules-'));
    try {
      const { factsDir, valueSetsDir } = dirsOf('valid');
      expect(located(validateRuleSet({ rulesDir, factsDir, valueSetsDir }).issues)).toEqual([
        ['SOLEUS_RULE_PACK_EMPTY', '.', ''],
      ]);
    } finally {
      rmSync(rulesDir, { recursive: true, force: true });
    }
  });
});
