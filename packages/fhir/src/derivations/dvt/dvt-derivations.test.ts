/**
 * The rule set A derivations through the real pipeline (catalogue + value sets + pack parameters):
 * each table row is a small inline record, and the test asserts fact values, explanation lines and
 * data-quality issue codes with their locations.
 */
import type {
  Bundle,
  Condition,
  Encounter,
  FhirResource,
  MedicationRequest,
  Observation,
  QuestionnaireResponse,
} from 'fhir/r4';
import { DEFAULT_CONTENT, loadRuleSetSync, type Fact, type Issue } from '@soleus/core';
import { bundleToFacts } from '../../facts/bundle-to-facts';
import { recordFromBundle } from '../../record/record-from-bundle';

const NOW = '2026-11-22T09:00:00Z';
const ruleSet = loadRuleSetSync(DEFAULT_CONTENT);

function condition(
  id: string,
  system: string,
  code: string,
  onset: string | undefined,
  extra: Partial<Condition> = {},
): Condition {
  return {
    resourceType: 'Condition',
    id,
    clinicalStatus: {
      coding: [
        { system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' },
      ],
    },
    verificationStatus: {
      coding: [
        { system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'confirmed' },
      ],
    },
    code: { coding: [{ system, code }] },
    subject: { reference: 'Patient/p1' },
    ...(onset ? { onsetDateTime: onset } : {}),
    ...extra,
  };
}
const ICD = 'http://hl7.org/fhir/sid/icd-10-cm';
const SCT = 'http://snomed.info/sct';
const calfPain = (onset = '2026-11-20'): Condition => condition('calf-pain', ICD, 'M79.662', onset);

function ddimer(
  value: number,
  unit: string | undefined,
  extra: Partial<Observation> = {},
  code = '48065-7',
): Observation {
  return {
    resourceType: 'Observation',
    id: 'dd-1',
    status: 'final',
    code: { coding: [{ system: 'http://loinc.org', code }] },
    effectiveDateTime: '2026-11-21T10:00:00Z',
    valueQuantity: {
      value,
      ...(unit ? { unit, system: 'http://unitsofmeasure.org', code: unit } : {}),
    },
    ...extra,
  };
}

function wells(
  answers: Record<string, boolean>,
  authored = '2026-11-21T09:30:00Z',
): QuestionnaireResponse {
  return {
    resourceType: 'QuestionnaireResponse',
    id: 'wells-1',
    questionnaire: 'https://soleus.dev/fhir/Questionnaire/wells-dvt',
    status: 'completed',
    authored,
    item: Object.entries(answers).map(([linkId, valueBoolean]) => ({
      linkId,
      answer: [{ valueBoolean }],
    })),
  };
}
const ALL_ABSENT = Object.fromEntries(
  [
    'activeCancer',
    'paralysisOrCast',
    'bedriddenOrSurgery',
    'tenderness',
    'entireLegSwollen',
    'calfSwelling3cm',
    'pittingOedema',
    'collateralVeins',
    'previousDVT',
    'altDxAsLikely',
  ].map((l) => [l, false]),
);

function enoxaparin(mgPerDose: number, perDay: number): MedicationRequest {
  return {
    resourceType: 'MedicationRequest',
    id: 'enox-1',
    status: 'active',
    intent: 'order',
    subject: { reference: 'Patient/p1' },
    medicationCodeableConcept: {
      coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '854255' }],
    },
    dosageInstruction: [
      {
        timing: { repeat: { frequency: perDay, period: 1, periodUnit: 'd' } },
        doseAndRate: [
          {
            doseQuantity: {
              value: mgPerDose,
              unit: 'mg',
              system: 'http://unitsofmeasure.org',
              code: 'mg',
            },
          },
        ],
      },
    ],
  };
}

function evaluateFacts(
  resources: FhirResource[],
  birthDate: string | undefined = '1970-06-01',
): { fact: (name: string) => Fact | undefined; issues: Issue[] } {
  const bundle: Bundle<FhirResource> = {
    resourceType: 'Bundle',
    type: 'collection',
    entry: [
      { resourceType: 'Patient', id: 'p1', ...(birthDate ? { birthDate } : {}) } as FhirResource,
      ...resources,
    ].map((resource) => ({ resource })),
  };
  const { facts, issues } = bundleToFacts(recordFromBundle(bundle, 'test'), {
    ruleSet,
    hook: 'patient-view',
    now: NOW,
  });
  return { fact: (name) => facts.get(name), issues };
}

