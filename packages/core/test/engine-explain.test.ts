import { factSetOf, type Fact } from '../src/facts/fact';
import { evaluate, evaluateReference } from '../src/engine/evaluate';
import type { EvaluateOptions } from '../src/engine/evaluation-result';
import { getCompiledRuleSet } from '../src/engine/get-compiled-rule-set';
import { SoleusError } from '../src/errors';
import { allOf, anyOf, buildTestRuleSet, leaf, type TestRule } from './support/rule-set-factory';

const PV: EvaluateOptions = { now: '2024-03-31T12:00:00Z', hook: 'patient-view' };
const FACTS = {
  'calf.pain': 'boolean',
  'wells.score': 'number',
  'wells.items': 'object',
  'dx.codes': 'string[]',
  'us.date': 'date',
} as const;

const rule: TestRule = {
  id: 'e.dvt',
  version: '2.1.0',
  conditions: allOf(
    leaf('calf.pain', 'equal', true),
    anyOf(leaf('wells.score', 'greaterThanOrEqual', 2), {
      not: leaf('us.date', 'withinLast', 'P14D'),
    }),
    leaf('wells.items', 'greaterThan', 0, '$.swelling'),
  ),
  card: {
    indicator: 'critical',
    summary: 's',
    detail: 'd',
    variants: [{ when: allOf(leaf('dx.codes', 'inValueSet', 'vs:pe')) }],
  },
};
const ruleSet = buildTestRuleSet({
  rules: [rule],
  facts: FACTS,
  valueSets: { 'vs:pe': ['http://example.org/cs|pe'] },
});

describe('evaluate: explanation', () => {
  const score: Fact = {
    value: 3,
    unit: '{score}',
    at: '2024-03-30T08:00:00Z',
    evidence: [{ resource: 'Observation/w1' }],
  };
  const facts = factSetOf({
    'calf.pain': true,
    'wells.score': score,
    'wells.items': { swelling: 1 },
    'dx.codes': ['http://example.org/cs|pe'],
  });

  it.each<
    [
      string,
      { fact: string; operator: string; value: unknown; factValue: Fact | null; result: boolean },
    ]
  >([
    [
      '/conditions/all/0',
      {
        fact: 'calf.pain',
        operator: 'equal',
        value: true,
        factValue: { value: true },
        result: true,
      },
    ],
    [
      '/conditions/all/1/any/0',
      {
        fact: 'wells.score',
        operator: 'greaterThanOrEqual',
        value: 2,
        factValue: score,
        result: true,
      },
    ],
    // The date fact is unknown, so withinLast is false and not(...) is true; the leaf reports false.
    [
      '/conditions/all/1/any/1/not',
      { fact: 'us.date', operator: 'withinLast', value: 'P14D', factValue: null, result: false },
    ],
    [
      '/conditions/all/2',
      {
        fact: 'wells.items',
        operator: 'greaterThan',
        value: 0,
        factValue: { value: { swelling: 1 } },
        result: true,
      },
    ],
    [
      '/card/variants/0/when/all/0',
      {
        fact: 'dx.codes',
        operator: 'inValueSet',
        value: 'vs:pe',
        factValue: { value: ['http://example.org/cs|pe'] },
        result: true,
      },
    ],
  ])('traces %s', async (pointer, want) => {
    const result = await evaluate(ruleSet, facts, PV);
    const trace = result.results[0]?.conditions.find((c) => c.pointer === pointer);
    expect(trace).toEqual({ pointer, ...want });
  });

  it('reports every leaf once, in document order, with rule id and version', async () => {
    const result = await evaluate(ruleSet, facts, PV);
    expect(result.results[0]).toMatchObject({
      ruleId: 'e.dvt',
      ruleVersion: '2.1.0',
      packId: 'a',
      fired: true,
      variants: [0],
    });
    expect(result.results[0]?.conditions.map((c) => c.pointer)).toEqual([
      '/conditions/all/0',
      '/conditions/all/1/any/0',
      '/conditions/all/1/any/1/not',
      '/conditions/all/2',
      '/card/variants/0/when/all/0',
    ]);
  });

  it('explains a rule that did not fire: the failing leaf is false, the others keep their outcome', async () => {
    const result = await evaluate(
      ruleSet,
      factSetOf({ 'calf.pain': false, 'wells.score': 3, 'wells.items': { swelling: 1 } }),
      PV,
    );
    const outcomes = Object.fromEntries(
      result.results[0]?.conditions.map((c) => [c.pointer, c.result]) ?? [],
    );
    expect(result.results[0]?.fired).toBe(false);
    expect(outcomes).toEqual({
      '/conditions/all/0': false,
      '/conditions/all/1/any/0': true,
      '/conditions/all/1/any/1/not': false,
      '/conditions/all/2': true,
      '/card/variants/0/when/all/0': false,
    });
  });

  it('treats a path that does not resolve in an object fact as unknown', async () => {
    const result = await evaluate(
      ruleSet,
      factSetOf({ 'calf.pain': true, 'wells.score': 3, 'wells.items': { other: 1 } }),
      PV,
    );
    expect(result.fired).toEqual([]);
    expect(
      result.results[0]?.conditions.find((c) => c.pointer === '/conditions/all/2')?.result,
    ).toBe(false);
  });
});

