import type { Observation } from 'fhir/r4';
import {
  ALL_ABSENT,
  calfPain,
  ddimer,
  evaluateFacts,
  wells,
  withDvtParameters,
} from './support/dvt-record';

describe('D-dimer normalisation (§A.4)', () => {
  const run = (obs: Observation, birthDate?: string) =>
    evaluateFacts([calfPain(), wells(ALL_ABSENT), obs], birthDate ?? '1970-06-01');
  it.each<[string, Observation, string | undefined, 'negative' | 'positive' | null, string]>([
    [
      'ng/mL{FEU} 499 at 49 → negative',
      ddimer(499, 'ng/mL{FEU}'),
      '1977-01-01',
      'negative',
      'negative, below the cutoff of 500 µg/L FEU',
    ],
    [
      '500 at 49 → positive (not strictly below)',
      ddimer(500, 'ng/mL{FEU}'),
      '1977-01-01',
      'positive',
      'positive, at or above the cutoff of 500 µg/L FEU',
    ],
    [
      '505 at 50 → positive',
      ddimer(505, 'ng/mL{FEU}'),
      '1976-01-01',
      'positive',
      'at or above the cutoff of 500 µg/L FEU',
    ],
    [
      '505 at 51 → negative (cutoff 510)',
      ddimer(505, 'ng/mL{FEU}'),
      '1975-01-01',
      'negative',
      'below the age-adjusted cutoff of 510 µg/L FEU (age 51)',
    ],
    [
      '505 with no birthDate → positive (cutoff 500)',
      ddimer(505, 'ng/mL{FEU}'),
      '',
      'positive',
      'cutoff of 500 µg/L FEU (not age-adjusted: age unknown)',
    ],
    ['mg/L{FEU} 0.45 → 450', ddimer(0.45, 'mg/L{FEU}'), undefined, 'negative', '(450 µg/L)'],
    ['ug/mL{FEU} 0.6 → 600', ddimer(0.6, 'ug/mL{FEU}'), undefined, 'positive', '(600 µg/L)'],
    [
      'DDU 240 at 56 → negative, never age-adjusted',
      ddimer(240, 'ng/mL{DDU}', {}, '48066-5'),
      undefined,
      'negative',
      'negative, below the cutoff of 250 µg/L DDU',
    ],
    [
      'DDU 260 → positive',
      ddimer(260, 'ng/mL{DDU}', {}, '48066-5'),
      undefined,
      'positive',
      'at or above the cutoff of 250 µg/L DDU',
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
      '"<" 500 at the 500 cutoff → negative (every value below 500 is below the cutoff)',
      ddimer(500, 'ng/mL{FEU}', {
        valueQuantity: { value: 500, comparator: '<', unit: 'ng/mL{FEU}', code: 'ng/mL{FEU}' },
      }),
      '1977-01-01',
      'negative',
      'negative, below the cutoff of 500 µg/L FEU',
    ],
    [
      '"<=" 499 → negative (at most 499, strictly below 500)',
      ddimer(499, 'ng/mL{FEU}', {
        valueQuantity: { value: 499, comparator: '<=', unit: 'ng/mL{FEU}', code: 'ng/mL{FEU}' },
      }),
      '1977-01-01',
      'negative',
      'negative, below the cutoff of 500 µg/L FEU',
    ],
    [
      'no annotation: the FEU LOINC code gives the basis',
      ddimer(0.45, 'mg/L', {}, '48065-7'),
      '1977-01-01',
      'negative',
      'below the cutoff of 500 µg/L FEU',
    ],
    [
      'no annotation: the DDU LOINC code gives the basis',
      ddimer(260, 'ng/mL', {}, '48066-5'),
      '1977-01-01',
      'positive',
      'at or above the cutoff of 250 µg/L DDU',
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
      "at or above the laboratory's cutoff of 400 µg/L FEU",
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
      '"<=" 560 at the age-adjusted 560 cutoff (age 56): the value may be 560, not strictly below',
      ddimer(560, 'ng/mL{FEU}', {
        valueQuantity: { value: 560, comparator: '<=', unit: 'ng/mL{FEU}', code: 'ng/mL{FEU}' },
      }),
      'valueQuantity.comparator',
    ],
    [
      '"<" 561 (a bound just above the age-adjusted 560 cutoff)',
      ddimer(561, 'ng/mL{FEU}', {
        valueQuantity: { value: 561, comparator: '<', unit: 'ng/mL{FEU}', code: 'ng/mL{FEU}' },
      }),
      'valueQuantity.comparator',
    ],
    [
      'FEU LOINC with a DDU annotation',
      ddimer(200, 'ng/mL{DDU}', {}, '48065-7'),
      'valueQuantity.unit',
    ],
    [
      'a unit annotation naming both FEU and DDU',
      ddimer(200, 'ng/mL{FEU/DDU}'),
      'valueQuantity.unit',
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

  describe('a site pack whose FEU value set does not list the test code (no basis from the code)', () => {
    // The shipped FEU and DDU value sets cover every quantitative D-dimer code, so these paths need a
    // pack that points `ddimer.feuValueSet` elsewhere (here at the DDU set): 48065-7 then has no basis.
    const rules = withDvtParameters((parameters) => ({
      ...parameters,
      ddimer: {
        ...(parameters['ddimer'] as Record<string, unknown>),
        feuValueSet: 'https://soleus.dev/fhir/ValueSet/d-dimer-ddu',
      },
    }));
    const runSite = (obs: Observation) =>
      evaluateFacts([calfPain(), wells(ALL_ABSENT), obs], '1977-01-01', [], rules);

    it.each<[string, string, string]>([
      [
        'no annotation either → no basis',
        'ng/mL',
        'neither the LOINC code nor the unit says FEU or DDU',
      ],
      ['an annotation naming both FEU and DDU → conflict', 'ng/mL{FEU/DDU}', 'disagree'],
    ])('%s: unknown, never negative, with a data-quality issue', (_desc, unit, reason) => {
      const { fact, issues } = runSite(ddimer(200, unit));
      expect(fact('dvt.ddimerResult')?.value).toBeNull();
      expect(fact('dvt.ddimerResult')?.ignored).toEqual([
        { resource: 'Observation/dd-1', note: expect.stringContaining(reason) },
      ]);
      expect(issues).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            code: 'SOLEUS_FHIR_UNINTERPRETABLE',
            location: { resource: 'Observation/dd-1', path: 'valueQuantity.unit' },
          }),
        ]),
      );
    });

    it('the unit annotation alone gives the basis', () => {
      const { fact } = runSite(ddimer(200, 'ng/mL{FEU}'));
      expect(fact('dvt.ddimerResult')?.value).toBe('negative');
    });
  });
});
