import { factSetOf } from '../src/facts/fact';
import { evaluate } from '../src/engine/evaluate';
import type { EvaluateOptions } from '../src/engine/evaluation-result';
import type { CardTemplate } from '../src/generated/rule-definition';
import { allOf, buildTestRuleSet, leaf, type TestRule } from './support/rule-set-factory';

const PV: EvaluateOptions = { now: '2024-03-31T12:00:00Z', hook: 'patient-view' };
const FACTS = {
  'calf.pain': 'boolean',
  'wells.score': 'number',
  'anticoag.active': 'boolean',
  'bleed.risk': 'string',
} as const;
const always = allOf(leaf('calf.pain', 'equal', true));
const card = (
  indicator: CardTemplate['indicator'],
  extra: Partial<CardTemplate> = {},
): CardTemplate => ({
  indicator,
  summary: 's',
  detail: 'd',
  ...extra,
});
const ids = (results: readonly { ruleId: string }[]): string[] => results.map((r) => r.ruleId);

describe('evaluate: ranking', () => {
  it.each<[string, TestRule[], string[]]>([
    [
      'indicator first: critical > warning > info',
      [
        { id: 'x.info', conditions: always, card: card('info'), priority: 99 },
        { id: 'x.critical', conditions: always, card: card('critical'), pack: 'c' },
        { id: 'x.warning', conditions: always, card: card('warning') },
      ],
      ['x.critical', 'x.warning', 'x.info'],
    ],
    [
      'then pack order (a = 1 before b = 2 before c = 3)',
      [
        { id: 'x.c', conditions: always, pack: 'c', priority: 50 },
        { id: 'x.a', conditions: always, pack: 'a' },
        { id: 'x.b', conditions: always, pack: 'b', priority: 90 },
      ],
      ['x.a', 'x.b', 'x.c'],
    ],
    [
      'then priority descending, then id',
      [
        { id: 'x.low', conditions: always, priority: 1 },
        { id: 'x.high-b', conditions: always, priority: 10 },
        { id: 'x.high-a', conditions: always, priority: 10 },
      ],
      ['x.high-a', 'x.high-b', 'x.low'],
    ],
  ])('%s', async (_name, rules, want) => {
    const forward = await evaluate(
      buildTestRuleSet({ rules, facts: FACTS }),
      factSetOf({ 'calf.pain': true }),
      PV,
    );
    const reversed = await evaluate(
      buildTestRuleSet({ rules: [...rules].reverse(), facts: FACTS }),
      factSetOf({ 'calf.pain': true }),
      PV,
    );
    expect(ids(forward.fired)).toEqual(want);
    expect(ids(reversed.fired)).toEqual(want);
  });

  it('uses priority for ranking only: the same rules fire, with the same traces, whatever their priority', async () => {
    const withPriorities = (p: readonly number[]): TestRule[] => [
      { id: 'x.one', conditions: always, priority: p[0] ?? 1 },
      {
        id: 'x.two',
        conditions: allOf(leaf('wells.score', 'greaterThan', 1)),
        priority: p[1] ?? 1,
      },
      { id: 'x.three', conditions: always, card: card('warning'), priority: p[2] ?? 1 },
    ];
    const facts = factSetOf({ 'calf.pain': true, 'wells.score': 0 });
    const low = await evaluate(
      buildTestRuleSet({ rules: withPriorities([1, 1000, 1]), facts: FACTS }),
      facts,
      PV,
    );
    const high = await evaluate(
      buildTestRuleSet({ rules: withPriorities([1000, 1, 500]), facts: FACTS }),
      facts,
      PV,
    );
    expect(ids(low.fired).sort()).toEqual(['x.one', 'x.three']);
    expect(ids(high.fired).sort()).toEqual(ids(low.fired).sort());
    const traces = (r: typeof low) =>
      new Map(r.results.map((x) => [x.ruleId, JSON.stringify([x.fired, x.conditions])]));
    expect(traces(high)).toEqual(traces(low));
  });

  it('ranks by the effective indicator after variants', async () => {
    const rules: TestRule[] = [
      { id: 'x.warning', conditions: always, card: card('warning') },
      {
        id: 'x.upgraded',
        conditions: always,
        card: card('info', { variants: [{ when: always, indicator: 'critical' }] }),
      },
    ];
    const result = await evaluate(
      buildTestRuleSet({ rules, facts: FACTS }),
      factSetOf({ 'calf.pain': true }),
      PV,
    );
    expect(result.fired.map((r) => [r.ruleId, r.indicator])).toEqual([
      ['x.upgraded', 'critical'],
      ['x.warning', 'warning'],
    ]);
  });

  it('lists rules that did not fire in results but not in fired', async () => {
    const rules: TestRule[] = [
      { id: 'x.fires', conditions: always },
      {
        id: 'x.silent',
        conditions: allOf(leaf('wells.score', 'greaterThan', 2)),
      },
    ];
    const result = await evaluate(
      buildTestRuleSet({ rules, facts: FACTS }),
      factSetOf({ 'calf.pain': true, 'wells.score': 1 }),
      PV,
    );
    expect(result.results.map((r) => [r.ruleId, r.fired])).toEqual([
      ['x.fires', true],
      ['x.silent', false],
    ]);
    expect(ids(result.fired)).toEqual(['x.fires']);
  });
});

