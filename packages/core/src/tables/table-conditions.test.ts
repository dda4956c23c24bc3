import { OPERATORS } from '../engine/operators';
import type { DecisionTable } from '../generated/decision-table';
import type { Condition } from '../generated/rule-definition';
import { buildValueSetIndex } from '../terminology/value-set-index';
import { evaluateDecisionTable } from './evaluate-decision-table';
import type { LoadedTable } from './loaded-table';
import { tableConditions } from './table-conditions';
import { verifyDecisionTable } from './verify-decision-table';

const terminology = buildValueSetIndex([]);

function holds(condition: Condition, values: Readonly<Record<string, unknown>>): boolean {
  if ('all' in condition) {
    return condition.all.every((c) => holds(c, values));
  }
  if ('any' in condition) {
    return condition.any.some((c) => holds(c, values));
  }
  if ('not' in condition) {
    return !holds(condition.not, values);
  }
  const spec = OPERATORS.get(condition.operator);
  return spec?.evaluate(values[condition.fact], condition.value, { terminology }) ?? false;
}

function loaded(definition: Omit<DecisionTable, 'id' | 'pack' | 'title' | 'inputs'>): LoadedTable {
  return {
    definition: {
      id: 't',
      pack: 'p',
      title: 'T',
      inputs: [{ fact: 'a' }, { fact: 'b' }],
      ...definition,
    },
    file: 'p/t.table.json',
    columns: [
      { fact: 'a', label: 'A', values: [true, false, null] },
      { fact: 'b', label: 'B', values: ['x', 'y', 'z', null] },
    ],
  };
}

const output = { values: ['one', 'two', 'three'] as [string, ...string[]] };
const first = loaded({
  hitPolicy: 'first',
  output,
  rows: [
    { when: { a: true, b: ['x', 'y'] }, then: 'one' },
    { when: { b: 'x' }, then: 'two' },
    { when: { a: [false, null], b: 'y' }, then: null },
    { when: {}, then: 'three' },
  ],
});
const unique = loaded({
  hitPolicy: 'unique',
  output,
  rows: [
    { when: { a: true }, then: 'one' },
    { when: { a: false, b: ['x', null] }, then: 'two' },
    { when: { a: [false, null], b: ['y', 'z'] }, then: 'three' },
    { when: { a: null, b: ['x', null] }, then: null },
  ],
});
const overlapping = loaded({
  hitPolicy: 'unique',
  output,
  rows: [
    { when: { a: true }, then: 'one' },
    { when: { a: false, b: ['x', null] }, then: 'two' },
    { when: { a: [false, null] }, then: 'three' },
  ],
});
// Every combination, plus a value outside b's domain (read as unknown).
const combinations = [true, false, null, undefined].flatMap((a) =>
  ['x', 'y', 'z', null, 'w'].map((b) => ({ a, b })),
);

describe.each([
  ['first', first],
  ['unique', unique],
])('tableConditions, hit policy %s', (_policy, table) => {
  it.each(output.values)('holds exactly where the table gives "%s"', (outcome) => {
    const condition = tableConditions(table, outcome);
    const wrong = combinations.filter(
      (values) =>
        holds(condition, values) !==
        (evaluateDecisionTable(table, (fact) => values[fact as 'a' | 'b']).outcome === outcome),
    );
    expect(wrong).toEqual([]);
  });
});

describe('verifyDecisionTable on a small table', () => {
  it('finds the overlap of a unique table and names both rows', () => {
    expect(verifyDecisionTable(unique)).toEqual([]);
    const issues = verifyDecisionTable(overlapping);
    expect(issues.map((i) => [i.code, i.location?.pointer])).toEqual([
      ['SOLEUS_RULE_TABLE_OVERLAP', '/rows/2'],
    ]);
    expect(issues[0]?.message).toContain('row 2 and row /rows/1 both match a = false, b = "x"');
  });

  it('reports an invariant once per row with its first counterexample', () => {
    const table: LoadedTable = {
      ...first,
      definition: {
        ...first.definition,
        invariants: [
          {
            id: 'no-three-on-z',
            description: 'Never three for z.',
            when: { b: 'z' },
            never: ['three'],
          },
        ],
      },
    };
    expect(verifyDecisionTable(table).map((i) => i.message)).toEqual([
      'p/t.table.json#/rows/3: row 3 gives "three" for a = true, b = "z", which breaks invariant /invariants/0 "no-three-on-z": Never three for z.',
    ]);
  });
});
