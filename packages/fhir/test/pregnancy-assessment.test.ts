import type { FhirResource, Observation } from 'fhir/r4';
import { condition, evaluateFacts, ICD, SCT } from './support/dvt-record';

const LOINC = 'http://loinc.org';
const lab = (
  id: string,
  code: string,
  effective: string,
  value: Partial<Observation>,
): Observation => ({
  resourceType: 'Observation',
  id,
  status: 'final',
  code: { coding: [{ system: LOINC, code }] },
  subject: { reference: 'Patient/p1' },
  effectiveDateTime: effective,
  ...value,
});
const today = '2026-11-22T08:00:00Z';
const PREGNANCY_FACTS = ['pregnancy.current', 'pregnancy.gestationalWeeks', 'analgesic.pregnant'];
const hcg = (value: Partial<Observation>, effective = today, code = '2106-3') =>
  lab('hcg', code, effective, value);
const quantity = (value: number, unit: string) => ({
  valueQuantity: { value, unit, system: 'http://unitsofmeasure.org', code: unit },
});

describe('pregnancy from every route (clinical-spec §A.5, revision 2)', () => {
  it.each<[string, FhirResource[], boolean | null, number | null]>([
    ['nothing documented → false', [], false, null],
    [
      'Z34.83 (supervision of other normal pregnancy, 3rd trimester)',
      [condition('z34', ICD, 'Z34.83', '2026-10-01')],
      true,
      null,
    ],
    ['Z33.1 pregnant state', [condition('z33', ICD, 'Z33.1', '2026-10-01')], true, null],
    [
      'SNOMED twin pregnancy (a descendant of 77386006)',
      [condition('twins', SCT, '65147003', '2026-10-01')],
      true,
      null,
    ],
    [
      'a provisional pregnancy Condition still counts (it only raises caution)',
      [
        condition('p', SCT, '77386006', '2026-10-01', {
          verificationStatus: {
            coding: [
              {
                system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status',
                code: 'provisional',
              },
            ],
          },
        }),
      ],
      true,
      null,
    ],
    [
      'Z3A.22 recorded today → 22 weeks 6 days (end of the week)',
      [condition('w', ICD, 'Z3A.22', '2026-11-22')],
      true,
      22.9,
    ],
    [
      'Z3A.18 recorded 14 days ago → 20.9 weeks now',
      [condition('w', ICD, 'Z3A.18', '2026-11-08')],
      true,
      20.9,
    ],
    [
      'Z3A.30 recorded 20 weeks ago → that pregnancy is over',
      [condition('w', ICD, 'Z3A.30', '2026-07-05')],
      false,
      null,
    ],
    ['gestational age 24 wk today', [lab('ga', '49051-6', today, quantity(24, 'wk'))], true, 24],
    [
      'gestational age 140 d, 14 days ago → 22 weeks now',
      [lab('ga', '11884-4', '2026-11-08T08:00:00Z', quantity(140, 'd'))],
      true,
      22,
    ],
    [
      'gestational age written as text "10 weeks"',
      [lab('ga', '18185-9', today, { valueString: '10 weeks' })],
      true,
      10,
    ],
    [
      'the highest current estimate counts',
      [
        lab('ga', '49051-6', today, quantity(18, 'wk')),
        condition('w', ICD, 'Z3A.19', '2026-11-22'),
      ],
      true,
      19.9,
    ],
    [
      'pregnancy status coded pregnant',
      [
        lab('st', '82810-3', '2026-10-01T08:00:00Z', {
          valueCodeableConcept: { coding: [{ system: SCT, code: '77386006' }] },
        }),
      ],
      true,
      null,
    ],
    [
      'pregnancy status written "Pregnant"',
      [lab('st', '82810-3', today, { valueString: 'Pregnant' })],
      true,
      null,
    ],
    [
      'pregnancy status "Not pregnant" → false',
      [lab('st', '82810-3', today, { valueCodeableConcept: { text: 'Not pregnant' } })],
      false,
      null,
    ],
    ['hCG valueString POSITIVE', [hcg({ valueString: 'POSITIVE' })], true, null],
    ['hCG valueString "Detected"', [hcg({ valueString: 'Detected' })], true, null],
    [
      'hCG coded positive',
      [hcg({ valueCodeableConcept: { coding: [{ system: SCT, code: '10828004' }] } })],
      true,
      null,
    ],
    [
      'hCG coded negative → false',
      [hcg({ valueCodeableConcept: { coding: [{ system: SCT, code: '260385009' }] } })],
      false,
      null,
    ],
    [
      'quantitative hCG 1,500 mIU/mL → pregnant',
      [hcg(quantity(1500, 'm[IU]/mL'), today, '21198-7')],
      true,
      null,
    ],
    [
      'quantitative hCG exactly 25 IU/L → positive (at or above)',
      [hcg(quantity(25, '[IU]/L'), today, '19080-1')],
      true,
      null,
    ],
    [
      'quantitative hCG 12 mIU/mL → equivocal: unknown, never "not pregnant"',
      [hcg(quantity(12, 'mIU/mL'), today, '21198-7')],
      null,
      null,
    ],
    [
      'quantitative hCG 4.9 IU/L → negative',
      [hcg(quantity(4.9, '[IU]/L'), today, '19080-1')],
      false,
      null,
    ],
    [
      'quantitative hCG exactly 5 IU/L → equivocal (negative is strictly below)',
      [hcg(quantity(5, '[IU]/L'), today, '19080-1')],
      null,
      null,
    ],
    [
      'hCG positive 15 days ago → outside the 14-day window',
      [hcg({ valueString: 'positive' }, '2026-11-07T08:00:00Z')],
      false,
      null,
    ],
    [
      'the latest hCG decides (negative after an older positive)',
      [
        hcg({ valueString: 'positive' }, '2026-11-15T08:00:00Z'),
        { ...hcg({ valueString: 'negative' }), id: 'hcg-2' },
      ],
      false,
      null,
    ],
    ['hCG free text → unknown (and reported)', [hcg({ valueString: 'see comment' })], null, null],
    [
      'hCG in ng/mL (a mass unit) → unknown (and reported)',
      [hcg(quantity(30, 'ng/mL'), today, '21198-7')],
      null,
      null,
    ],
  ])('%s', (_desc, resources, pregnant, weeks) => {
    const { fact } = evaluateFacts(resources, '1990-01-01', PREGNANCY_FACTS);
    expect([
      fact('pregnancy.current')?.value ?? null,
      fact('pregnancy.gestationalWeeks')?.value ?? null,
    ]).toEqual([pregnant, weeks]);
    expect(fact('analgesic.pregnant')?.value ?? null).toBe(pregnant);
  });

  it('reports what it cannot read, and never reads it as "not pregnant"', () => {
    const { fact, issues } = evaluateFacts([hcg({ valueString: 'see comment' })]);
    expect(fact('dvt.pregnant')?.value).toBeNull();
    expect(fact('dvt.ddimerReliable')?.value).toBe(false);
    expect(issues.map((i) => [i.code, i.location?.resource])).toContainEqual([
      'SOLEUS_FHIR_UNINTERPRETABLE',
      'Observation/hcg',
    ]);
  });
});
