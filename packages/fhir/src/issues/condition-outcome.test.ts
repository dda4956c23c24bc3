import type { ConditionTrace, RuleDefinition } from '@soleus/core';
import { conditionOutcome } from './condition-outcome';

type Tree = RuleDefinition['conditions'];

const leaf = (fact: string) => ({ fact, operator: 'equal', value: true });
const traced = (results: Record<string, boolean>): Map<string, ConditionTrace> =>
  new Map(
    Object.entries(results).map(([pointer, result]) => [
      pointer,
      { pointer, fact: '', operator: 'equal', value: true, factValue: null, result },
    ]),
  );

describe('conditionOutcome (three-valued)', () => {
  const all: Tree = { all: [leaf('a'), leaf('b')] };
  const any: Tree = { any: [leaf('a'), leaf('b')] };
  const not: Tree = { not: leaf('a') };
  const uncertain = (fact: string) => fact === 'a';

  it.each<[string, Tree, Record<string, boolean>, boolean | null]>([
    ['all: uncertain and true → uncertain', all, { '/c/all/0': false, '/c/all/1': true }, null],
    ['all: uncertain and false → false', all, { '/c/all/0': true, '/c/all/1': false }, false],
    ['any: uncertain and true → true', any, { '/c/any/0': false, '/c/any/1': true }, true],
    ['any: uncertain and false → uncertain', any, { '/c/any/0': true, '/c/any/1': false }, null],
    ['not keeps uncertainty', not, { '/c/not': true }, null],
  ])('%s', (_name, tree, results, want) => {
    expect(conditionOutcome(tree, '/c', traced(results), uncertain)).toBe(want);
  });

  it('with nothing uncertain, gives back what the engine traced', () => {
    const none = () => false;
    expect(conditionOutcome(all, '/c', traced({ '/c/all/0': true, '/c/all/1': true }), none)).toBe(
      true,
    );
    expect(conditionOutcome(not, '/c', traced({ '/c/not': true }), none)).toBe(false);
  });

  it('treats a leaf missing from the trace as uncertain', () => {
    expect(conditionOutcome(all, '/c', traced({ '/c/all/0': true }), () => false)).toBeNull();
  });
});
