/**
 * Red flags, fever, low SpO₂, measured calf swelling and inpatient over plain readings (clinical-spec
 * §A.2, §A.3, §A.5): no FHIR, no bundle (the bundle-level cases live in packages/fhir/test/*-in-episode,
 * calf-swelling-measured and the vignettes, through the adapter's record reader).
 */
import { DEFAULT_CONTENT } from '../../catalog/default-content';
import { loadRuleSetSync } from '../../catalog/load-rule-set';
import type { Fact } from '../../facts/fact';
import type { Issue } from '../../errors';
import type { Mechanism } from '../mechanism';
import type { ReadingValue, RecordReading } from '../records/record-reading';
import { fakeMechanismContext } from '../../../test/support/fake-mechanism-context';
import { fakeRecordReader, reading } from '../../../test/support/fake-record-reader';
import { calfSwellingMeasured } from './calf-swelling-measured';
import { feverInEpisode } from './fever-in-episode';
import { inpatientNow } from './inpatient-now';
import { lowSpo2InEpisode } from './low-spo2-in-episode';
import { redFlagInEpisode } from './red-flag-in-episode';

const ruleSet = loadRuleSetSync(DEFAULT_CONTENT);
const dvt = ruleSet.packs.get('dvt')?.parameters as Record<string, Record<string, unknown>>;
const [CALF_PAIN] = dvt['triggerValueSets'] as unknown as string[];
const FEVER_VS = dvt['fever']?.['valueSet'] as string;
const SPO2_VS = dvt['pe']?.['spo2ValueSet'] as string;
const CALF_VS = dvt['wells']?.['calfCircumferenceValueSet'] as string;
const NOW = '2026-11-22T09:00:00Z';
const ONSET = '2026-11-20T00:00:00Z';
const FEVER_CONDITIONS = 'https://example.org/fhir/ValueSet/fever-conditions';
const FINDINGS = 'https://example.org/fhir/ValueSet/findings';

type Readings = Readonly<Record<string, readonly RecordReading[]>>;

/** Runs a mechanism over readings, with an episode opened at ONSET unless `episode` is false. */
function run(
  mechanism: Mechanism,
  params: Record<string, unknown>,
  readings: Readings,
  episode = true,
): { fact: Fact; issues: Issue[] } {
  const trigger = episode ? { [`Condition ${CALF_PAIN}`]: [reading('Condition/pain', ONSET)] } : {};
  const base = fakeMechanismContext({}, { dvt }, NOW);
  const ctx = { ...base, records: fakeRecordReader({ ...trigger, ...readings }) };
  return { fact: mechanism.compute(params, ctx), issues: base.issues.list() };
}

const quantity = (value: number, unit?: string, fromText = false): ReadingValue => ({
  kind: 'quantity',
  value,
  ...(unit === undefined ? {} : { unit, code: unit }),
  fromText,
});
const obs = (id: string, extra: Partial<RecordReading> = {}, at = '2026-11-21T10:00:00Z') =>
  reading(`Observation/${id}`, at, { day: '21 Nov 2026', ...extra });