describe('dvt.triggered / dvt.episodeStart (§A.1, §9.3a)', () => {
  const visit = (status: Encounter['status'], start: string): Encounter => ({
    resourceType: 'Encounter',
    id: 'visit-1',
    status,
    class: { code: 'AMB' },
    reasonCode: [{ coding: [{ system: ICD, code: 'M79.661' }] }],
    period: { start },
  });
  it.each<[string, FhirResource, boolean]>([
    ['encounter for right calf pain yesterday', visit('finished', '2026-11-21T10:00:00Z'), true],
    ['cancelled encounter', visit('cancelled', '2026-11-21T10:00:00Z'), false],
    ['encounter 20 days ago', visit('finished', '2026-11-02T10:00:00Z'), false],
    ['calf pain 2 days ago', calfPain('2026-11-20'), true],
    ['onset exactly 14 days ago (instant)', calfPain('2026-11-08T09:00:00Z'), true],
    ['onset 14 days and 1 minute ago', calfPain('2026-11-08T08:59:00Z'), false],
    ['month-precision onset', calfPain('2026-11'), false],
    ['no onset at all', calfPain(''), false],
    ['onset in the future', calfPain('2026-11-23'), false],
    ['leg swelling (SNOMED)', condition('swelling', SCT, '449614009', '2026-11-21'), true],
    [
      'left calf cramp (SNOMED laterality qualifier)',
      condition('cramp', ICD, 'M62.831', '2026-11-21', {
        bodySite: [{ coding: [{ system: SCT, code: '7771000' }] }],
      }),
      true,
    ],
    ['cramp without laterality', condition('cramp', ICD, 'R25.2', '2026-11-21'), false],
    [
      'bilateral cramp',
      condition('cramp', ICD, 'R25.2', '2026-11-21', {
        bodySite: [{ coding: [{ system: SCT, code: '51440002' }] }],
      }),
      false,
    ],
  ])('%s → %s', (_desc, trigger, want) => {
    const { fact } = evaluateFacts([trigger]);
    expect(fact('dvt.triggered')?.value).toBe(want);
    expect(fact('dvt.episodeStart')?.value ?? null).toBe(
      want ? (fact('dvt.episodeStart')?.value ?? 'missing') : null,
    );
  });

  it('starts the episode at the earliest qualifying onset', () => {
    const { fact } = evaluateFacts([
      calfPain('2026-11-20'),
      condition('swelling', ICD, 'R22.42', '2026-11-18'),
    ]);
    expect(fact('dvt.episodeStart')?.value).toBe('2026-11-18T00:00:00.000Z');
  });
});

