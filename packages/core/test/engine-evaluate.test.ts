import { factSetOf, type Fact } from '../src/facts/fact';
import { evaluate } from '../src/engine/evaluate';
import type { EvaluateOptions } from '../src/engine/evaluation-result';
import { allOf, buildTestRuleSet, leaf, type TestRule } from './support/rule-set-factory';

const NOW = '2024-03-31T12:00:00Z';
const PV: EvaluateOptions = { now: NOW, hook: 'patient-view' };
const FACTS = {
  'calf.pain': 'boolean',
  'wells.score': 'number',
  'wells.class': 'string',
  'dx.codes': 'string[]',
  'us.date': 'date',
  'anticoag.active': 'boolean',
} as const;

const pain = (operator = 'equal', value: unknown = true) =>
  allOf(leaf('calf.pain', operator, value));

function ids(results: readonly { ruleId: string }[]): string[] {
  return results.map((r) => r.ruleId);
}

describe('evaluate: selection of rules', () => {
  const rules: TestRule[] = [
    { id: 'r.active', conditions: pain() },
    { id: 'r.draft', status: 'draft', conditions: pain() },
    { id: 'r.retired', status: 'retired', conditions: pain() },
    { id: 'r.sign', hooks: ['order-sign'], conditions: pain() },
    { id: 'r.both', hooks: ['order-sign', 'patient-view'], conditions: pain() },
  ];
  const ruleSet = buildTestRuleSet({ rules, facts: FACTS });
  const facts = factSetOf({ 'calf.pain': true });

  it.each<[string, Partial<EvaluateOptions>, string[]]>([
    ['patient-view, active only', {}, ['r.active', 'r.both']],
    ['patient-view with drafts', { includeDrafts: true }, ['r.active', 'r.both', 'r.draft']],
    ['order-sign', { hook: 'order-sign' }, ['r.both', 'r.sign']],
    ['order-select: nothing listens', { hook: 'order-select' }, []],
  ])('%s', async (_name, options, want) => {
    const result = await evaluate(ruleSet, facts, { ...PV, ...options });
    expect(ids(result.results)).toEqual(want);
    expect(ids(result.fired)).toEqual(want);
    expect(result.hook).toBe(options.hook ?? 'patient-view');
  });

  it('never evaluates a retired rule, even with drafts', async () => {
    const result = await evaluate(ruleSet, facts, { ...PV, includeDrafts: true });
    expect(ids(result.results)).not.toContain('r.retired');
  });
});

describe('evaluate: unknown facts are never negative', () => {
  const rules: TestRule[] = [
    {
      id: 'u.not-equal',
      conditions: {
        all: [leaf('wells.class', 'notEqual', 'likely')],
      },
    },
    {
      id: 'u.not-in',
      conditions: allOf(leaf('wells.class', 'notIn', ['likely'])),
    },
    {
      id: 'u.lt',
      conditions: allOf(leaf('wells.score', 'lessThan', 2)),
    },
    {
      id: 'u.no-dx',
      conditions: allOf(leaf('dx.codes', 'doesNotContain', 'x')),
    },
    { id: 'u.is-unknown', conditions: allOf(leaf('wells.score', 'isUnknown')) },
    {
      id: 'u.recent',
      conditions: allOf(leaf('us.date', 'withinLast', 'P14D')),
    },
  ];
  const ruleSet = buildTestRuleSet({ rules, facts: FACTS });

  it.each<[string, Record<string, Fact['value']>]>([
    ['facts missing from the set', {}],
    [
      'facts present as null',
      { 'wells.class': null, 'wells.score': null, 'dx.codes': null, 'us.date': null },
    ],
  ])('%s: only isUnknown fires', async (_name, values) => {
    const result = await evaluate(ruleSet, factSetOf(values), PV);
    expect(ids(result.fired)).toEqual(['u.is-unknown']);
    expect(result.results).toHaveLength(rules.length);
  });

  it('fires the negative operators once the facts are known', async () => {
    const facts = factSetOf({
      'wells.class': 'unlikely',
      'wells.score': 1,
      'dx.codes': [],
      'us.date': '2024-03-30',
    });
    const result = await evaluate(ruleSet, facts, PV);
    expect(ids(result.fired).sort()).toEqual([
      'u.lt',
      'u.no-dx',
      'u.not-equal',
      'u.not-in',
      'u.recent',
    ]);
  });
});

