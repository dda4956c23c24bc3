import type { Condition, FactDefinition, LeafCondition } from '@soleus/core';
import { describeCondition, describeLeaf } from './describe-condition';

const FACTS = new Map<string, FactDefinition>([
  [
    'lab.egfr',
    {
      name: 'lab.egfr',
      type: 'number',
      unit: 'mL/min/{1.73_m2}',
      description: 'eGFR',
      source: { kind: 'observation' },
    },
  ],
  [
    'dvt.wellsClass',
    { name: 'dvt.wellsClass', type: 'string', description: 'Wells', source: { kind: 'derived' } },
  ],
]);

describe('describeLeaf', () => {
  it.each<[string, LeafCondition, string]>([
    [
      'number with unit',
      { fact: 'lab.egfr', operator: 'lessThan', value: 30 },
      'lab.egfr (mL/min/{1.73_m2}) < 30',
    ],
    [
      'threshold in another unit',
      { fact: 'lab.egfr', operator: 'greaterThanOrEqual', value: 0.5, unit: 'mL/s/{1.73_m2}' },
      'lab.egfr (mL/min/{1.73_m2}) ≥ 0.5 mL/s/{1.73_m2}',
    ],
    [
      'string equal',
      { fact: 'dvt.wellsClass', operator: 'equal', value: 'likely' },
      'dvt.wellsClass is "likely"',
    ],
    [
      'list',
      { fact: 'dvt.wellsClass', operator: 'in', value: ['a', 'b'] },
      'dvt.wellsClass is one of "a", "b"',
    ],
    [
      'no value',
      { fact: 'lab.egfr', operator: 'isUnknown' },
      'lab.egfr (mL/min/{1.73_m2}) is unknown (no usable data)',
    ],
    [
      'fact reference',
      { fact: 'lab.egfr', operator: 'lessThan', value: { fact: 'lab.other' } },
      'lab.egfr (mL/min/{1.73_m2}) < the value of lab.other',
    ],
    [
      'unknown fact and operator',
      { fact: 'x.y', operator: 'fancyOp', value: true },
      'x.y fancyOp true',
    ],
    [
      'path',
      { fact: 'dvt.wellsClass', operator: 'equal', value: 1, path: '$.score' },
      'dvt.wellsClass $.score is 1',
    ],
  ])('%s', (_name, leaf, want) => {
    expect(describeLeaf(leaf, FACTS)).toBe(want);
  });
});

describe('describeCondition', () => {
  it('keeps the nesting of all / any / not as depths', () => {
    const condition: Condition = {
      all: [
        { fact: 'dvt.wellsClass', operator: 'equal', value: 'likely' },
        {
          any: [
            { not: { fact: 'lab.egfr', operator: 'isKnown' } },
            { fact: 'lab.egfr', operator: 'lessThan', value: 30 },
          ],
        },
      ],
    };
    expect(describeCondition(condition, FACTS)).toEqual([
      { depth: 0, text: 'all of:' },
      { depth: 1, text: 'dvt.wellsClass is "likely"' },
      { depth: 1, text: 'any of:' },
      { depth: 2, text: 'not:' },
      { depth: 3, text: 'lab.egfr (mL/min/{1.73_m2}) is known' },
      { depth: 2, text: 'lab.egfr (mL/min/{1.73_m2}) < 30' },
    ]);
  });
});
