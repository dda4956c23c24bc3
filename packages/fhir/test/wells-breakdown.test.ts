import {
  ALL_ABSENT,
  calfCircumference,
  calfPain,
  condition,
  evaluateFacts,
  ICD,
  wells,
} from './support/dvt-record';

const BREAKDOWN = 'dvt.wellsBreakdown';

function breakdownOf(...args: Parameters<typeof evaluateFacts>[0][]): Record<string, unknown> {
  const { fact } = evaluateFacts(args.flat(), '1970-06-01', [BREAKDOWN]);
  return fact(BREAKDOWN)?.value as Record<string, unknown>;
}

describe('dvt.wellsBreakdown: the Wells assessment as data for the Wells app', () => {
  it('is unknown without an episode, and not computed unless asked for', () => {
    expect(evaluateFacts([], '1970-06-01', [BREAKDOWN]).fact(BREAKDOWN)?.value).toBeNull();
    expect(evaluateFacts([calfPain()]).fact(BREAKDOWN)).toBeUndefined();
  });

  it('names the source, resources and route of each item; bedside items unknown', () => {
    const value = breakdownOf([calfPain(), condition('cancer', ICD, 'C50.911', '2026-03-01')]);
    expect(value).toMatchObject({ wellsClass: 'indeterminate', min: 1, max: 6, attestation: null });
    const items = value.items as Record<string, Record<string, unknown>>;
    expect(items.activeCancer).toEqual({
      state: 'present',
      source: 'record',
      points: 1,
      resources: ['Condition/cancer'],
      routes: ['dvt.recordActiveCancer'],
      conflict: false,
    });
    expect(items.previousDVT).toMatchObject({ state: 'absent', source: 'record', resources: [] });
    expect(items.tenderness).toMatchObject({ state: 'unknown', source: 'none', points: 1 });
    expect(items.altDxAsLikely).toMatchObject({ state: 'unknown', source: 'none', points: -2 });
  });

  it('reports the attestation, and a conflict when it says absent against the record', () => {
    const value = breakdownOf([
      calfPain(),
      wells({ ...ALL_ABSENT, tenderness: true }),
      condition('cancer', ICD, 'C50.911', '2026-03-01'),
    ]);
    const items = value.items as Record<string, Record<string, unknown>>;
    expect(value).toMatchObject({ attestation: 'QuestionnaireResponse/wells-1', min: 2 });
    expect(items.activeCancer).toMatchObject({
      state: 'present',
      source: 'record',
      conflict: true,
    });
    expect(items.tenderness).toEqual({
      state: 'present',
      source: 'attestation',
      points: 1,
      resources: ['QuestionnaireResponse/wells-1'],
      routes: [],
      conflict: false,
    });
  });

  it('calls a measured calf difference "measured"', () => {
    const value = breakdownOf([
      calfPain(),
      calfCircumference('l', 'left', 41),
      calfCircumference('r', 'right', 38),
    ]);
    const items = value.items as Record<string, Record<string, unknown>>;
    expect(items.calfSwelling3cm).toMatchObject({
      state: 'present',
      source: 'measured',
      routes: ['dvt.calfSwellingMeasured'],
    });
  });
});
