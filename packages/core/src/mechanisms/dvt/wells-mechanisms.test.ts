/**
 * The registered Wells mechanisms over plain facts and answers readings: the episode anchors, the
 * reading the cards show, the card lines and the breakdown (bundle-level cases: packages/fhir/test).
 */
import { DEFAULT_CONTENT } from '../../catalog/default-content';
import { loadRuleSetSync } from '../../catalog/load-rule-set';
import type { Fact, FactValue } from '../../facts/fact';
import type { AnswersReading } from '../records/answers-reading';
import type { EntryDescription } from '../records/entry-description';
import { POSSIBLE_NOT_DOCUMENTED } from '../records/possible-not-documented';
import { fakeMechanismContext } from '../../../test/support/fake-mechanism-context';
import { ultrasoundVerdict } from './ultrasound-mechanisms';
import { WELLS_MECHANISMS } from './wells-mechanisms';

const ruleSet = loadRuleSetSync(DEFAULT_CONTENT);
const dvt = ruleSet.packs.get('dvt')?.parameters as Record<string, unknown>;
const pack = (id: string) => (id === 'dvt' ? dvt : {});
const NOW = '2026-11-22T09:00:00Z';
const START = '2026-11-20T08:00:00.000Z';
const ANCHORS = { triggeredFact: 'dvt.triggered', episodeStartFact: 'dvt.episodeStart' };
const SHOWN = {
  ...ANCHORS,
  decisionFact: 'dvt.decisionIfDataComplete',
  missingDataFacts: ['dvt.wellsRestsOnMissingData', 'dvt.ddimerReliabilityRestsOnMissingData'],
};
const mechanisms = new Map(WELLS_MECHANISMS);
const HISTORY = Object.fromEntries(
  [
    'dvt.recordActiveCancer',
    'dvt.recordAntineoplasticTherapy',
    'dvt.recordChemotherapy',
    'dvt.recordPalliativeEncounter',
    'dvt.recordPalliativeCondition',
    'dvt.recordPalliativeProcedure',
    'dvt.recordParalysis',
    'dvt.recordBedridden',
    'dvt.recordRecentSurgery',
    'dvt.previousDvt',
  ].map((name) => [name, false]),
);

function response(id: string, authored: string, answers: Record<string, boolean>): AnswersReading {
  return {
    ref: `QuestionnaireResponse/${id}`,
    time: { epochMs: Date.parse(authored), precision: 'time' },
    timePath: 'authored',
    status: { counts: true, path: 'status' },
    answers: new Map(Object.entries(answers)),
  };
}

interface Setup {
  readonly facts?: Readonly<Record<string, Fact | FactValue>>;
  readonly responses?: readonly AnswersReading[];
  readonly described?: Readonly<Record<string, EntryDescription>>;
  readonly unknownData?: Readonly<Record<string, readonly string[]>>;
}

function compute(name: string, setup: Setup = {}, params: Record<string, unknown> = SHOWN): Fact {
  const base = fakeMechanismContext(
    { 'dvt.triggered': true, 'dvt.episodeStart': START, ...HISTORY, ...setup.facts },
    { dvt },
    NOW,
  );
  const unknownData = setup.unknownData ?? {};
  const ctx = {
    ...base,
    records: {
      read: () => [],
      patient: () => null,
      answers: () => setup.responses ?? [],
      describe: (ref: string) => setup.described?.[ref] ?? null,
    },
    unknownDataOf: (fact: string) => unknownData[fact] ?? [],
  };
  const mechanism = mechanisms.get(name);
  if (!mechanism) {
    throw new Error(`no mechanism ${name}`);
  }
  return mechanism.compute(params, ctx);
}

const BEDSIDE_ABSENT = {
  tenderness: false,
  entireLegSwollen: false,
  calfSwelling3cm: false,
  pittingOedema: false,
  collateralVeins: false,
  altDxAsLikely: false,
};

