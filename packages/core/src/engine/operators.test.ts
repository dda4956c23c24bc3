import { testTerminology } from '../../test/support/rule-set-factory';
import type { DatedValue } from './dated-value';
import { OPERATORS } from './operators';

const ctx = {
  terminology: testTerminology({
    'vs:calf': ['http://example.org/cs|calf', 'http://example.org/cs|leg'],
  }),
};
const DAY = 86_400_000;
const NOW = Date.UTC(2024, 2, 31, 12); // 2024-03-31T12:00Z
const dated = (at: number): DatedValue => ({ at, now: NOW });

type Case = [operator: string, { fact: unknown; value?: unknown; want: boolean }];

const cases: Case[] = [
  ['equal', { fact: 'high', value: 'high', want: true }],
  ['equal', { fact: 'high', value: 'low', want: false }],
  ['equal', { fact: 2, value: 2, want: true }],
  ['equal', { fact: true, value: true, want: true }],
  ['equal', { fact: 1, value: '1', want: false }],
  ['equal', { fact: ['a'], value: 'a', want: false }],
  ['notEqual', { fact: 'high', value: 'low', want: true }],
  ['notEqual', { fact: 'high', value: 'high', want: false }],
  ['notEqual', { fact: false, value: true, want: true }],
  ['lessThan', { fact: 1, value: 2, want: true }],
  ['lessThan', { fact: 2, value: 2, want: false }],
  ['lessThan', { fact: '1', value: 2, want: false }],
  ['lessThanOrEqual', { fact: 2, value: 2, want: true }],
  ['lessThanOrEqual', { fact: 2.01, value: 2, want: false }],
  ['greaterThan', { fact: 3, value: 2, want: true }],
  ['greaterThan', { fact: 2, value: 2, want: false }],
  ['greaterThan', { fact: 3, value: '2', want: false }],
  ['greaterThanOrEqual', { fact: 2, value: 2, want: true }],
  ['greaterThanOrEqual', { fact: 1.99, value: 2, want: false }],
  ['greaterThanOrEqual', { fact: Number.NaN, value: 2, want: false }],
  ['in', { fact: 'b', value: ['a', 'b'], want: true }],
  ['in', { fact: 'c', value: ['a', 'b'], want: false }],
  ['in', { fact: 'a', value: 'a', want: false }],
  ['notIn', { fact: 'c', value: ['a', 'b'], want: true }],
  ['notIn', { fact: 'a', value: ['a', 'b'], want: false }],
  ['notIn', { fact: ['c'], value: ['a'], want: false }],
  ['contains', { fact: ['a', 'b'], value: 'b', want: true }],
  ['contains', { fact: ['a'], value: 'b', want: false }],
  ['contains', { fact: 'ab', value: 'b', want: false }],
  ['doesNotContain', { fact: ['a'], value: 'b', want: true }],
  ['doesNotContain', { fact: ['a', 'b'], value: 'b', want: false }],
  ['doesNotContain', { fact: [], value: 'b', want: true }],
  ['containsAny', { fact: ['a', 'b'], value: ['x', 'b'], want: true }],
  ['containsAny', { fact: ['a'], value: ['x', 'y'], want: false }],
  ['containsAny', { fact: ['a'], value: 'a', want: false }],
  ['isKnown', { fact: 0, want: true }],
  ['isKnown', { fact: '', want: true }],
  ['isKnown', { fact: [], want: true }],
  ['isKnown', { fact: false, want: true }],
  ['isUnknown', { fact: 0, want: false }],
  ['isUnknown', { fact: Number.NaN, want: true }],
  ['withinLast', { fact: dated(NOW - 14 * DAY), value: 'P14D', want: true }],
  ['withinLast', { fact: dated(NOW - 14 * DAY - 1), value: 'P14D', want: false }],
  ['withinLast', { fact: dated(NOW), value: 'PT4H', want: true }],
  ['withinLast', { fact: dated(NOW + 1), value: 'PT4H', want: false }],
  ['withinLast', { fact: dated(NOW - 4 * 3_600_000 - 1), value: 'PT4H', want: false }],
  ['withinLast', { fact: dated(Date.UTC(2024, 1, 29, 12)), value: 'P1M', want: true }],
  ['withinLast', { fact: dated(Date.UTC(2024, 1, 29, 11, 59)), value: 'P1M', want: false }],
  ['withinLast', { fact: dated(NOW - DAY), value: 'P1.5D', want: false }],
  ['withinLast', { fact: '2024-03-30', value: 'P14D', want: false }],
  ['olderThan', { fact: dated(NOW - 7 * DAY - 1), value: 'P7D', want: true }],
  ['olderThan', { fact: dated(NOW - 7 * DAY), value: 'P7D', want: false }],
  ['olderThan', { fact: dated(Date.UTC(2023, 2, 31, 11, 59)), value: 'P12M', want: true }],
  ['olderThan', { fact: dated(Date.UTC(2023, 2, 31, 12)), value: 'P12M', want: false }],
  ['olderThan', { fact: dated(0), value: 'seven days', want: false }],
  ['inValueSet', { fact: 'http://example.org/cs|calf', value: 'vs:calf', want: true }],
  ['inValueSet', { fact: 'http://example.org/cs|arm', value: 'vs:calf', want: false }],
  [
    'inValueSet',
    {
      fact: ['http://example.org/cs|arm', 'http://example.org/cs|leg'],
      value: 'vs:calf',
      want: true,
    },
  ],
  ['inValueSet', { fact: ['http://example.org/cs|arm'], value: 'vs:calf', want: false }],
  ['inValueSet', { fact: 'calf', value: 'vs:calf', want: false }],
  ['inValueSet', { fact: 'http://example.org/cs|', value: 'vs:calf', want: false }],
];