describe('red flags in the episode', () => {
  const params = { conditionValueSets: [FEVER_CONDITIONS], findingValueSets: [FINDINGS] };
  const red = (readings: Readings, episode = true, extra = {}) =>
    run(redFlagInEpisode, { ...params, ...extra }, readings, episode);

  it('a Condition with onset in the episode raises it; one from before does not', () => {
    expect(
      red({ [`Condition ${FEVER_CONDITIONS}`]: [reading('Condition/c', '2026-11-21T00:00:00Z')] })
        .fact,
    ).toEqual({
      value: true,
      evidence: [{ resource: 'Condition/c', at: '2026-11-21T00:00:00.000Z' }],
    });
    expect(
      red({ [`Condition ${FEVER_CONDITIONS}`]: [reading('Condition/c', '2026-11-19T00:00:00Z')] })
        .fact,
    ).toEqual({
      value: false,
      evidence: [],
      ignored: [{ resource: 'Condition/c', note: 'before the start of the current episode' }],
    });
  });

  it('an uncertain Condition the use may not rely on leaves it unknown; one that does not count is no finding', () => {
    const uncertain = reading('Condition/u', '2026-11-21T00:00:00Z', {
      status: { counts: false, uncertain: true, reason: 'provisional', path: 'clinicalStatus' },
    });
    expect(
      red({ [`Condition ${FEVER_CONDITIONS}`]: [uncertain] }, true, { conditionUse: 'confirmed' })
        .fact.value,
    ).toBeNull();
    const resolved = reading('Condition/r', '2026-11-21T00:00:00Z', {
      status: { counts: false, reason: 'resolved', path: 'clinicalStatus' },
    });
    expect(red({ [`Condition ${FEVER_CONDITIONS}`]: [resolved] }).fact).toMatchObject({
      value: false,
      ignored: [{ resource: 'Condition/r', note: 'resolved' }],
    });
  });

  it('a bedside finding: yes raises it, no is absent, a preliminary yes counts with a note', () => {
    expect(red({ [FINDINGS]: [obs('f', { booleanValue: true })] }).fact.value).toBe(true);
    expect(red({ [FINDINGS]: [obs('f', { booleanValue: false })] }).fact).toMatchObject({
      value: false,
      ignored: [{ resource: 'Observation/f', note: 'finding recorded as absent' }],
    });
    const preliminary = obs('p', {
      booleanValue: true,
      status: { counts: false, preliminary: true, reason: 'preliminary', path: 'status' },
    });
    expect(red({ [FINDINGS]: [preliminary] }).fact.evidence).toEqual([
      { resource: 'Observation/p', at: '2026-11-21T10:00:00.000Z', note: 'preliminary result' },
    ]);
  });

  it('a finding without a yes/no value is unknown and a data-quality issue', () => {
    const { fact, issues } = red({ [FINDINGS]: [obs('f', { name: 'Calf pallor' })] });
    expect(fact.value).toBeNull();
    expect(issues).toEqual([
      {
        severity: 'warning',
        code: 'SOLEUS_FHIR_UNINTERPRETABLE',
        message: 'bedside finding: expected valueBoolean, found none; treated as unknown',
        location: { resource: 'Observation/f', path: 'value[x]' },
        clinicianText: 'Calf pallor (21 Nov 2026) has no yes/no value; treated as unknown',
      },
    ]);
  });

  it('no episode: nothing is in it (false), and nothing is read as a finding', () => {
    expect(red({ [FINDINGS]: [obs('f', { booleanValue: true })] }, false).fact.value).toBe(false);
  });

  it('without a record reader: unknown', () => {
    const ctx = fakeMechanismContext({}, { dvt }, NOW);
    expect(redFlagInEpisode.compute(params, ctx).value).toBeNull();
  });
});

describe('fever in the episode', () => {
  const fever = (value: ReadingValue) =>
    run(feverInEpisode, { conditionValueSets: [] }, { [FEVER_VS]: [obs('t', { value })] });

  it('at the pack threshold is fever; just below is not', () => {
    expect(fever(quantity(38.0, 'Cel')).fact.value).toBe(true);
    expect(fever(quantity(37.9, 'Cel')).fact).toMatchObject({
      value: false,
      ignored: [{ note: 'below the 38 Cel fever threshold' }],
    });
  });

  it('is converted from Fahrenheit', () => {
    expect(fever(quantity(100.4, '[degF]')).fact.value).toBe(true);
    expect(fever(quantity(100.2, '[degF]')).fact.value).toBe(false);
  });

  it('a temperature without a unit, or only in text, is unknown and a data-quality issue', () => {
    const noUnit = fever(quantity(39));
    expect(noUnit.fact.value).toBeNull();
    expect(noUnit.issues).toEqual([
      expect.objectContaining({
        code: 'SOLEUS_FHIR_UNINTERPRETABLE',
        location: { resource: 'Observation/t', path: 'valueQuantity' },
        clinicianText:
          'Temperature (21 Nov 2026) has no unit, so its value cannot be read; treated as unknown',
      }),
    ]);
    const text = fever(quantity(39, 'Cel', true));
    expect(text.fact.value).toBeNull();
    expect(text.issues[0]?.clinicianText).toBe(
      'Temperature (21 Nov 2026) has no numeric value; treated as unknown',
    );
  });
});

describe('low SpO₂ in the episode', () => {
  const spo2 = (value: ReadingValue) =>
    run(lowSpo2InEpisode, {}, { [SPO2_VS]: [obs('s', { value })] });

  it('strictly below the pack threshold is low; at it is not', () => {
    expect(spo2(quantity(89, '%')).fact.value).toBe(true);
    expect(spo2(quantity(90, '%')).fact).toMatchObject({
      value: false,
      ignored: [{ note: 'not below 90 %' }],
    });
  });

  it('a saturation in another unit is unknown, never normal', () => {
    const { fact, issues } = spo2(quantity(97, 'mm[Hg]'));
    expect(fact.value).toBeNull();
    expect(issues.map((i) => i.message)).toEqual([
      'oxygen saturation: expected a valueQuantity in %; treated as unknown',
    ]);
  });
});

