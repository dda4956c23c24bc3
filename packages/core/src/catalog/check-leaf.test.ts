import { OPERATORS } from '../engine/operators';
import type { FactDefinition } from '../generated/fact-catalogue-file';
import type { LeafCondition } from '../generated/rule-definition';
import { buildValueSetIndex } from '../terminology/value-set-index';
import { checkLeaf } from './check-leaf';
import type { RuleCheckContext } from './rule-check-context';

const facts: FactDefinition[] = [
  {
    name: 'lab.dDimer',
    type: 'number',
    unit: 'mg/L',
    description: 'd',
    source: { kind: 'observation' },
  },
  { name: 'dvt.score', type: 'number', description: 'd', source: { kind: 'derived' } },
  {
    name: 'dvt.wellsClass',
    type: 'string',
    enum: ['likely', 'unlikely'],
    description: 'd',
    source: { kind: 'derived' },
  },
  { name: 'dvt.items', type: 'object', description: 'd', source: { kind: 'derived' } },
  { name: 'us.lastAt', type: 'date', description: 'd', source: { kind: 'observation' } },
  { name: 'meds.classes', type: 'string[]', description: 'd', source: { kind: 'medication' } },
  { name: 'patient.pregnant', type: 'boolean', description: 'd', source: { kind: 'condition' } },
  {
    name: 'meds.orderIds',
    type: 'string[]',
    description: 'd',
    // the adapter's source members are opaque to the catalogue type
    source: { kind: 'medication', aggregate: 'ids' } as FactDefinition['source'],
  },
  {
    name: 'obs.coded',
    type: 'string',
    enum: ['http://snomed.info/sct|260385009', 'http://snomed.info/sct|10828004'],
    description: 'd',
    source: { kind: 'observation' },
  },
];

const context: RuleCheckContext = {
  facts: new Map(facts.map((f) => [f.name, f])),
  operators: OPERATORS,
  terminology: buildValueSetIndex([
    {
      resourceType: 'ValueSet',
      url: 'https://example.test/vs',
      compose: { include: [{ system: 's', concept: [{ code: 'c' }] }] },
    },
  ]),
  convert: (value, from, to) =>
    from === 'ug/L' && to === 'mg/L'
      ? { ok: true, value: value / 1000, unit: to }
      : { ok: false, reason: `no ${from} → ${to}` },
};

const leaf = (fact: string, operator: string, extra: Record<string, unknown> = {}): LeafCondition =>
  ({ fact, operator, ...extra }) as LeafCondition;

