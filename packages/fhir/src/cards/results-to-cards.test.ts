import {
  factSetOf,
  type EvaluationResult,
  type Issue,
  type LoadedRule,
  type RuleDefinition,
  type RuleResult,
  type RuleSet,
} from '@soleus/core';
import { validateCdsResponse } from '../cds-hooks/validate-cds-response';
import { CARD_EXTENSION } from './card-extension';
import { lintCardText } from './lint-card-text';
import { resultsToCards } from './results-to-cards';

const pack = { id: 'analgesic', title: 'C', version: '1.2.0', order: 3 };
const definition: RuleDefinition = {
  id: 'nsaid-contraindicated',
  version: '1.0.0',
  status: 'active',
  title: 'NSAID contraindicated',
  pack: 'analgesic',
  hooks: ['order-sign'],
  priority: 100,
  conditions: { all: [{ fact: 'renal.egfr', operator: 'lessThan', value: 30 }] },
  card: {
    indicator: 'critical',
    summary: 'Avoid the NSAID: eGFR {{fact.renal.egfr}}.',
    detail: 'Kidney function is too low for a systemic NSAID.',
    variants: [
      {
        when: { all: [{ fact: 'renal.egfr', operator: 'lessThan', value: 15 }] },
        summary: 'Avoid the NSAID: kidney failure.',
      },
    ],
    selectionBehavior: 'at-most-one',
    suggestions: [
      {
        label: 'Replace with acetaminophen',
        isRecommended: true,
        actions: [
          {
            type: 'delete',
            description: 'Remove the draft NSAID',
            resourceIdsFrom: 'order.draftNsaidIds',
          },
          {
            type: 'create',
            description: 'Order acetaminophen',
            resource: {
              resourceType: 'MedicationRequest',
              status: 'draft',
              intent: 'order',
              subject: { reference: 'Patient/{{context.patientId}}' },
            },
          },
        ],
      },
      {
        label: 'Remove only',
        actions: [{ type: 'delete', description: 'Remove', resourceIdsFrom: 'order.none' }],
      },
    ],
    links: [
      {
        label: 'KDIGO 2012',
        url: 'https://kdigo.org/guidelines/ckd-evaluation-and-management/',
        type: 'absolute',
      },
    ],
    overrideReasons: [{ code: 'benefit-outweighs-risk', display: 'Benefit outweighs risk' }],
  },
  evidence: [{ citation: 'KDIGO 2012 CKD guideline', url: 'https://kdigo.org/' }],
};
const file = 'analgesic/nsaid-contraindicated.rule.json';
const rule: LoadedRule = { definition, file, path: `/rules/${file}`, pack };
const catalogue = new Map([
  [
    'renal.egfr',
    {
      name: 'renal.egfr',
      label: 'eGFR',
      type: 'number',
      unit: 'mL/min/{1.73_m2}',
      description: 'Latest eGFR.',
      source: { kind: 'observation' },
    },
  ],
]);
const ruleSet = {
  rulesById: new Map([[definition.id, rule]]),
  facts: catalogue,
} as unknown as RuleSet;
const unreadable: Issue = {
  severity: 'warning',
  code: 'SOLEUS_FHIR_UNINTERPRETABLE',
  message: 'Observation/egfr2 (valueQuantity.unit): unit "x" cannot be read; treated as unknown',
  location: { resource: 'Observation/egfr2', path: 'valueQuantity.unit' },
  clinicianText: 'eGFR (21 Nov 2026) has a unit that cannot be read (“x”); treated as unknown',
};
const facts = factSetOf({
  'renal.egfr': {
    value: 12,
    unit: 'mL/min/{1.73_m2}',
    at: '2026-11-20T08:00:00.000Z',
    evidence: [{ resource: 'Observation/egfr1' }],
    ignored: [{ resource: 'Observation/old', note: 'older than the P90D window' }],
  },
  'order.draftNsaidIds': ['MedicationRequest/draft-1'],
  'order.none': [],
});
const result: RuleResult = {
  ruleId: definition.id,
  ruleVersion: '1.0.0',
  packId: 'analgesic',
  fired: true,
  indicator: 'critical',
  variants: [0],
  suggestions: [0, 1],
  conditions: [
    {
      pointer: '/conditions/all/0',
      fact: 'renal.egfr',
      operator: 'lessThan',
      value: 30,
      factValue: facts.get('renal.egfr') ?? null,
      result: true,
    },
  ],
};
const evaluation: EvaluationResult = {
  now: '2026-11-22T09:00:00.000Z',
  hook: 'order-sign',
  results: [result],
  fired: [result],
  issues: [],
};

