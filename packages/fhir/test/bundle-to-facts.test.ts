/**
 * bundleToFacts at the fact level, over a small catalogue written to a temp dir: §0.1 status filtering,
 * look-back window edges, "the unit decides" (§0.2), uninterpretable values as unknown + issue, the
 * FHIRPath `where` / `expression` sources, and draft orders per hook.
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FhirResource } from 'fhir/r4';
import { isSoleusError, loadRuleSet, type RuleSet } from '@soleus/core';
import { bundleToFacts } from '../src/facts/bundle-to-facts';
import type { IndexEntry } from '../src/facts/record-index';

const NOW = '2026-11-22T09:00:00Z';
const LOINC = 'http://loinc.org';
const VS = 'https://soleus.dev/fhir/ValueSet';

function writeContent(
  facts: unknown[],
  rule: unknown,
): { rulesDir: string; factsDir: string; valueSetsDir: string } {
  const root = mkdtempSync(join(tmpdir(), 'soleus-facts-'));
  const dirs = {
    rulesDir: join(root, 'rules'),
    factsDir: join(root, 'facts'),
    valueSetsDir: join(root, 'valuesets'),
  };
  mkdirSync(join(dirs.rulesDir, 't'), { recursive: true });
  mkdirSync(dirs.factsDir);
  mkdirSync(dirs.valueSetsDir);
  const vs = (id: string, system: string, codes: string[]) =>
    writeFileSync(
      join(dirs.valueSetsDir, `${id}.valueset.json`),
      JSON.stringify({
        resourceType: 'ValueSet',
        id,
        url: `${VS}/${id}`,
        status: 'active',
        compose: { include: [{ system, concept: codes.map((code) => ({ code, display: code })) }] },
      }),
    );
  vs('k', LOINC, ['2823-3']);
  vs('bp', LOINC, ['85354-9']);
  vs('pain', 'http://snomed.info/sct', ['10601006']);
  vs('nsaid', 'http://www.nlm.nih.gov/research/umls/rxnorm', ['5640']);
  // A value set that lists a product by its own code (not in the medication index): product level.
  vs('listed', 'http://www.nlm.nih.gov/research/umls/rxnorm', ['4242421']);
  writeFileSync(join(dirs.factsDir, 't.facts.json'), JSON.stringify({ facts }));
  writeFileSync(
    join(dirs.rulesDir, 't', 'pack.json'),
    JSON.stringify({ id: 't', title: 'T', version: '1.0.0', order: 1 }),
  );
  writeFileSync(join(dirs.rulesDir, 't', 'probe.rule.json'), JSON.stringify(rule));
  return dirs;
}

const facts = [
  {
    name: 'lab.k',
    type: 'number',
    unit: 'mmol/L',
    description: 'K in 30 d',
    source: {
      kind: 'observation',
      valueSet: `${VS}/k`,
      analyte: 'potassium',
      value: 'quantity',
      window: 'P30D',
      aggregate: 'latest',
    },
  },
  {
    name: 'bp.systolic',
    type: 'number',
    description: 'Systolic from a BP panel',
    source: {
      kind: 'observation',
      valueSet: `${VS}/bp`,
      value: 'expression',
      expression: "component.where(code.coding.code contains '8480-6').valueQuantity.value",
      aggregate: 'latest',
    },
  },
  {
    name: 'pain.left',
    type: 'boolean',
    description: 'Left-sided leg pain',
    source: {
      kind: 'condition',
      valueSet: `${VS}/pain`,
      state: 'current',
      where: "bodySite.coding.code contains '7771000'",
      aggregate: 'exists',
    },
  },
  {
    name: 'nsaid.draft',
    type: 'string[]',
    description: 'Draft NSAIDs',
    source: { kind: 'medication', valueSet: `${VS}/nsaid`, scope: 'draft', aggregate: 'ids' },
  },
  {
    name: 'listed.active',
    type: 'string[]',
    description: 'Active orders of a product the value set lists by its own code',
    source: { kind: 'medication', valueSet: `${VS}/listed`, scope: 'active', aggregate: 'ids' },
  },
];
const rule = {
  id: 'probe',
  version: '1.0.0',
  status: 'active',
  title: 'Probe',
  pack: 't',
  hooks: ['patient-view', 'order-select', 'order-sign'],
  priority: 1,
  conditions: {
    any: [
      { fact: 'lab.k', operator: 'isKnown' },
      { fact: 'bp.systolic', operator: 'isKnown' },
      { fact: 'pain.left', operator: 'equal', value: true },
      { fact: 'nsaid.draft', operator: 'isKnown' },
      { fact: 'listed.active', operator: 'isKnown' },
    ],
  },
  card: { indicator: 'info', summary: 'Probe', detail: 'Probe' },
  evidence: [{ citation: 'test' }],
};

let ruleSet: RuleSet;
beforeAll(async () => {
  ruleSet = await loadRuleSet(writeContent(facts, rule));
});

const k = (id: string, over: Partial<Record<string, unknown>>): FhirResource =>
  ({
    resourceType: 'Observation',
    id,
    status: 'final',
    code: { coding: [{ system: LOINC, code: '2823-3' }] },
    subject: { reference: 'Patient/p' },
    effectiveDateTime: '2026-11-20T08:00:00Z',
    valueQuantity: {
      value: 3.2,
      unit: 'mmol/L',
      system: 'http://unitsofmeasure.org',
      code: 'mmol/L',
    },
    ...over,
  }) as FhirResource;
const run = (
  resources: FhirResource[],
  hook: 'patient-view' | 'order-select' | 'order-sign' = 'patient-view',
  extra = {},
) =>
  bundleToFacts(
    { entries: resources.map((resource): IndexEntry => ({ resource })), issues: [] },
    { ruleSet, hook, now: NOW, ...extra },
  );

describe('observation status filtering (§0.1)', () => {
  it.each([
    ['final', 3.2],
    ['amended', 3.2],
    ['corrected', 3.2],
    ['preliminary', null],
    ['registered', null],
    ['cancelled', null],
    ['entered-in-error', null],
    ['unknown', null],
  ])('%s → value %s', (status, want) => {
    const { facts: f } = run([k('o1', { status })]);
    expect(f.get('lab.k')?.value).toBe(want);
    if (want === null) {
      expect(f.get('lab.k')?.ignored?.[0]?.resource).toBe('Observation/o1');
    }
  });

  it('a value with a dataAbsentReason never counts, and is reported', () => {
    const { facts: f, issues } = run([
      k('o1', { valueQuantity: undefined, dataAbsentReason: { text: 'error' } }),
    ]);
    expect(f.get('lab.k')?.value).toBeNull();
    expect(issues.some((i) => i.location?.resource === 'Observation/o1')).toBe(true);
  });
});

describe('window edges and effective time', () => {
  it.each([
    ['exactly 30 days before now is inside', '2026-10-23T09:00:00Z', 3.2],
    ['one second older is stale → unknown', '2026-10-23T08:59:59Z', null],
    ['in the future is refused', '2026-11-23T09:00:00Z', null],
    ['year precision is too coarse', '2026', null],
  ])('%s', (_name, when, want) => {
    expect(run([k('o1', { effectiveDateTime: when })]).facts.get('lab.k')?.value).toBe(want);
  });

  it('a stale-only fact says so as an information issue', () => {
    const { issues } = run([k('o1', { effectiveDateTime: '2025-01-01T00:00:00Z' })]);
    expect(issues.map((i) => [i.severity, i.message])).toContainEqual([
      'information',
      'lab.k: 1 result(s) older than the P30D window; the value is unknown',
    ]);
  });

  it('effectivePeriod.end is used when there is no effectiveDateTime; latest wins', () => {
    const older = k('o1', {
      effectiveDateTime: '2026-11-10T00:00:00Z',
      valueQuantity: { value: 4.0, code: 'mmol/L', system: 'http://unitsofmeasure.org' },
    });
    const newer = k('o2', {
      effectiveDateTime: undefined,
      effectivePeriod: { start: '2026-11-01T00:00:00Z', end: '2026-11-21T00:00:00Z' },
    });
    expect(run([older, newer]).facts.get('lab.k')).toMatchObject({
      value: 3.2,
      at: '2026-11-21T00:00:00.000Z',
      evidence: [{ resource: 'Observation/o2' }],
    });
  });
});

describe('the unit decides (§0.2)', () => {
  it.each([
    [
      'mEq/L = mmol/L for potassium',
      { value: 3.4, code: 'meq/L', system: 'http://unitsofmeasure.org' },
      3.4,
    ],
    ['unit text when there is no code', { value: 3.4, unit: 'mmol/L' }, 3.4],
    ['no unit → unknown + issue', { value: 3.4 }, null],
    [
      'a non-convertible unit → unknown + issue',
      { value: 3.4, code: 'mg', system: 'http://unitsofmeasure.org' },
      null,
    ],
    [
      'a comparator is not an exact value',
      { value: 2.5, comparator: '<', code: 'mmol/L', system: 'http://unitsofmeasure.org' },
      null,
    ],
  ])('%s', (_name, valueQuantity, want) => {
    const { facts: f, issues } = run([k('o1', { valueQuantity })]);
    expect(f.get('lab.k')?.value).toBe(want);
    expect(
      issues.some(
        (i) =>
          i.code === 'SOLEUS_FHIR_UNINTERPRETABLE' && i.location?.resource === 'Observation/o1',
      ),
    ).toBe(want === null);
  });
});

describe('FHIRPath sources (compiled once, over one resource at a time)', () => {
  it('reads a component value with `expression`', () => {
    const panel = {
      resourceType: 'Observation',
      id: 'bp1',
      status: 'final',
      code: { coding: [{ system: LOINC, code: '85354-9' }] },
      subject: { reference: 'Patient/p' },
      effectiveDateTime: '2026-11-21T00:00:00Z',
      component: [
        { code: { coding: [{ system: LOINC, code: '8480-6' }] }, valueQuantity: { value: 152 } },
      ],
    } as FhirResource;
    expect(run([panel]).facts.get('bp.systolic')?.value).toBe(152);
  });

  it.each([
    ['left laterality qualifier passes the `where` filter', '7771000', true],
    ['right does not', '24028007', false],
  ])('%s', (_name, side, want) => {
    const condition = {
      resourceType: 'Condition',
      id: 'c1',
      clinicalStatus: {
        coding: [
          { system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' },
        ],
      },
      code: { coding: [{ system: 'http://snomed.info/sct', code: '10601006' }] },
      subject: { reference: 'Patient/p' },
      bodySite: [{ coding: [{ system: 'http://snomed.info/sct', code: side }] }],
    } as FhirResource;
    expect(run([condition]).facts.get('pain.left')?.value).toBe(want);
  });

  it('a FHIRPath that does not parse fails the rule set at first use with SOLEUS_FACT_SCHEMA', async () => {
    const bad = [
      { ...facts[1], source: { ...(facts[1]?.source as object), expression: 'component.where(' } },
    ];
    const badSet = await loadRuleSet(
      writeContent(bad, {
        ...rule,
        conditions: { all: [{ fact: 'bp.systolic', operator: 'isKnown' }] },
      }),
    );
    let code: string | undefined;
    try {
      bundleToFacts(
        { entries: [], issues: [] },
        { ruleSet: badSet, hook: 'patient-view', now: NOW },
      );
    } catch (err) {
      code = isSoleusError(err) ? err.code : String(err);
    }
    expect(code).toBe('SOLEUS_FACT_SCHEMA');
  });
});

describe('draft orders per hook', () => {
  const draft = (id: string): FhirResource => ({
    resourceType: 'MedicationRequest',
    id,
    status: 'draft',
    intent: 'order',
    subject: { reference: 'Patient/p' },
    medicationCodeableConcept: {
      coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '197806' }],
    },
  });
  const drafts = [draft('d1'), draft('d2')];

  it.each([
    ['patient-view ignores drafts', 'patient-view', undefined, []],
    [
      'order-sign counts every draft',
      'order-sign',
      undefined,
      ['MedicationRequest/d1', 'MedicationRequest/d2'],
    ],
    [
      'order-select counts only the selections',
      'order-select',
      ['MedicationRequest/d2'],
      ['MedicationRequest/d2'],
    ],
  ] as const)('%s', (_name, hook, selections, want) => {
    const { facts: f } = run([], hook, {
      draftOrders: drafts,
      ...(selections ? { selections } : {}),
    });
    expect(f.get('nsaid.draft')?.value).toEqual(want);
  });

  it('never counts a draft order not to give the drug (doNotPerform)', () => {
    const refused = { ...draft('d3'), doNotPerform: true } as FhirResource;
    const { facts: f } = run([], 'order-sign', { draftOrders: [refused, draft('d1')] });
    expect(f.get('nsaid.draft')?.value).toEqual(['MedicationRequest/d1']);
    expect(f.get('nsaid.draft')?.ignored).toEqual([
      expect.objectContaining({
        resource: 'MedicationRequest/d3',
        note: expect.stringContaining('doNotPerform'),
      }),
    ]);
  });
});

it('refuses an invalid `now` with SOLEUS_ENGINE_INVALID_NOW', () => {
  expect(() =>
    bundleToFacts({ entries: [], issues: [] }, { ruleSet, hook: 'patient-view', now: 'soon' }),
  ).toThrow(expect.objectContaining({ code: 'SOLEUS_ENGINE_INVALID_NOW' }));
});

describe('the entrance: record scope before the reading layer', () => {
  const broken = { valueQuantity: { value: 'high', code: 'mmol/L' } };

  it('a malformed resource of another patient is counted on the one scope line, not read', () => {
    const { facts: f, issues } = run([
      { resourceType: 'Patient', id: 'p' },
      k('mine', {}),
      k('theirs', { subject: { reference: 'Patient/other' }, ...broken }),
    ]);
    expect(f.get('lab.k')?.value).toBe(3.2);
    expect(issues.map((i) => i.code)).toEqual(['SOLEUS_FHIR_OUT_OF_SCOPE']);
  });

  it('a malformed resource of this patient is still reported by the reading layer', () => {
    const { issues } = run([{ resourceType: 'Patient', id: 'p' }, k('mine', broken)]);
    expect(issues.some((i) => i.location?.resource === 'Observation/mine')).toBe(true);
    expect(issues.map((i) => i.code)).not.toContain('SOLEUS_FHIR_OUT_OF_SCOPE');
  });

  it('an entry that is not a resource passes the scope and is reported by the reading layer', () => {
    const { issues } = run([{ resourceType: 'Patient', id: 'p' }, 42 as unknown as FhirResource]);
    expect(issues.map((i) => i.code)).toEqual(['SOLEUS_FHIR_INVALID_RESOURCE']);
  });
});

describe('product-level value-set membership', () => {
  const RX = 'http://www.nlm.nih.gov/research/umls/rxnorm';
  const order = (id: string, code: string, over: Record<string, unknown> = {}): FhirResource =>
    ({
      resourceType: 'MedicationRequest',
      id,
      status: 'active',
      intent: 'order',
      subject: { reference: 'Patient/p' },
      medicationCodeableConcept: { coding: [{ system: RX, code, display: 'Listed product' }] },
      ...over,
    }) as FhirResource;

  it('counts an order coded with a product the value set lists, though the index does not know it', () => {
    const { facts: f } = run([order('a', '4242421'), order('b', '4242422')]);
    expect(f.get('listed.active')?.value).toEqual(['MedicationRequest/a']);
  });

  it('follows a contained Medication to its code', () => {
    const contained = order('c', '0', {
      medicationCodeableConcept: undefined,
      medicationReference: { reference: '#m' },
      contained: [
        {
          resourceType: 'Medication',
          id: 'm',
          code: { coding: [{ system: RX, code: '4242421' }] },
        },
      ],
    });
    const { facts: f } = run([contained]);
    expect(f.get('listed.active')?.value).toEqual(['MedicationRequest/c']);
  });

  it('counts only active orders of the listed product', () => {
    const { facts: f } = run([order('s', '4242421', { status: 'stopped' })]);
    expect(f.get('listed.active')?.value).toEqual([]);
  });
});