describe('checkLeaf', () => {
  it.each([
    ['number threshold', leaf('lab.dDimer', 'greaterThanOrEqual', { value: 0.5 })],
    [
      'threshold in a convertible unit',
      leaf('lab.dDimer', 'lessThan', { value: 500, unit: 'ug/L' }),
    ],
    ['enum value', leaf('dvt.wellsClass', 'equal', { value: 'likely' })],
    ['enum list', leaf('dvt.wellsClass', 'in', { value: ['likely', 'unlikely'] })],
    ['isKnown on any type', leaf('dvt.items', 'isKnown')],
    ['duration', leaf('us.lastAt', 'withinLast', { value: 'P30D' })],
    ['value set by url', leaf('meds.classes', 'inValueSet', { value: 'https://example.test/vs' })],
    [
      'value set on a fact whose enum holds codings',
      leaf('obs.coded', 'inValueSet', { value: 'https://example.test/vs' }),
    ],
    ['element of a list fact', leaf('meds.classes', 'contains', { value: 'nsaid' })],
    [
      'fact reference of the same type',
      leaf('lab.dDimer', 'greaterThan', { value: { fact: 'dvt.score' } }),
    ],
    ['boolean', leaf('patient.pregnant', 'equal', { value: true })],
  ])('accepts %s', (_name, given) => {
    expect(checkLeaf(given, '/conditions/all/0', 'p/r.rule.json', context)).toEqual([]);
  });

  it.each([
    ['unknown fact', leaf('lab.nope', 'equal', { value: 1 }), 'SOLEUS_RULE_UNKNOWN_FACT', '/fact'],
    [
      'unknown operator',
      leaf('lab.dDimer', 'greaterThen', { value: 1 }),
      'SOLEUS_RULE_UNKNOWN_OPERATOR',
      '/operator',
    ],
    [
      'lessThan on a string fact',
      leaf('dvt.wellsClass', 'lessThan', { value: 1 }),
      'SOLEUS_RULE_OPERATOR_TYPE',
      '/operator',
    ],
    [
      'string threshold for lessThan',
      leaf('lab.dDimer', 'lessThan', { value: '1' }),
      'SOLEUS_RULE_OPERATOR_TYPE',
      '/value',
    ],
    [
      'value outside the enum',
      leaf('dvt.wellsClass', 'equal', { value: 'maybe' }),
      'SOLEUS_RULE_OPERATOR_TYPE',
      '/value',
    ],
    [
      'list member outside the enum',
      leaf('dvt.wellsClass', 'in', { value: ['likely', 'maybe'] }),
      'SOLEUS_RULE_OPERATOR_TYPE',
      '/value',
    ],
    [
      'empty list',
      leaf('dvt.wellsClass', 'in', { value: [] }),
      'SOLEUS_RULE_OPERATOR_TYPE',
      '/value',
    ],
    [
      'value on isKnown',
      leaf('lab.dDimer', 'isKnown', { value: 1 }),
      'SOLEUS_RULE_OPERATOR_TYPE',
      '/value',
    ],
    ['missing value', leaf('lab.dDimer', 'lessThan'), 'SOLEUS_RULE_OPERATOR_TYPE', ''],
    [
      'bad duration',
      leaf('us.lastAt', 'withinLast', { value: '30 days' }),
      'SOLEUS_RULE_OPERATOR_TYPE',
      '/value',
    ],
    [
      'inValueSet on a number fact',
      leaf('lab.dDimer', 'inValueSet', { value: 'https://example.test/vs' }),
      'SOLEUS_RULE_OPERATOR_TYPE',
      '/operator',
    ],
    [
      'inValueSet on a boolean fact',
      leaf('patient.pregnant', 'inValueSet', { value: 'https://example.test/vs' }),
      'SOLEUS_RULE_OPERATOR_TYPE',
      '/operator',
    ],
    [
      'inValueSet on a string fact whose enum holds words, never codes',
      leaf('dvt.wellsClass', 'inValueSet', { value: 'https://example.test/vs' }),
      'SOLEUS_RULE_OPERATOR_TYPE',
      '/operator',
    ],
    [
      'inValueSet on resource ids',
      leaf('meds.orderIds', 'inValueSet', { value: 'https://example.test/vs' }),
      'SOLEUS_RULE_OPERATOR_TYPE',
      '/operator',
    ],
    [
      'inValueSet with a list instead of a value-set url',
      leaf('meds.classes', 'inValueSet', { value: ['https://example.test/vs'] }),
      'SOLEUS_RULE_OPERATOR_TYPE',
      '/value',
    ],
    [
      'unknown value set',
      leaf('meds.classes', 'inValueSet', { value: 'vs:nope' }),
      'SOLEUS_RULE_UNKNOWN_VALUESET',
      '/value',
    ],
    [
      'path on a number fact',
      leaf('lab.dDimer', 'isKnown', { path: '$.x' }),
      'SOLEUS_RULE_OPERATOR_TYPE',
      '/path',
    ],
    [
      'reference to an unknown fact',
      leaf('lab.dDimer', 'lessThan', { value: { fact: 'x.y' } }),
      'SOLEUS_RULE_UNKNOWN_FACT',
      '/value/fact',
    ],
    [
      'reference to another type',
      leaf('lab.dDimer', 'lessThan', { value: { fact: 'us.lastAt' } }),
      'SOLEUS_RULE_OPERATOR_TYPE',
      '/value/fact',
    ],
    [
      'unit that does not convert',
      leaf('lab.dDimer', 'lessThan', { value: 1, unit: 'mg' }),
      'SOLEUS_RULE_UNIT',
      '/unit',
    ],
    [
      'unit on a fact without unit',
      leaf('dvt.score', 'lessThan', { value: 1, unit: 'mg' }),
      'SOLEUS_RULE_UNIT',
      '/unit',
    ],
  ])('rejects %s', (_name, given, code, at) => {
    const issues = checkLeaf(given, '/conditions/any/1', 'p/r.rule.json', context);
    expect(issues.map((i) => [i.code, i.location?.pointer])).toEqual([
      [code, `/conditions/any/1${at}`],
    ]);
    expect(issues[0]?.message.startsWith(`p/r.rule.json#/conditions/any/1${at}: `)).toBe(true);
  });

  it('reports an unknown fact and an unknown operator together', () => {
    const issues = checkLeaf(leaf('x.y', 'nope', { value: 1 }), '/conditions/all/0', 'f', context);
    expect(issues.map((i) => i.code)).toEqual([
      'SOLEUS_RULE_UNKNOWN_FACT',
      'SOLEUS_RULE_UNKNOWN_OPERATOR',
    ]);
  });
});