const EVALUATORS = [
  ['compiled', evaluate],
  ['json-rules-engine reference', evaluateReference],
] as const;

describe.each(EVALUATORS)(
  '%s: failures are wrapped with rule, version and pointer',
  (_name, run) => {
    const broken: TestRule = {
      id: 'e.broken',
      version: '1.4.2',
      pack: 'b',
      conditions: allOf(
        leaf('calf.pain', 'equal', true),
        leaf('dx.codes', 'inValueSet', 'vs:missing'),
      ),
    };

    it('wraps an operator failure as SOLEUS_ENGINE_EVALUATION with the cause', async () => {
      const set = buildTestRuleSet({ rules: [broken], facts: FACTS });
      const error = await run(set, factSetOf({ 'dx.codes': ['http://example.org/cs|x'] }), PV).then(
        () => undefined,
        (err: unknown) => err,
      );
      expect(error).toBeInstanceOf(SoleusError);
      expect(error).toMatchObject({
        code: 'SOLEUS_ENGINE_EVALUATION',
        cause: expect.objectContaining({ code: 'SOLEUS_VALUESET_NOT_FOUND' }),
        issues: [
          expect.objectContaining({
            code: 'SOLEUS_ENGINE_EVALUATION',
            location: { file: 'b/e.broken.rule.json', pointer: '/conditions/all/1' },
            details: { ruleId: 'e.broken', ruleVersion: '1.4.2' },
          }),
        ],
      });
      expect((error as Error).message).toContain('e.broken@1.4.2');
      expect((error as Error).message).toContain('#/conditions/all/1');
      expect((error as Error).message).not.toContain('example.org');
    });

    it('rejects an operator missing from the table when the engine is compiled', async () => {
      const bad: TestRule = {
        id: 'e.typo',
        conditions: allOf(leaf('calf.pain', 'equals', true)),
      };
      await expect(
        run(buildTestRuleSet({ rules: [bad], facts: FACTS }), factSetOf({}), PV),
      ).rejects.toMatchObject({
        code: 'SOLEUS_ENGINE_EVALUATION',
        issues: [
          expect.objectContaining({
            location: { file: 'a/e.typo.rule.json', pointer: '/conditions/all/0/operator' },
          }),
        ],
      });
    });
  },
);

describe('evaluate: compiled engines are cached per rule set, hook and drafts', () => {
  it.each<[string, EvaluateOptions, boolean]>([
    ['same hook and drafts: same engine', PV, true],
    ['other hook: other engine', { ...PV, hook: 'order-sign' }, false],
    ['drafts: other engine', { ...PV, includeDrafts: true }, false],
  ])('%s', (_name, other, same) => {
    const first = getCompiledRuleSet(ruleSet, PV.hook, false);
    const second = getCompiledRuleSet(ruleSet, other.hook, other.includeDrafts === true);
    expect(second === first).toBe(same);
  });

  it('gives the same answer on repeated and concurrent evaluations', async () => {
    const facts = factSetOf({
      'calf.pain': true,
      'wells.score': 3,
      'wells.items': { swelling: 1 },
    });
    const silent = factSetOf({ 'calf.pain': false });
    const runs = await Promise.all(
      [facts, silent, facts, silent].map((f) => evaluate(ruleSet, f, PV)),
    );
    expect(runs.map((r) => r.fired.length)).toEqual([1, 0, 1, 0]);
  });
});

describe.each(EVALUATORS)('%s: failures outside an operator are wrapped too', (_name, run) => {
  it('wraps a FactSet that throws as SOLEUS_ENGINE_EVALUATION, keeping the cause', async () => {
    const failure = new TypeError('iteration failed');
    const throwing = new (class extends Map<string, Fact> {
      override [Symbol.iterator](): MapIterator<[string, Fact]> {
        throw failure;
      }
    })();
    await expect(run(ruleSet, throwing, PV)).rejects.toMatchObject({
      code: 'SOLEUS_ENGINE_EVALUATION',
      cause: failure,
    });
  });
});
