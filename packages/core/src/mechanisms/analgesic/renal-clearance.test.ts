import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CONTENT } from '../../catalog/default-content';
import { fakeMechanismContext as fakeFactContext } from '../../../test/support/fake-mechanism-context';
import { renalClearance } from './renal-clearance';

const params = {
  pack: 'analgesic',
  ageFact: 'age',
  sexFact: 'sex',
  weightFact: 'weight',
  creatinineFact: 'scr',
  reportedFact: 'reported',
  egfrFact: 'egfr',
};
const pack = {
  analgesic: { cockcroftGault: { ageConstant: 140, creatinineDivisor: 72, femaleFactor: 0.85 } },
};

describe('renalClearance', () => {
  it.each([
    [
      'male, 70 y, 72 kg, SCr 1.0 → (140-70)×72/72 = 70',
      { age: 70, sex: 'male', weight: 72, scr: 1 },
      70,
    ],
    ['female → × 0.85', { age: 70, sex: 'female', weight: 72, scr: 1 }, 59.5],
    ['sex unknown → female factor (lower, safer)', { age: 70, weight: 72, scr: 1 }, 59.5],
    [
      'CG wins over reported and eGFR',
      { age: 70, sex: 'male', weight: 72, scr: 1, reported: 20, egfr: 10 },
      70,
    ],
    ['no weight → reported CrCl', { age: 70, sex: 'male', scr: 1, reported: 42, egfr: 10 }, 42],
    ['no weight, no reported → eGFR fallback', { age: 70, sex: 'male', scr: 1, egfr: 29 }, 29],
    [
      'creatinine 0 is uninterpretable → eGFR fallback',
      { age: 70, weight: 72, scr: 0, egfr: 55 },
      55,
    ],
    ['nothing known → unknown', { age: 70 }, null],
    // Age unknown: never Cockcroft-Gault on a guessed age (140 − nothing would read as 140 mL/min).
    ['no age → reported CrCl', { sex: 'male', weight: 72, scr: 1, reported: 42, egfr: 10 }, 42],
    ['no age, no reported → eGFR fallback', { sex: 'male', weight: 72, scr: 1, egfr: 29 }, 29],
    ['no age, nothing else → unknown', { sex: 'male', weight: 72, scr: 1 }, null],
  ])('%s', (_desc, facts, want) => {
    const fact = renalClearance.compute(params, fakeFactContext(facts, pack));
    expect(fact.unit).toBe('mL/min');
    if (want === null) {
      expect(fact.value).toBeNull();
    } else {
      expect(fact.value).toBeCloseTo(want, 6);
    }
  });

  it.each([
    ['male', 'Cockcroft-Gault (male)'],
    ['female', 'Cockcroft-Gault (female factor: female or sex not recorded)'],
  ])(
    'Cockcroft-Gault evidence: its three inputs, each noted with the formula (%s)',
    (sex, note) => {
      const facts = {
        age: { value: 70, evidence: [{ resource: 'Patient/p1' }] },
        sex,
        weight: { value: 72, evidence: [{ resource: 'Observation/weight-1' }] },
        scr: { value: 1, evidence: [{ resource: 'Observation/scr-1', note: 'mg/dL' }] },
      };
      const fact = renalClearance.compute(params, fakeFactContext(facts, pack));
      expect(fact.evidence).toEqual([
        { resource: 'Patient/p1', note },
        { resource: 'Observation/weight-1', note },
        { resource: 'Observation/scr-1', note: `mg/dL; ${note}` },
      ]);
    },
  );

  it('names the basis in the evidence notes', () => {
    const facts = { egfr: { value: 29, evidence: [{ resource: 'Observation/egfr-1' }] } };
    const fact = renalClearance.compute(params, fakeFactContext(facts, pack));
    expect(fact.evidence).toEqual([
      { resource: 'Observation/egfr-1', note: expect.stringContaining('eGFR used') },
    ]);
  });

  it.each([
    [
      'a missing pack constant',
      { analgesic: { cockcroftGault: { ageConstant: 140, femaleFactor: 0.85 } } },
      'analgesic/pack.json',
      '/parameters/cockcroftGault/creatinineDivisor',
    ],
    ['no parameters at all', {}, 'analgesic/pack.json', '/parameters/cockcroftGault/ageConstant'],
  ])('reports %s as SOLEUS_FACT_PARAMETER and stays unknown', (_desc, packs, file, pointer) => {
    const ctx = fakeFactContext({ age: 70, sex: 'male', weight: 72, scr: 1 }, packs);
    expect(renalClearance.compute(params, ctx).value).toBeNull();
    expect(ctx.issues.list()[0]).toMatchObject({
      code: 'SOLEUS_FACT_PARAMETER',
      severity: 'warning',
      location: { file, pointer },
    });
  });

  it('reports a missing input fact name', () => {
    const ctx = fakeFactContext({}, pack);
    expect(renalClearance.compute({ ...params, egfrFact: undefined }, ctx).value).toBeNull();
    expect(ctx.issues.list().map((i) => [i.code, i.location?.path])).toEqual([
      ['SOLEUS_FACT_PARAMETER', 'fact source params.egfrFact'],
    ]);
  });

  it('adds no unnarrowed data requirement (its inputs are catalogue facts with value-set sources)', () => {
    expect(renalClearance.requires?.(params, () => ({})) ?? []).toEqual([]);
  });
});

describe('renalClearance with the shipped analgesic pack constants', () => {
  // The constants come from the pack.json that ships (not a copy), so a change to the shipped female
  // factor, age constant or divisor fails here.
  const shipped = {
    analgesic: (
      JSON.parse(
        readFileSync(join(DEFAULT_CONTENT.rulesDir, 'analgesic', 'pack.json'), 'utf8'),
      ) as { parameters: unknown }
    ).parameters,
  };

  it('60 kg woman, 80 y, creatinine 1.3 mg/dL: values that do not cancel, checked by hand', () => {
    // By hand: (140 − 80) × 60 = 3,600; 72 × 1.3 = 93.6; 3,600 / 93.6 = 38.4615…;
    // × 0.85 (female) = 32.6923… mL/min. Dropping weight and the 72 divisor would give
    // 60 / 1.3 × 0.85 = 39.23; a female factor of 0.8 would give 30.77.
    const fact = renalClearance.compute(
      params,
      fakeFactContext({ age: 80, sex: 'female', weight: 60, scr: 1.3 }, shipped),
    );
    expect(fact.value).toBeCloseTo(32.6923, 4);
  });

  it('the same man: no female factor', () => {
    // By hand: 3,600 / 93.6 = 38.4615… mL/min.
    const fact = renalClearance.compute(
      params,
      fakeFactContext({ age: 80, sex: 'male', weight: 60, scr: 1.3 }, shipped),
    );
    expect(fact.value).toBeCloseTo(38.4615, 4);
  });

  it('sex recorded as other than male takes the female factor', () => {
    // By hand: (140 − 55) × 95 = 8,075; 72 × 0.9 = 64.8; 8,075 / 64.8 = 124.614…; × 0.85 = 105.922…
    const fact = renalClearance.compute(
      params,
      fakeFactContext({ age: 55, sex: 'other', weight: 95, scr: 0.9 }, shipped),
    );
    expect(fact.value).toBeCloseTo(105.9221, 4);
  });
});