describe('evaluate: suppression', () => {
  const painAnd = (score: number) =>
    allOf(leaf('calf.pain', 'equal', true), leaf('wells.score', 'greaterThanOrEqual', score));
  it.each<[string, TestRule[], { fired: string[]; suppressed: Record<string, string> }]>([
    [
      'a fired rule withdraws its targets',
      [
        { id: 's.top', conditions: always, suppresses: ['s.low'] },
        { id: 's.low', conditions: always },
      ],
      { fired: ['s.top'], suppressed: { 's.low': 's.top' } },
    ],
    [
      'a rule that did not fire suppresses nothing',
      [
        { id: 's.top', conditions: painAnd(9), suppresses: ['s.low'] },
        { id: 's.low', conditions: always },
      ],
      { fired: ['s.low'], suppressed: {} },
    ],
    [
      'a suppressed rule does not suppress others',
      [
        { id: 's.a', conditions: always, suppresses: ['s.b'], priority: 1 },
        { id: 's.b', conditions: always, suppresses: ['s.c'], priority: 2 },
        { id: 's.c', conditions: always, priority: 3 },
      ],
      { fired: ['s.c', 's.a'], suppressed: { 's.b': 's.a' } },
    ],
  ])('%s', async (_name, rules, want) => {
    for (const order of [rules, [...rules].reverse()]) {
      const result = await evaluate(
        buildTestRuleSet({ rules: order, facts: FACTS }),
        factSetOf({ 'calf.pain': true, 'wells.score': 1 }),
        PV,
      );
      expect(ids(result.fired)).toEqual(want.fired);
      const suppressed = result.results.filter((r) => r.suppressedBy !== undefined);
      expect(Object.fromEntries(suppressed.map((r) => [r.ruleId, r.suppressedBy]))).toEqual(
        want.suppressed,
      );
      expect(suppressed.every((r) => r.fired)).toBe(true);
    }
  });
});

describe('evaluate: variants and suggestions', () => {
  const anticoag = allOf(leaf('anticoag.active', 'equal', true));
  const highBleed = allOf(leaf('bleed.risk', 'equal', 'high'));
  const action = [{ type: 'create' as const, description: 'order' }] as [
    { type: 'create'; description: string },
  ];
  const rule: TestRule = {
    id: 'v.dvt',
    conditions: always,
    card: card('critical', {
      variants: [
        { when: anticoag, summary: 'already anticoagulated' },
        { when: anticoag, indicator: 'warning' },
        { when: highBleed, indicator: 'info' },
      ],
      suggestions: [
        { label: 'ultrasound', actions: action },
        { label: 'interim anticoagulation', when: { not: anticoag }, actions: action },
      ],
    }),
  };
  const ruleSet = buildTestRuleSet({ rules: [rule], facts: FACTS });

  it.each<
    [
      string,
      Record<string, boolean | string>,
      { variants: number[]; indicator: string; suggestions: number[] },
    ]
  >([
    [
      'no variant holds',
      { 'calf.pain': true, 'anticoag.active': false },
      { variants: [], indicator: 'critical', suggestions: [0, 1] },
    ],
    [
      'first variant with an indicator wins',
      { 'calf.pain': true, 'anticoag.active': true, 'bleed.risk': 'high' },
      { variants: [0, 1, 2], indicator: 'warning', suggestions: [0] },
    ],
    [
      'a later variant alone',
      { 'calf.pain': true, 'anticoag.active': false, 'bleed.risk': 'high' },
      { variants: [2], indicator: 'info', suggestions: [0, 1] },
    ],
    // not(unknown) is true: the schema warns authors about exactly this.
    [
      'unknown anticoagulation',
      { 'calf.pain': true },
      { variants: [], indicator: 'critical', suggestions: [0, 1] },
    ],
  ])('%s', async (_name, values, want) => {
    const result = await evaluate(ruleSet, factSetOf(values), PV);
    expect(result.fired).toHaveLength(1);
    expect(result.fired[0]).toMatchObject(want);
  });

  it('does not report companion rules as results of their own', async () => {
    const result = await evaluate(
      ruleSet,
      factSetOf({ 'calf.pain': true, 'anticoag.active': true }),
      PV,
    );
    expect(ids(result.results)).toEqual(['v.dvt']);
  });
});