describe('the Wells mechanisms', () => {
  it('registers every Wells fact of dvt.facts.json', () => {
    const wellsFacts = [...ruleSet.facts.values()]
      .map((f) => (f.source as { derivation?: unknown } | undefined)?.derivation)
      .filter((d): d is string => typeof d === 'string' && d.startsWith('dvt.wells'));
    expect([...mechanisms.keys()].sort()).toEqual([...new Set(wellsFacts)].sort());
  });

  it('each is unknown outside an episode', () => {
    for (const name of mechanisms.keys()) {
      expect(compute(name, { facts: { 'dvt.triggered': false } }).value).toBeNull();
      expect(compute(name, { facts: { 'dvt.triggered': null } }).value).toBeNull();
    }
  });

  it('places the attestation against the episode start fact', () => {
    const answers = { ...BEDSIDE_ABSENT, tenderness: true, pittingOedema: true };
    const setup = { responses: [response('w', '2026-11-21T10:00:00Z', answers)] };
    expect(compute('dvt.wellsClassAsRecorded', setup, ANCHORS).value).toBe('likely');
    const later = { ...setup, facts: { 'dvt.episodeStart': '2026-11-21T12:00:00.000Z' } };
    expect(compute('dvt.wellsClassAsRecorded', later, ANCHORS).value).toBe('indeterminate');
  });

  it('the cards show the cautious reading only when an exclusion would rest on missing data', () => {
    const setup = (decision: string, restsOnMissing: boolean): Setup => ({
      responses: [response('w', '2026-11-21T10:00:00Z', { ...BEDSIDE_ABSENT, tenderness: true })],
      unknownData: { 'dvt.recordBedridden': ['Encounter'] },
      facts: {
        'dvt.decisionIfDataComplete': decision,
        'dvt.ddimerReliabilityRestsOnMissingData': restsOnMissing,
      },
    });
    expect(compute('dvt.wellsRestsOnMissingData', setup('x', false), ANCHORS).value).toBe(true);
    expect(compute('dvt.wellsClass', setup('dvt-excluded', true)).value).toBe('indeterminate');
    expect(compute('dvt.wellsMax', setup('dvt-excluded', true)).value).toBe(2);
    expect(compute('dvt.wellsClass', setup('dvt-excluded', false)).value).toBe('unlikely');
    expect(compute('dvt.wellsClass', setup('dvt-likely-imaging', true)).value).toBe('unlikely');
    expect(compute('dvt.wellsClassAsRecorded', setup('dvt-excluded', true), ANCHORS).value).toBe(
      'unlikely',
    );
  });

  it('the card lines name the records and the bedside assessment, never resource ids', () => {
    const lines = compute('dvt.wellsItems', {
      facts: {
        'dvt.recordActiveCancer': { value: true, evidence: [{ resource: 'Condition/c' }] },
        'dvt.previousDvt': {
          value: null,
          ignored: [
            { resource: 'Condition/maybe', note: `provisional: ${POSSIBLE_NOT_DOCUMENTED}` },
          ],
        },
      },
      responses: [response('w', '2026-11-21T10:00:00Z', { ...BEDSIDE_ABSENT, tenderness: true })],
      described: {
        'Condition/c': { name: 'Carcinoma of breast', atMs: Date.parse('2026-03-01T00:00:00Z') },
        'Condition/maybe': { name: 'Deep vein thrombosis' },
        'QuestionnaireResponse/w': { atMs: Date.parse('2026-11-21T10:00:00Z') },
      },
    }).value;
    expect(lines).toEqual([
      'Present: Active cancer (+1) — active cancer diagnosis: Carcinoma of breast, 1 Mar 2026, 8 months ago',
      'Present: Tenderness along the deep veins (+1) — bedside assessment, 21 Nov 2026',
      'Possible: Previously documented DVT (+1) — the record holds only a provisional, differential or unconfirmed diagnosis (Deep vein thrombosis): assess at the bedside',
      'Absent at the bedside assessment: entire leg swollen; calf swelling ≥ 3 cm versus the other side; pitting oedema of the symptomatic leg; collateral superficial veins (non-varicose); alternative diagnosis at least as likely (−2)',
      'Absent (nothing in the record): paralysis, paresis or recent cast of the leg; bedridden ≥ 3 days or major surgery ≤ 12 weeks',
    ]);
    expect(JSON.stringify(lines)).not.toMatch(/Condition\/|QuestionnaireResponse\//);
  });

  it('summary and score text follow the interval', () => {
    const setup = { responses: [response('w', '2026-11-21T10:00:00Z', { tenderness: true })] };
    expect(compute('dvt.wellsScore', setup).value).toBe('1 to 5');
    expect(compute('dvt.wellsSummary', setup).value).toBe(
      'Wells 1 to 5 (likely or unlikely until assessed): 1 item from the bedside assessment, 4 not yet assessed',
    );
    expect(compute('dvt.wellsMin', setup).value).toBe(1);
  });

  it('the breakdown gives every item with its source, route and conflict', () => {
    const value = compute('dvt.wellsBreakdown', {
      facts: { 'dvt.previousDvt': { value: true, evidence: [{ resource: 'Condition/old' }] } },
      responses: [response('w', '2026-11-21T10:00:00Z', { ...BEDSIDE_ABSENT, previousDVT: false })],
    }).value as Record<string, unknown>;
    expect(value).toMatchObject({
      wellsClass: 'unlikely',
      min: 1,
      max: 1,
      attestation: 'QuestionnaireResponse/w',
    });
    const items = value['items'] as Record<string, unknown>;
    expect(Object.keys(items)).toHaveLength(10);
    expect(items['previousDVT']).toEqual({
      state: 'present',
      source: 'record',
      points: 1,
      resources: ['Condition/old'],
      routes: ['dvt.previousDvt'],
      conflict: true,
    });
  });

  it('checks its params when the rule set loads', () => {
    const shown = mechanisms.get('dvt.wellsClass');
    expect(shown?.checkParams?.(SHOWN, pack)).toEqual([]);
    const { decisionFact: _dropped, ...withoutDecision } = SHOWN;
    expect(shown?.checkParams?.(withoutDecision, pack)).toEqual([
      expect.objectContaining({
        code: 'SOLEUS_FACT_PARAMETER',
        location: { pointer: '/source/params/decisionFact' },
      }),
    ]);
    const breakdown = mechanisms.get('dvt.wellsBreakdown');
    expect(breakdown?.checkParams?.({ ...SHOWN, episodeStartFact: 3 }, pack)).toEqual([
      expect.objectContaining({ location: { pointer: '/source/params/episodeStartFact' } }),
    ]);
    expect(mechanisms.get('dvt.wellsClassAsRecorded')?.checkParams?.({}, pack)).toHaveLength(2);
  });

  it('prefetch needs: the breakdown reads the responses; the others the pathway data', () => {
    expect(mechanisms.get('dvt.wellsBreakdown')?.requires?.(SHOWN, pack)).toEqual([
      { resourceType: 'QuestionnaireResponse' },
    ]);
    const episodeNeeds = ultrasoundVerdict.requires?.(ANCHORS, pack);
    expect(episodeNeeds?.map((r) => r.resourceType)).toContain('QuestionnaireResponse');
    for (const name of [...mechanisms.keys()].filter((n) => n !== 'dvt.wellsBreakdown')) {
      expect(mechanisms.get(name)?.requires?.(SHOWN, pack)).toEqual(episodeNeeds);
    }
  });
});