describe('calf swelling measured', () => {
  const calf = (
    id: string,
    side: RecordReading['side'],
    cm: number,
    at = '2026-11-21T10:00:00Z',
    extra: Partial<RecordReading> = {},
  ) => obs(id, { side, value: quantity(cm, 'cm'), ...extra }, at);
  const measured = (readings: readonly RecordReading[]) =>
    run(calfSwellingMeasured, {}, { [CALF_VS]: readings });

  it('a same-day difference of exactly 3.0 cm scores (floating point rounded); 2.9 cm does not', () => {
    expect(measured([calf('l', 'left', 32.3), calf('r', 'right', 29.3)]).fact).toEqual({
      value: true,
      evidence: [
        { resource: 'Observation/l', at: '2026-11-21T10:00:00.000Z', reported: '32.3 cm' },
        { resource: 'Observation/r', at: '2026-11-21T10:00:00.000Z', reported: '29.3 cm' },
      ],
    });
    expect(measured([calf('l', 'left', 32.2), calf('r', 'right', 29.3)]).fact.value).toBe(false);
  });

  it('millimetres are converted', () => {
    expect(
      measured([
        calf('l', 'left', 400, undefined, { value: quantity(400, 'mm') }),
        calf('r', 'right', 36),
      ]).fact.value,
    ).toBe(true);
  });

  it('no same-day left–right pair, an unsided or bilateral measurement: unknown', () => {
    expect(
      measured([calf('l', 'left', 40), calf('r', 'right', 30, '2026-11-20T10:00:00Z')]).fact.value,
    ).toBeNull();
    expect(measured([calf('l', 'left', 40), calf('u', 'unknown', 30)]).fact.value).toBeNull();
    expect(measured([calf('l', 'left', 40), calf('b', 'bilateral', 30)]).fact.value).toBeNull();
  });

  it('the latest day with both sides decides', () => {
    const earlier = '2026-11-20T10:00:00Z';
    expect(
      measured([
        calf('l1', 'left', 40, earlier),
        calf('r1', 'right', 30, earlier),
        calf('l2', 'left', 35),
        calf('r2', 'right', 34),
      ]).fact.value,
    ).toBe(false);
  });

  it('a measurement that does not count, or from before the episode, is not used', () => {
    const cancelled = { status: { counts: false, reason: 'cancelled', path: 'status' } };
    expect(
      measured([calf('l', 'left', 40, undefined, cancelled), calf('r', 'right', 30)]).fact.value,
    ).toBeNull();
    expect(
      measured([calf('l', 'left', 40, '2026-11-19T10:00:00Z'), calf('r', 'right', 30)]).fact.value,
    ).toBeNull();
  });

  it('a length without a unit is unknown and a data-quality issue', () => {
    const { fact, issues } = measured([
      calf('l', 'left', 40, undefined, { value: quantity(40) }),
      calf('r', 'right', 30),
    ]);
    expect(fact.value).toBeNull();
    expect(issues.map((i) => i.clinicianText)).toEqual([
      'Calf circumference (21 Nov 2026) has no unit, so its value cannot be read; treated as unknown',
    ]);
  });
});

describe('inpatient now', () => {
  const stay = (id: string, extra: Partial<RecordReading>) =>
    reading(`Encounter/${id}`, '2026-11-21T10:00:00Z', extra);
  const inpatient = (readings: readonly RecordReading[]) =>
    run(inpatientNow, {}, { Encounter: readings }).fact;

  it('an in-progress encounter of an inpatient class: true, with it as evidence', () => {
    expect(inpatient([stay('a', { inProgress: true, classCode: 'IMP' })])).toEqual({
      value: true,
      evidence: [{ resource: 'Encounter/a' }],
    });
  });

  it('finished, another class, or no class: false', () => {
    expect(
      inpatient([
        stay('done', { inProgress: false, classCode: 'IMP' }),
        stay('clinic', { inProgress: true, classCode: 'AMB' }),
        stay('none', { inProgress: true }),
      ]),
    ).toEqual({ value: false, evidence: [] });
  });

  it('without a record reader: unknown', () => {
    expect(inpatientNow.compute({}, fakeMechanismContext({}, { dvt }, NOW)).value).toBeNull();
  });
});
