/**
 * Inline FHIR builders and a fact runner for the rule set A derivation tests: each test builds a small
 * typed record, and `evaluateFacts` runs it through the real pipeline (shipped catalogue, value sets and
 * pack parameters) at a fixed `now`.
 */
import type {
  Bundle,
  Condition,
  FhirResource,
  MedicationRequest,
  Observation,
  QuestionnaireResponse,
} from 'fhir/r4';
import {
  DEFAULT_CONTENT,
  loadRuleSetSync,
  type Fact,
  type Issue,
  type RuleSet,
} from '@soleus/core';
import { bundleToFacts } from '../../src/facts/bundle-to-facts';
import { recordFromBundle } from '../../src/record/record-from-bundle';

export const NOW = '2026-11-22T09:00:00Z';
const ruleSet = loadRuleSetSync(DEFAULT_CONTENT);

export function condition(
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
export const ICD = 'http://hl7.org/fhir/sid/icd-10-cm';
export const SCT = 'http://snomed.info/sct';
export const calfPain = (onset = '2026-11-20'): Condition =>
  condition('calf-pain', ICD, 'M79.662', onset);

export function ddimer(
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
    subject: { reference: 'Patient/p1' },
    effectiveDateTime: '2026-11-21T10:00:00Z',
    valueQuantity: {
      value,
      ...(unit ? { unit, system: 'http://unitsofmeasure.org', code: unit } : {}),
    },
    ...extra,
  };
}

export function wells(
  answers: Record<string, boolean>,
  authored = '2026-11-21T09:30:00Z',
): QuestionnaireResponse {
  return {
    resourceType: 'QuestionnaireResponse',
    id: 'wells-1',
    questionnaire: 'https://soleus.dev/fhir/Questionnaire/wells-dvt',
    status: 'completed',
    subject: { reference: 'Patient/p1' },
    authored,
    item: Object.entries(answers).map(([linkId, valueBoolean]) => ({
      linkId,
      answer: [{ valueBoolean }],
    })),
  };
}
export const ALL_ABSENT = Object.fromEntries(
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

export function enoxaparin(mgPerDose: number, perDay: number): MedicationRequest {
  return {
    resourceType: 'MedicationRequest',
    id: 'enox-1',
    status: 'active',
    intent: 'order',
    subject: { reference: 'Patient/p1' },
    medicationCodeableConcept: {
      coding: [
        {
          system: 'http://www.nlm.nih.gov/research/umls/rxnorm',
          code: '854255',
          // [V-ecqm] display (clinical-spec §5.3); the code is not in the pill-only medication index,
          // so the product is identified by this RxNorm normalized name.
          display: 'Enoxaparin sodium 100 MG/ML Injectable Solution',
        },
      ],
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

const EXPLANATION_FACTS = [
  'dvt.ddimerResult',
  'dvt.ddimerExplanation',
  'dvt.ultrasoundResult',
  'dvt.ultrasoundExplanation',
  'dvt.wellsClass',
  'dvt.wellsMax',
  'dvt.wellsItems',
];

export function evaluateFacts(
  resources: FhirResource[],
  birthDate: string | undefined = '1970-06-01',
  alsoCompute: readonly string[] = [],
  rules: RuleSet = ruleSet,
): { fact: (name: string) => Fact | undefined; issues: Issue[] } {
  const bundle: Bundle<FhirResource> = {
    resourceType: 'Bundle',
    type: 'collection',
    entry: [
      { resourceType: 'Patient', id: 'p1', ...(birthDate ? { birthDate } : {}) } as FhirResource,
      ...resources,
    ].map((resource) => ({ resource })),
  };
  // The tests also read facts no rule needs any more (the results behind the decision).
  const { facts, issues } = bundleToFacts(recordFromBundle(bundle, 'test'), {
    ruleSet: rules,
    hook: 'patient-view',
    now: NOW,
    alsoCompute: [...EXPLANATION_FACTS, ...alsoCompute],
  });
  return { fact: (name) => facts.get(name), issues };
}

export function calfCircumference(
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
    subject: { reference: 'Patient/p1' },
    bodySite: { coding: [{ system: SCT, code: side === 'left' ? '7771000' : '24028007' }] },
    effectiveDateTime: effective,
    valueQuantity: { value, unit, system: 'http://unitsofmeasure.org', code: unit },
  };
}
export const BEDSIDE_EXCEPT_CALF = Object.fromEntries(
  Object.entries(ALL_ABSENT).filter(([l]) => l !== 'calfSwelling3cm'),
);

/**
 * The shipped rule set with the DVT pack's `parameters` changed as `patch` says (a site pack's
 * configuration), for paths the shipped value sets cannot reach.
 * @param patch - returns the new parameters from the shipped ones
 * @returns a rule set to pass to `evaluateFacts`
 */
export function withDvtParameters(
  patch: (parameters: Record<string, unknown>) => Record<string, unknown>,
): RuleSet {
  const packs = new Map(ruleSet.packs);
  const dvt = packs.get('dvt');
  if (!dvt) {
    throw new Error('the shipped rule set has no dvt pack');
  }
  packs.set('dvt', { ...dvt, parameters: patch({ ...(dvt.parameters ?? {}) }) });
  return { ...ruleSet, packs };
}
