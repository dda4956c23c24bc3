/**
 * Random rules in the full condition grammar, for the differential test: all / any / not nested three
 * deep, every operator of OPERATORS on facts of every catalogue type (sometimes on the wrong type, which
 * must be false in both evaluators), values as literals, lists, durations, value sets, `{ "fact": … }`
 * references (with and without `path`), JSONPath on object facts, card variants with indicators,
 * suggestions with and without `when`, priorities, packs and suppressions.
 */
import fc from 'fast-check';
import type { FactType } from '../../src/engine/operators';
import { OPERATORS } from '../../src/engine/operators';
import type { Condition, LeafCondition } from '../../src/generated/rule-definition';
import type { TestRule } from './rule-set-factory';

/** The catalogue the random rules are written against. */
export const GRAMMAR_FACTS: Readonly<Record<string, FactType>> = {
  'g.num': 'number',
  'g.num2': 'number',
  'g.flag': 'boolean',
  'g.text': 'string',
  'g.code': 'string',
  'g.codes': 'string[]',
  'g.date': 'date',
  'g.obj': 'object',
};

/** Value sets the random rules may name, with their members. */
export const GRAMMAR_VALUE_SETS = {
  'vs:a': ['http://a.example|1', 'http://a.example|2'],
  'vs:b': ['http://b.example|1'],
};

const NUMBERS = [-1, 0, 1.5, 2, 10, 500];
const TEXTS = ['likely', 'unlikely', 'http://a.example|1', 'http://b.example|1'];
const DURATIONS = ['PT1H', 'P1D', 'P14D', 'P1M', 'P1Y'];
const PATHS = ['$.k', '$.missing'];
const names = Object.keys(GRAMMAR_FACTS);

function scalarFor(type: FactType): fc.Arbitrary<unknown> {
  if (type === 'number') {
    return fc.constantFrom(...NUMBERS);
  }
  return type === 'boolean' ? fc.boolean() : fc.constantFrom(...TEXTS);
}

function valueFor(operator: string, type: FactType): fc.Arbitrary<unknown> {
  const shape = OPERATORS.get(operator)?.value;
  const reference = fc.record(
    { fact: fc.constantFrom(...names), path: fc.constantFrom(...PATHS) },
    { requiredKeys: ['fact'] },
  );
  const own: Record<string, fc.Arbitrary<unknown>> = {
    same: scalarFor(type),
    number: fc.constantFrom(...NUMBERS),
    list: fc.array(scalarFor(type), { minLength: 1, maxLength: 3 }),
    duration: fc.constantFrom(...DURATIONS),
    valueSet: fc.constantFrom(...Object.keys(GRAMMAR_VALUE_SETS)),
    none: fc.constant(undefined),
    any: scalarFor(type),
  };
  return fc.oneof(
    { weight: 6, arbitrary: own[shape ?? 'any'] ?? fc.constant(null) },
    { weight: 1, arbitrary: reference },
  );
}

const leafArbitrary: fc.Arbitrary<LeafCondition> = fc
  .record({ fact: fc.constantFrom(...names), wrongType: fc.integer({ min: 0, max: 9 }) })
  .chain(({ fact, wrongType }) => {
    const type = GRAMMAR_FACTS[fact] ?? 'string';
    const fitting = [...OPERATORS.values()].filter((op) => op.factTypes.includes(type));
    const operators = wrongType === 0 ? [...OPERATORS.values()] : fitting;
    return fc.record({
      fact: fc.constant(fact),
      operator: fc.constantFrom(...operators.map((op) => op.name)),
      path: type === 'object' ? fc.constantFrom(...PATHS) : fc.constant(undefined),
    });
  })
  .chain(({ fact, operator, path }) =>
    valueFor(operator, GRAMMAR_FACTS[fact] ?? 'string').map((value) => {
      const leaf: LeafCondition = { fact, operator };
      if (value !== undefined) {
        leaf.value = value as LeafCondition['value'];
      }
      return path === undefined ? leaf : { ...leaf, path };
    }),
  );

const { tree } = fc.letrec<{ tree: Condition; node: Condition }>((tie) => ({
  tree: fc.oneof(
    fc.record({ all: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ any: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ not: tie('node') }),
  ) as fc.Arbitrary<Condition>,
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leafArbitrary, tie('tree')),
}));

const indicator = fc.constantFrom('info', 'warning', 'critical') as fc.Arbitrary<
  'info' | 'warning' | 'critical'
>;

function ruleArbitrary(id: string, others: readonly string[]): fc.Arbitrary<TestRule> {
  return fc.record({
    id: fc.constant(id),
    pack: fc.constantFrom('a', 'b'),
    priority: fc.integer({ min: 1, max: 3 }),
    suppresses: fc.subarray([...others]),
    conditions: tree as fc.Arbitrary<TestRule['conditions']>,
    card: fc.record({
      indicator,
      summary: fc.constant(`${id} summary`),
      detail: fc.constant(`${id} detail`),
      variants: fc.array(fc.record({ when: tree, indicator }, { requiredKeys: ['when'] }), {
        maxLength: 2,
      }),
      suggestions: fc.array(
        fc.record(
          {
            label: fc.constant('do it'),
            when: tree,
            actions: fc.constant([{ type: 'create' as const, description: 'do it' }]),
          },
          { requiredKeys: ['label', 'actions'] },
        ),
        { maxLength: 2 },
      ),
    }),
  }) as fc.Arbitrary<TestRule>;
}

/** One to four random rules (`g.r0` …) that may suppress each other. */
export const rulesArbitrary: fc.Arbitrary<TestRule[]> = fc
  .integer({ min: 1, max: 4 })
  .chain((count) => {
    const ids = Array.from({ length: count }, (_, i) => `g.r${i}`);
    return fc.tuple(
      ...ids.map((id) =>
        ruleArbitrary(
          id,
          ids.filter((other) => other !== id),
        ),
      ),
    );
  });
