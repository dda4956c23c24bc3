import { createSchemaValidators } from './schema-validator';

const schemas = createSchemaValidators();

const rule = {
  id: 'a',
  version: '1.0.0',
  status: 'active',
  title: 'A',
  pack: 'dvt',
  hooks: ['patient-view'],
  priority: 1,
  conditions: { all: [{ fact: 'x.y', operator: 'equal', value: 1 }] },
  card: { indicator: 'info', summary: 'S', detail: 'D' },
  evidence: [{ citation: 'C' }],
};

const pointers = (json: unknown): [string | undefined, string][] =>
  schemas.rule(json, 'p/a.rule.json').map((i) => [i.location?.pointer, i.message]);

describe('createSchemaValidators().rule', () => {
  it('accepts a valid rule', () => {
    expect(pointers(rule)).toEqual([]);
  });

  it.each([
    [
      'a missing property',
      { ...rule, evidence: undefined },
      '',
      /missing required property "evidence"/,
    ],
    [
      'an unknown property',
      { ...rule, colour: 'red' },
      '/colour',
      /unknown property "colour"; expected one of \$schema, id,/,
    ],
    [
      'a bad enum',
      { ...rule, status: 'live' },
      '/status',
      /expected one of "draft", "active", "retired"; found "live"/,
    ],
    ['a bad pattern', { ...rule, id: 'Bad Id' }, '/id', /must match pattern .*; found "Bad Id"/],
    [
      'a leaf at the top',
      { ...rule, conditions: { fact: 'x.y', operator: 'isKnown' } },
      '/conditions',
      /exactly one of all, any, not/,
    ],
    [
      'an empty condition',
      { ...rule, conditions: { all: [{}] } },
      '/conditions/all/0',
      /missing required property "fact"/,
    ],
    [
      'a misspelled nested key',
      { ...rule, conditions: { any: [{ not: { fact: 'x.y', operater: 'isKnown' } }] } },
      '/conditions/any/0/not/operater',
      /unknown property "operater"/,
    ],
    [
      'a foreign schema major',
      { ...rule, $schema: 'https://soleus.dev/schema/rule/v2' },
      '/$schema',
      /expected "https:\/\/soleus.dev\/schema\/rule\/v1"/,
    ],
  ])(
    'reports %s once, at its pointer, without noise from other condition branches',
    (_name, given, pointer, message) => {
      const found = pointers(given);
      expect(found.map(([p]) => p)).toContain(pointer);
      expect(found.find(([p]) => p === pointer)?.[1]).toMatch(message);
      // Only this problem (and, for the misspelling, the then-missing key) — no other branch's complaints.
      const others = found.filter(([p]) => p !== pointer).map(([, m]) => m);
      expect(others.every((m) => m.includes('missing required property "operator"'))).toBe(true);
      expect(found.length).toBeLessThanOrEqual(2);
    },
  );

  it('leaves too-long summaries to checkRule (SOLEUS_RULE_SUMMARY_TOO_LONG)', () => {
    expect(pointers({ ...rule, card: { ...rule.card, summary: 'x'.repeat(150) } })).toEqual([]);
  });

  it('uses SOLEUS_FACT_SCHEMA for fact files', () => {
    const issues = schemas.facts({ facts: [] }, 'a.facts.json');
    expect(issues.map((i) => [i.code, i.location?.pointer])).toEqual([
      ['SOLEUS_FACT_SCHEMA', '/facts'],
    ]);
  });
});

describe('card links', () => {
  const withLinks = (links: unknown[]): unknown => ({ ...rule, card: { ...rule.card, links } });
  const smart = { label: 'App', url: '{{service.baseUrl}}/apps/x/launch', type: 'smart' };

  it('a smart link may carry appContext as text or as an object of string templates', () => {
    expect(pointers(withLinks([{ ...smart, appContext: 'x' }]))).toEqual([]);
    expect(pointers(withLinks([{ ...smart, appContext: { episode: '{{fact.a}}' } }]))).toEqual([]);
  });

  it('an absolute link with appContext is refused (cds-resp-3)', () => {
    const absolute = {
      label: 'Page',
      url: 'https://example.org',
      type: 'absolute',
      appContext: 'x',
    };
    expect(pointers(withLinks([absolute])).map(([p]) => p)).toContain('/card/links/0/appContext');
  });
});
