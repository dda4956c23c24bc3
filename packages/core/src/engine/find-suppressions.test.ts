import { findSuppressions, type SuppressionInput } from './find-suppressions';

const r = (ruleId: string, ...suppresses: string[]): SuppressionInput => ({ ruleId, suppresses });

describe('findSuppressions', () => {
  it.each<[string, { given: SuppressionInput[]; want: Record<string, string> }]>([
    ['nothing suppressed', { given: [r('a'), r('b')], want: {} }],
    ['a withdraws b', { given: [r('a', 'b'), r('b')], want: { b: 'a' } }],
    ['same outcome when b ranks first', { given: [r('b'), r('a', 'b')], want: { b: 'a' } }],
    ['a target that did not fire is ignored', { given: [r('a', 'x')], want: {} }],
    [
      'a withdrawn rule suppresses nothing (chain)',
      { given: [r('a', 'b'), r('b', 'c'), r('c')], want: { b: 'a' } },
    ],
    [
      'chain in reverse rank order',
      { given: [r('c'), r('b', 'c'), r('a', 'b')], want: { b: 'a' } },
    ],
    ['self-suppression is ignored', { given: [r('a', 'a')], want: {} }],
    ['cycle: the best-ranked rule stays', { given: [r('a', 'b'), r('b', 'a')], want: { b: 'a' } }],
    ['cycle ranked the other way', { given: [r('b', 'a'), r('a', 'b')], want: { a: 'b' } }],
    [
      'two suppressors of one rule',
      { given: [r('a', 'c'), r('b', 'c'), r('c')], want: { c: 'a' } },
    ],
  ])('%s', (_name, { given, want }) => {
    expect(Object.fromEntries(findSuppressions(given))).toEqual(want);
  });
});
