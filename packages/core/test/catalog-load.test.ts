/** Loading a valid catalogue: order, content version, unit conversion, immutability, defaults. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CONTENT } from '../src/catalog/default-content';
import { loadRuleSet, loadRuleSetSync, validateRuleSet } from '../src/catalog/load-rule-set';
import type { LeafCondition } from '../src/generated/rule-definition';
import { buildValueSetIndex } from '../src/terminology/value-set-index';

const root = join(__dirname, 'fixtures', 'invalid-rules', 'valid');
const dirs = {
  rulesDir: join(root, 'rules'),
  factsDir: join(root, 'facts'),
  valueSetsDir: join(root, 'valuesets'),
};

describe('loadRuleSet on a valid catalogue', () => {
  const ruleSet = loadRuleSetSync(dirs);

  it('orders rules by pack order, then priority descending, then id', () => {
    expect(
      ruleSet.rules.map((r) => `${r.pack.id}:${r.definition.priority}:${r.definition.id}`),
    ).toEqual([
      'dvt:200:age-check',
      'dvt:200:dvt-code',
      'dvt:100:wells-likely',
      'cramp:900:cramp-simple',
      'cramp:100:magnesium-low',
    ]);
  });

  it('records file, pack, content version and lookups', () => {
    expect(ruleSet.contentVersion).toBe('dvt@1.0.0+cramp@1.0.0');
    expect(ruleSet.rulesById.get('wells-likely')?.file).toBe('dvt/wells-likely.rule.json');
    expect([...ruleSet.packs.keys()]).toEqual(['dvt', 'cramp']);
    expect([...ruleSet.facts.keys()]).toContain('lab.dDimer');
    expect(ruleSet.terminology.has('dvt-codes')).toBe(true);
  });

  it.each([
    // 500 ug/L → 0.5 mg/L (the fact's catalogue unit), inside all/any.
    [
      'wells-likely',
      (c: unknown) => (c as { all: [unknown, { any: [LeafCondition] }] }).all[1].any[0],
      0.5,
    ],
    // 1.7 mg/dL magnesium → 0.6995 mmol/L: needs the analyte's molar mass (24.305 g/mol).
    ['magnesium-low', (c: unknown) => (c as { all: [LeafCondition] }).all[0], (1.7 * 10) / 24.305],
    // 780 mo → 65 a, inside a card variant's `when`.
    [
      'dvt-code',
      (_c: unknown, card: unknown) =>
        (card as { variants: [{ when: { all: [LeafCondition] } }] }).variants[0].when.all[0],
      65,
    ],
  ])('converts the %s threshold to the fact unit once, at load time', (id, pick, want) => {
    const definition = ruleSet.rulesById.get(id)?.definition;
    const leaf = pick(definition?.conditions, definition?.card);
    expect(leaf.value).toBeCloseTo(want as number, 3);
    expect(leaf).not.toHaveProperty('unit');
  });

  it('leaves the rule file as written (conversion works on a copy)', () => {
    const file = JSON.parse(
      readFileSync(join(dirs.rulesDir, 'dvt', 'wells-likely.rule.json'), 'utf8'),
    ) as { conditions: { all: [unknown, { any: [LeafCondition] }] } };
    expect(file.conditions.all[1].any[0]).toMatchObject({ value: 500, unit: 'ug/L' });
  });

  it('is immutable', () => {
    expect(Object.isFrozen(ruleSet)).toBe(true);
    expect(Object.isFrozen(ruleSet.rules)).toBe(true);
    expect(() => (ruleSet.rules as unknown[]).push(1)).toThrow(TypeError);
  });

  it('validateRuleSet returns the same rule set and no issues', () => {
    const result = validateRuleSet(dirs);
    expect(result.ok && result.ruleSet.rules.map((r) => r.definition.id)).toEqual(
      ruleSet.rules.map((r) => r.definition.id),
    );
    expect(result.issues).toEqual([]);
  });

  it('uses a caller-supplied terminology instead of the value-set directory', async () => {
    const empty = buildValueSetIndex([]);
    await expect(loadRuleSet({ ...dirs, terminology: empty })).rejects.toMatchObject({
      code: 'SOLEUS_RULE_UNKNOWN_VALUESET',
      issues: [
        expect.objectContaining({
          location: { file: 'dvt/dvt-code.rule.json', pointer: '/conditions/any/0/value' },
        }),
      ],
    });
  });
});

describe('DEFAULT_CONTENT', () => {
  it.each([
    ['rulesDir', 'rules'],
    ['factsDir', 'facts'],
    ['valueSetsDir', 'valuesets'],
  ] as const)('%s points at packages/core/%s', (key, dir) => {
    expect(DEFAULT_CONTENT[key]).toBe(join(__dirname, '..', dir));
  });
});