describe('resultsToCards', () => {
  let n = 0;
  const uuid = (): string => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
  const [card] = resultsToCards(evaluation, {
    ruleSet,
    facts,
    context: { patientId: 'p1' },
    uuid,
    dataIssues: new Map([[definition.id, [unreadable]]]),
  });

  it('carries the card id in source.topic, a uuid and the effective indicator', () => {
    expect(card?.source.topic).toEqual({
      system: 'https://soleus.dev/fhir/CodeSystem/card',
      code: 'nsaid-contraindicated',
      display: 'NSAID contraindicated',
    });
    expect(card?.uuid).toMatch(/^00000000-/);
    expect(card?.indicator).toBe('critical');
  });

  it('uses the first matching variant summary', () => {
    expect(card?.summary).toBe('Avoid the NSAID: kidney failure.');
  });

  it('explains the decision in clinician words: data not used, a Based on list with human units and dates, sources', () => {
    expect(card?.detail).toBe(
      [
        'Kidney function is too low for a systemic NSAID.',
        '**Could not be used** (treated as unknown, never as normal)\n- eGFR (21 Nov 2026) has a unit that cannot be read (“x”); treated as unknown',
        '**Based on**\n- eGFR: 12 mL/min/1.73 m² (20 Nov 2026, 2 days ago)',
        '**Sources**\n- [KDIGO 2012 CKD guideline](https://kdigo.org/)',
      ].join('\n\n'),
    );
    expect(lintCardText(card ?? { summary: '' })).toEqual([]);
  });

  it('puts the engineering explanation in the card extension: rule id@version, pointers, facts, resources, issues', () => {
    expect(card?.extension?.[CARD_EXTENSION]).toEqual({
      rule: 'nsaid-contraindicated',
      version: '1.0.0',
      pack: 'analgesic@1.2.0',
      conditions: [
        {
          pointer: '/conditions/all/0',
          fact: 'renal.egfr',
          operator: 'lessThan',
          value: 12,
          unit: 'mL/min/{1.73_m2}',
          at: '2026-11-20T08:00:00.000Z',
          resources: ['Observation/egfr1'],
        },
      ],
      ignored: [{ resource: 'Observation/old', note: 'older than the P90D window' }],
      dataIssues: [
        {
          code: 'SOLEUS_FHIR_UNINTERPRETABLE',
          location: unreadable.location,
          message: unreadable.message,
        },
      ],
    });
  });

  it('builds create with the interpolated resource and delete by resourceId, create first; drops a suggestion with nothing to delete', () => {
    // The rule lists delete then create; a client applying actions one by one and stopping early
    // (the CDS Hooks sandbox stops at its first applied action) must never end with neither order.
    expect(card?.selectionBehavior).toBe('at-most-one');
    expect(card?.suggestions).toHaveLength(1);
    expect(card?.suggestions?.[0]?.actions).toEqual([
      {
        type: 'create',
        description: 'Order acetaminophen',
        resource: {
          resourceType: 'MedicationRequest',
          status: 'draft',
          intent: 'order',
          subject: { reference: 'Patient/p1' },
        },
      },
      {
        type: 'delete',
        description: 'Remove the draft NSAID',
        resourceId: 'MedicationRequest/draft-1',
      },
    ]);
  });

  it('gives override reasons a system and display, and validates against the CDS Hooks response schema', () => {
    expect(card?.overrideReasons).toEqual([
      {
        system: 'https://soleus.dev/fhir/CodeSystem/override-reason',
        code: 'benefit-outweighs-risk',
        display: 'Benefit outweighs risk',
      },
    ]);
    expect(validateCdsResponse({ cards: [card] })).toEqual([]);
  });

  it('cuts an interpolated summary that would reach 140 characters', () => {
    const long = factSetOf({ 'renal.egfr': { value: 20, unit: 'x'.repeat(200) } });
    const noVariant = { ...result, variants: [] };
    const [c] = resultsToCards(
      { ...evaluation, fired: [noVariant] },
      { ruleSet, facts: long, context: {}, uuid },
    );
    expect(c?.summary.length).toBe(139);
    expect(c?.summary.endsWith('…')).toBe(true);
  });
});