/** A value each operator accepts, so the unknown cases test the fact, not a bad value. */
const VALUE_FOR: Readonly<Record<string, unknown>> = {
  equal: 'x',
  notEqual: 'x',
  lessThan: 1,
  lessThanOrEqual: 1,
  greaterThan: 1,
  greaterThanOrEqual: 1,
  in: ['x'],
  notIn: ['x'],
  contains: 'x',
  doesNotContain: 'x',
  containsAny: ['x'],
  isKnown: null,
  isUnknown: null,
  withinLast: 'P14D',
  olderThan: 'P7D',
  inValueSet: 'vs:calf',
};

describe('OPERATORS', () => {
  it.each(cases)('%s %j', (name, { fact, value, want }) => {
    const spec = OPERATORS.get(name);
    expect(spec?.evaluate(fact, value, ctx)).toBe(want);
  });

  const unknownCases = [...OPERATORS.keys()].flatMap((name) =>
    [null, undefined].map((fact) => [name, fact] as const),
  );
  it.each(unknownCases)(
    '%s on an unknown fact (%p) is false unless the operator is isUnknown',
    (name, fact) => {
      const spec = OPERATORS.get(name);
      expect(spec?.evaluate(fact, VALUE_FOR[name], ctx)).toBe(name === 'isUnknown');
    },
  );

  it('has a case table entry with a true and a false outcome for every operator', () => {
    for (const name of OPERATORS.keys()) {
      const outcomes = new Set(
        [
          ...cases,
          ...unknownCases.map(([n]) => [n, { fact: null, want: n === 'isUnknown' }] as Case),
        ]
          .filter(([n]) => n === name)
          .map(([, c]) => c.want),
      );
      expect([name, [...outcomes].sort()]).toEqual([name, [false, true]]);
    }
  });

  it('is keyed by each spec name and documents every spec', () => {
    for (const [key, spec] of OPERATORS) {
      expect(spec.name).toBe(key);
      expect(spec.description.length).toBeGreaterThan(10);
      expect(spec.factTypes.length).toBeGreaterThan(0);
    }
    expect(Object.keys(VALUE_FOR).sort()).toEqual([...OPERATORS.keys()].sort());
  });

  it('propagates a terminology failure (unknown value set) so the engine can wrap it', () => {
    expect(() =>
      OPERATORS.get('inValueSet')?.evaluate('http://example.org/cs|calf', 'vs:nope', ctx),
    ).toThrow(expect.objectContaining({ code: 'SOLEUS_VALUESET_NOT_FOUND' }));
  });
});