describe('evaluate: values that do not fit the catalogue type are unknown', () => {
  const rules: TestRule[] = [
    { id: 't.score-unknown', conditions: allOf(leaf('wells.score', 'isUnknown')) },
    { id: 't.score-low', conditions: allOf(leaf('wells.score', 'lessThan', 2)) },
    { id: 't.no-dx', conditions: allOf(leaf('dx.codes', 'doesNotContain', 'x')) },
    { id: 't.no-pain', conditions: allOf(leaf('calf.pain', 'notEqual', true)) },
  ];
  const ruleSet = buildTestRuleSet({ rules, facts: FACTS });

  it.each<[string, Record<string, Fact['value']>, string[], string[]]>([
    ['number fact given text', { 'wells.score': '1' }, ['t.score-unknown'], ['wells.score']],
    ['string[] fact given text', { 'dx.codes': 'x' }, ['t.score-unknown'], ['dx.codes']],
    ['boolean fact given text', { 'calf.pain': 'false' }, ['t.score-unknown'], ['calf.pain']],
    [
      'well-typed values',
      { 'wells.score': 1, 'dx.codes': [], 'calf.pain': false },
      ['t.no-dx', 't.no-pain', 't.score-low'],
      [],
    ],
  ])('%s', async (_name, values, fired, reported) => {
    const result = await evaluate(ruleSet, factSetOf(values), PV);
    expect(ids(result.fired).sort()).toEqual(fired);
    expect(result.issues?.map((i) => [i.code, i.details?.['fact']])).toEqual(
      reported.map((fact) => ['SOLEUS_FACT_TYPE', fact]),
    );
  });

  it('reports the traced fact as it was given, so the card can show what was ignored', async () => {
    const result = await evaluate(ruleSet, factSetOf({ 'wells.score': '1' }), PV);
    const trace = result.results.find((r) => r.ruleId === 't.score-low')?.conditions[0];
    expect(trace).toMatchObject({ factValue: { value: '1' }, result: false });
  });
});

describe('evaluate: date facts against now', () => {
  const rules: TestRule[] = [
    {
      id: 'd.within',
      conditions: allOf(leaf('us.date', 'withinLast', 'P14D')),
    },
    {
      id: 'd.older',
      conditions: allOf(leaf('us.date', 'olderThan', 'P1M')),
    },
  ];
  const ruleSet = buildTestRuleSet({ rules, facts: FACTS });

  it.each<[string, string | Date, string, string[]]>([
    ['exactly 14 days ago is within', NOW, '2024-03-17T12:00:00Z', ['d.within']],
    ['one second more is not', NOW, '2024-03-17T11:59:59Z', []],
    ['a date-only value is start of day UTC', NOW, '2024-03-17', []],
    ['the offset is honoured (17 March 10:30 UTC)', NOW, '2024-03-17T23:30:00+13:00', []],
    ['the offset is honoured (17 March 12:00 UTC)', NOW, '2024-03-18T01:00:00+13:00', ['d.within']],
    ['P1M back from 31 March is 29 February', NOW, '2024-02-29T11:59:59Z', ['d.older']],
    ['a Date now works like text', new Date(Date.parse(NOW)), '2024-03-30T00:00:00Z', ['d.within']],
    ['a future date is not within the last 14 days', NOW, '2024-04-01T00:00:00Z', []],
  ])('%s', async (_name, now, date, want) => {
    const result = await evaluate(ruleSet, factSetOf({ 'us.date': date }), { ...PV, now });
    expect(ids(result.fired)).toEqual(want);
    expect(result.now).toBe('2024-03-31T12:00:00.000Z');
    expect(result.issues).toEqual([]);
  });

  it.each([['2024-03-17T12:00:00'], ['yesterday'], [42]])(
    'an uninterpretable date fact (%p) is unknown and reported',
    async (value) => {
      const result = await evaluate(ruleSet, factSetOf({ 'us.date': value }), PV);
      expect(result.fired).toEqual([]);
      expect(result.issues).toEqual([
        expect.objectContaining({
          severity: 'warning',
          code: 'SOLEUS_FACT_TYPE',
          details: { fact: 'us.date' },
        }),
      ]);
      expect(result.issues?.[0]?.message).toContain('us.date');
      expect(result.issues?.[0]?.message).not.toContain(String(value));
    },
  );

  it.each<[unknown]>([
    ['not a date'],
    ['2024-03-31T12:00:00'],
    [new Date(Number.NaN)],
    [undefined],
  ])('rejects now = %p with SOLEUS_ENGINE_INVALID_NOW', async (now) => {
    await expect(
      evaluate(ruleSet, factSetOf({}), { ...PV, now: now as string }),
    ).rejects.toMatchObject({
      code: 'SOLEUS_ENGINE_INVALID_NOW',
    });
  });
});
