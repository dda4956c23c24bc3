import type { FhirResource } from 'fhir/r4';
import {
  ALL_ABSENT,
  BEDSIDE_EXCEPT_CALF,
  calfCircumference,
  calfPain,
  condition,
  evaluateFacts,
  ICD,
  wells,
} from './support/dvt-record';

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
    const { fact } = evaluateFacts([calfPain(), ...resources], undefined, ['dvt.wellsMax']);
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
      'Present: Active cancer (+1) — active cancer diagnosis (1 Mar 2026, 8 months ago); the bedside assessment says no, the record was kept',
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

  const withVerification = (ver: string, clinical = 'resolved') => ({
    clinicalStatus: {
      coding: [
        { system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: clinical },
      ],
    },
    verificationStatus: {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: ver }],
    },
  });
  const noPrevious = Object.fromEntries(
    Object.entries(ALL_ABSENT).filter(([linkId]) => linkId !== 'previousDVT'),
  );

  it.each<[string, string, [string, number, number], string]>([
    [
      'a confirmed previous DVT scores item 9',
      'confirmed',
      ['likely', 2, 2],
      'Present: Previously documented DVT (+1) — in the record (1 May 2019, 7 years ago)',
    ],
    [
      'a provisional previous DVT leaves item 9 unknown (possible, never absent)',
      'provisional',
      ['indeterminate', 1, 2],
      'Possible: Previously documented DVT (+1) — the record holds only a provisional, differential or unconfirmed diagnosis: assess at the bedside',
    ],
    [
      'a differential previous DVT too',
      'differential',
      ['indeterminate', 1, 2],
      'Possible: Previously documented DVT (+1) — the record holds only a provisional, differential or unconfirmed diagnosis: assess at the bedside',
    ],
  ])('%s', (_name, ver, [wellsClass, min, max], line) => {
    const { fact } = evaluateFacts([
      calfPain(),
      wells({ ...noPrevious, tenderness: true }),
      condition('old-dvt', ICD, 'I82.402', '2019-05-01', withVerification(ver)),
    ]);
    expect([
      fact('dvt.wellsClass')?.value,
      fact('dvt.wellsMin')?.value,
      fact('dvt.wellsMax')?.value,
    ]).toEqual([wellsClass, min, max]);
    expect(fact('dvt.wellsItems')?.value).toContain(line);
  });

  it('an attested absent settles a possible previous DVT', () => {
    const { fact } = evaluateFacts([
      calfPain(),
      wells(ALL_ABSENT),
      condition('old-dvt', ICD, 'I82.402', '2019-05-01', withVerification('provisional')),
    ]);
    expect(fact('dvt.wellsClass')?.value).toBe('unlikely');
  });
});