describe('D-dimer normalisation (§A.4)', () => {
  const run = (obs: Observation, birthDate?: string) =>
    evaluateFacts([calfPain(), wells(ALL_ABSENT), obs], birthDate ?? '1970-06-01');
  it.each<[string, Observation, string | undefined, 'negative' | 'positive' | null, string]>([
    [
      'ng/mL{FEU} 499 at 49 → negative',
      ddimer(499, 'ng/mL{FEU}'),
      '1977-01-01',
      'negative',
      'cutoff 500 ug/L FEU',
    ],
    [
      '500 at 49 → positive (not strictly below)',
      ddimer(500, 'ng/mL{FEU}'),
      '1977-01-01',
      'positive',
      'cutoff 500 ug/L FEU',
    ],
    ['505 at 50 → positive', ddimer(505, 'ng/mL{FEU}'), '1976-01-01', 'positive', 'age 50 ≤ 50'],
    [
      '505 at 51 → negative (cutoff 510)',
      ddimer(505, 'ng/mL{FEU}'),
      '1975-01-01',
      'negative',
      'cutoff 510 ug/L FEU (age-adjusted',
    ],
    [
      '505 with no birthDate → positive (cutoff 500)',
      ddimer(505, 'ng/mL{FEU}'),
      '',
      'positive',
      'age unknown',
    ],
    ['mg/L{FEU} 0.45 → 450', ddimer(0.45, 'mg/L{FEU}'), undefined, 'negative', '→ 450 ug/L FEU'],
    ['ug/mL{FEU} 0.6 → 600', ddimer(0.6, 'ug/mL{FEU}'), undefined, 'positive', '→ 600 ug/L FEU'],
    [
      'DDU 240 at 56 → negative, never age-adjusted',
      ddimer(240, 'ng/mL{DDU}', {}, '48066-5'),
      undefined,
      'negative',
      'no age adjustment (DDU assay)',
    ],
    [
      'DDU 260 → positive',
      ddimer(260, 'ng/mL{DDU}', {}, '48066-5'),
      undefined,
      'positive',
      'cutoff 250 ug/L DDU',
    ],
    [
      '"<" 200 → negative',
      ddimer(200, 'ng/mL{FEU}', {
        valueQuantity: { value: 200, comparator: '<', unit: 'ng/mL{FEU}', code: 'ng/mL{FEU}' },
      }),
      undefined,
      'negative',
      '<200',
    ],
    [
      '">" 400 → positive',
      ddimer(400, 'ng/mL{FEU}', {
        valueQuantity: { value: 400, comparator: '>', unit: 'ng/mL{FEU}', code: 'ng/mL{FEU}' },
      }),
      undefined,
      'positive',
      '>400',
    ],
    [
      'lab high 400 is the cutoff',
      ddimer(450, 'ng/mL{FEU}', {
        referenceRange: [{ high: { value: 400, unit: 'ng/mL{FEU}', code: 'ng/mL{FEU}' } }],
      }),
      undefined,
      'positive',
      'laboratory referenceRange.high',
    ],
  ])('%s', (_desc, obs, birthDate, want, line) => {
    const { fact } = run(obs, birthDate);
    expect(fact('dvt.ddimerResult')?.value).toBe(want);
    expect((fact('dvt.ddimerExplanation')?.value as string[]).join('\n')).toContain(line);
  });

  it.each<[string, Observation, string]>([
    ['no unit', ddimer(300, undefined), 'valueQuantity.unit'],
    ['U/L is not a mass unit', ddimer(300, 'U/L'), 'valueQuantity.unit'],
    [
      'DDU LOINC with an FEU annotation',
      ddimer(0.2, 'mg/L{FEU}', {}, '48066-5'),
      'valueQuantity.unit',
    ],
    [
      '"<" bound above the cutoff',
      ddimer(900, 'ng/mL{FEU}', {
        valueQuantity: { value: 900, comparator: '<', unit: 'ng/mL{FEU}', code: 'ng/mL{FEU}' },
      }),
      'valueQuantity.comparator',
    ],
    [
      'month-precision date',
      ddimer(300, 'ng/mL{FEU}', { effectiveDateTime: '2026-11' }),
      'effective[x]',
    ],
  ])('uninterpretable → unknown + data-quality issue at its path: %s', (_desc, obs, path) => {
    const { fact, issues } = run(obs);
    expect(fact('dvt.ddimerResult')?.value).toBeNull();
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: 'SOLEUS_FHIR_UNINTERPRETABLE',
          location: { resource: 'Observation/dd-1', path },
        }),
      ]),
    );
  });

  it.each<[string, Partial<Observation>]>([
    ['stale (8 days)', { effectiveDateTime: '2026-11-14T09:00:00Z' }],
    ['entered-in-error', { status: 'entered-in-error' }],
    ['cancelled', { status: 'cancelled' }],
    ['preliminary', { status: 'preliminary' }],
  ])('not evidence, not an issue: %s', (_desc, extra) => {
    const { fact } = evaluateFacts([
      calfPain('2026-11-10'),
      wells(ALL_ABSENT, '2026-11-11T00:00:00Z'),
      ddimer(300, 'ng/mL{FEU}', extra),
    ]);
    expect(fact('dvt.ddimerResult')?.value).toBeNull();
    expect(fact('dvt.ddimerResult')?.ignored).toEqual([
      expect.objectContaining({ resource: 'Observation/dd-1' }),
    ]);
  });

  it('lets the positive one of two disagreeing results govern', () => {
    const { fact } = evaluateFacts([
      calfPain(),
      ddimer(300, 'ng/mL{FEU}'),
      { ...ddimer(900, 'ng/mL{FEU}'), id: 'dd-2' },
    ]);
    expect(fact('dvt.ddimerResult')?.value).toBe('positive');
  });
});

function calfCircumference(
  id: string,
  side: string,
  value: number,
  unit = 'cm',
  effective = '2026-11-21T10:00:00Z',
): Observation {
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    code: {
      coding: [
        { system: 'https://soleus.dev/fhir/CodeSystem/calf-findings', code: 'calf-circumference' },
      ],
    },
    bodySite: { coding: [{ system: SCT, code: side === 'left' ? '7771000' : '24028007' }] },
    effectiveDateTime: effective,
    valueQuantity: { value, unit, system: 'http://unitsofmeasure.org', code: unit },
  };
}
const BEDSIDE_EXCEPT_CALF = Object.fromEntries(
  Object.entries(ALL_ABSENT).filter(([l]) => l !== 'calfSwelling3cm'),
);

describe('interval Wells (§A.3, §0.3)', () => {
  it.each<[string, FhirResource[], [string | null, number | null, number | null]]>([
    ['no assessment, empty record → 0..5 indeterminate', [], ['indeterminate', 0, 5]],
    ['all attested absent → 0..0 unlikely', [wells(ALL_ABSENT)], ['unlikely', 0, 0]],
    [
      'two bedside items present → likely',
      [wells({ ...ALL_ABSENT, tenderness: true, pittingOedema: true })],
      ['likely', 2, 2],
    ],
    [
      'alternative diagnosis attested → −2',
      [wells({ ...ALL_ABSENT, tenderness: true, pittingOedema: true, altDxAsLikely: true })],
      ['unlikely', 0, 0],
    ],
    [
      'assessment before the episode is ignored',
      [wells({ ...ALL_ABSENT, tenderness: true }, '2026-11-19T00:00:00Z')],
      ['indeterminate', 0, 5],
    ],
    [
      'previous DVT (resolved, years ago) + active cancer from the record',
      [
        condition('old-dvt', ICD, 'I82.402', '2019-05-01', {
          clinicalStatus: {
            coding: [
              {
                system: 'http://terminology.hl7.org/CodeSystem/condition-clinical',
                code: 'resolved',
              },
            ],
          },
        }),
        condition('cancer', ICD, 'C50.911', '2026-03-01'),
      ],
      ['likely', 2, 7],
    ],
    [
      'varicose veins never score collateral veins',
      [wells(ALL_ABSENT), condition('varicose', ICD, 'I83.91', '2020-01-01')],
      ['unlikely', 0, 0],
    ],
    [
      'calf circumferences 3.0 cm apart the same day → item 6 present',
      [
        wells(BEDSIDE_EXCEPT_CALF),
        calfCircumference('l', 'left', 41),
        calfCircumference('r', 'right', 38),
      ],
      ['unlikely', 1, 1],
    ],
    [
      'calf circumferences 2.9 cm apart → item 6 absent',
      [
        wells(BEDSIDE_EXCEPT_CALF),
        calfCircumference('l', 'left', 40.9),
        calfCircumference('r', 'right', 38),
      ],
      ['unlikely', 0, 0],
    ],
    [
      'calf circumferences in inches (1.2 [in_i] ≈ 3.05 cm apart) → present',
      [
        wells(BEDSIDE_EXCEPT_CALF),
        calfCircumference('l', 'left', 16.2, '[in_i]'),
        calfCircumference('r', 'right', 15, '[in_i]'),
      ],
      ['unlikely', 1, 1],
    ],
    [
      'left and right on different days → item 6 unknown',
      [
        wells(BEDSIDE_EXCEPT_CALF),
        calfCircumference('l', 'left', 41),
        calfCircumference('r', 'right', 38, 'cm', '2026-11-20T10:00:00Z'),
      ],
      ['unlikely', 0, 1],
    ],
    [
      'a DVT inside the episode is not a previous DVT',
      [wells(ALL_ABSENT), condition('dvt', ICD, 'I82.412', '2026-11-21')],
      ['unlikely', 0, 0],
    ],
  ])('%s', (_desc, resources, [wellsClass, min, max]) => {
    const { fact } = evaluateFacts([calfPain(), ...resources]);
    expect([
      fact('dvt.wellsClass')?.value,
      fact('dvt.wellsMin')?.value,
      fact('dvt.wellsMax')?.value,
    ]).toEqual([wellsClass, min, max]);
  });

  it('keeps a recorded item against an attested absent and reports the conflict', () => {
    const { fact, issues } = evaluateFacts([
      calfPain(),
      wells(ALL_ABSENT),
      condition('cancer', ICD, 'C50.911', '2026-03-01'),
    ]);
    expect(fact('dvt.wellsMin')?.value).toBe(1);
    expect((fact('dvt.wellsItems')?.value as string[])[0]).toBe(
      'Active cancer (+1): present — record (Condition/cancer)',
    );
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: 'SOLEUS_FHIR_CONFLICT',
          location: {
            resource: 'QuestionnaireResponse/wells-1',
            path: "item.where(linkId='activeCancer')",
          },
        }),
      ]),
    );
  });
});

describe('modifiers (§A.5)', () => {
  it.each<[string, FhirResource[], string | null, boolean]>([
    ['nothing → none, reliable', [], 'none', true],
    ['enoxaparin 40 mg daily → prophylactic, reliable', [enoxaparin(40, 1)], 'prophylactic', true],
    ['enoxaparin 80 mg twice daily → therapeutic', [enoxaparin(80, 2)], 'therapeutic', false],
    [
      'long-term anticoagulation status',
      [condition('lt', ICD, 'Z79.01', '2025-01-01')],
      'therapeutic',
      false,
    ],
    ['pregnancy condition', [condition('preg', ICD, 'Z34.90', '2026-08-01')], 'none', false],
  ])('%s', (_desc, resources, anticoagulation, reliable) => {
    const { fact } = evaluateFacts([calfPain(), ...resources]);
    expect([fact('dvt.anticoagulation')?.value, fact('dvt.ddimerReliable')?.value]).toEqual([
      anticoagulation,
      reliable,
    ]);
  });

  const pregnancyStatus = (effective: string): Observation => ({
    resourceType: 'Observation',
    id: 'preg-status',
    status: 'final',
    code: { coding: [{ system: 'http://loinc.org', code: '82810-3' }] },
    effectiveDateTime: effective,
    valueCodeableConcept: { coding: [{ system: SCT, code: '77386006' }] },
  });
  it.each<[string, string, boolean]>([
    ['pregnancy status "pregnant" 3 months ago', '2026-08-22T09:00:00Z', true],
    [
      'pregnancy status "pregnant" 2 years ago (outside the 294-day status window)',
      '2024-11-22T09:00:00Z',
      false,
    ],
  ])('%s → pregnant %s', (_desc, effective, want) => {
    const { fact } = evaluateFacts([calfPain(), pregnancyStatus(effective)]);
    expect(fact('dvt.pregnant')?.value).toBe(want);
  });

  it('counts an inpatient stay in progress as a context that raises D-dimer', () => {
    const stay: Encounter = {
      resourceType: 'Encounter',
      id: 'stay-1',
      status: 'in-progress',
      class: { code: 'IMP' },
    };
    const { fact } = evaluateFacts([calfPain(), stay]);
    expect(fact('dvt.elevatedDdimerContexts')?.value).toEqual(['hospital inpatient']);
  });

  it('lists the contexts that raise D-dimer', () => {
    const { fact } = evaluateFacts(
      [calfPain(), condition('cancer', ICD, 'C50.911', '2026-03-01')],
      '1940-01-01',
    );
    expect(fact('dvt.elevatedDdimerContexts')?.value).toEqual(['active cancer', 'age over 80']);
  });
});

describe('venous ultrasound (§9.5)', () => {
  const report = (code: string, effective = '2026-11-21T12:00:00Z'): FhirResource => ({
    resourceType: 'DiagnosticReport',
    id: 'us-1',
    status: 'final',
    code: { coding: [{ system: 'http://loinc.org', code: '69392-9' }] },
    effectiveDateTime: effective,
    conclusionCode: [{ coding: [{ system: SCT, code }] }],
  });
  it.each<[string, FhirResource, string | null]>([
    ['positive qualifier', report('10828004'), 'positive'],
    ['negative qualifier', report('260385009'), 'negative'],
    ['DVT diagnosis code = positive', report('404223003'), 'positive'],
    ['8 days old → none', report('10828004', '2026-11-14T08:00:00Z'), null],
  ])('%s', (_desc, scan, want) => {
    const { fact } = evaluateFacts([calfPain('2026-11-12'), scan]);
    expect(fact('dvt.ultrasoundResult')?.value ?? null).toBe(want);
  });
});
