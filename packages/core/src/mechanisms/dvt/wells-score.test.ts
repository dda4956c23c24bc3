/**
 * Interval Wells over plain facts and answers readings: no FHIR, no bundle (the bundle-level cases
 * live in packages/fhir/test/wells-score.test.ts, wells-breakdown.test.ts, wells-cancer-routes.test.ts
 * and the vignettes). The items, points and bounds are the shipped DVT pack's.
 */
import { DEFAULT_CONTENT } from '../../catalog/default-content';
import { loadRuleSetSync } from '../../catalog/load-rule-set';
import type { Fact, FactValue } from '../../facts/fact';
import type { MechanismContext } from '../mechanism';
import type { AnswersQuery, AnswersReading } from '../records/answers-reading';
import type { EntryDescription } from '../records/entry-description';
import { POSSIBLE_NOT_DOCUMENTED } from '../records/possible-not-documented';
import type { ReadingStatus } from '../records/record-reading';
import {
  fakeMechanismContext,
  type FakeMechanismContext,
} from '../../../test/support/fake-mechanism-context';
import { wellsScore, type WellsItemState, type WellsScore } from './wells-score';

const ruleSet = loadRuleSetSync(DEFAULT_CONTENT);
const dvt = ruleSet.packs.get('dvt')?.parameters as Record<string, unknown>;
const CANONICAL = dvt['wellsQuestionnaire'] as string;
const NOW = '2026-11-22T09:00:00Z';
const START = '2026-11-20T08:00:00.000Z';
const START_MS = Date.parse(START);
const BEDSIDE = [
  'tenderness',
  'entireLegSwollen',
  'calfSwelling3cm',
  'pittingOedema',
  'collateralVeins',
  'altDxAsLikely',
];
const HISTORY_FACTS = [
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
];
/** Nothing documented: every history fact false, calf swelling not measured. */
const NOTHING: Record<string, FactValue> = Object.fromEntries(HISTORY_FACTS.map((f) => [f, false]));
const ALL_ITEMS = [
  'activeCancer',
  'paralysisOrCast',
  'bedriddenOrSurgery',
  'previousDVT',
  ...BEDSIDE,
];

const FINISHED: ReadingStatus = { counts: true, path: 'status' };

function response(
  id: string,
  authored: string | null,
  answers: Readonly<Record<string, boolean>>,
  extra: Partial<AnswersReading> = {},
): AnswersReading {
  return {
    ref: `QuestionnaireResponse/${id}`,
    time: authored === null ? null : { epochMs: Date.parse(authored), precision: 'time' },
    timePath: 'authored',
    status: FINISHED,
    answers: new Map(Object.entries(answers)),
    ...extra,
  };
}

/** Every item attested absent, then the given ones overridden. */
function attested(overrides: Readonly<Record<string, boolean>> = {}): Record<string, boolean> {
  return { ...Object.fromEntries(ALL_ITEMS.map((id) => [id, false])), ...overrides };
}

interface Setup {
  readonly facts?: Readonly<Record<string, Fact | FactValue>>;
  readonly responses?: readonly AnswersReading[];
  readonly unknownData?: Readonly<Record<string, readonly string[]>>;
  readonly described?: Readonly<Record<string, EntryDescription>>;
  readonly packs?: Readonly<Record<string, unknown>>;
  readonly withReader?: boolean;
}

function context(setup: Setup = {}): FakeMechanismContext & { queries: AnswersQuery[] } {
  const base = fakeMechanismContext({ ...NOTHING, ...setup.facts }, setup.packs ?? { dvt }, NOW);
  const queries: AnswersQuery[] = [];
  const unknownData = setup.unknownData;
  return {
    ...base,
    queries,
    ...(setup.withReader === false
      ? {}
      : {
          records: {
            read: () => [],
            patient: () => null,
            answers: (query: AnswersQuery) => {
              queries.push(query);
              return setup.responses ?? [];
            },
            describe: (ref: string) => setup.described?.[ref] ?? null,
          },
        }),
    ...(unknownData ? { unknownDataOf: (name: string) => unknownData[name] ?? [] } : {}),
  };
}

function item(score: WellsScore, linkId: string): WellsItemState | undefined {
  return score.items.find((i) => i.linkId === linkId);
}

describe('interval Wells over facts and answers (§A.3, §0.3)', () => {
  it('reads each item from its source: record, measured, attestation or none', () => {
    const ctx = context({
      facts: {
        'dvt.recordChemotherapy': {
          value: true,
          evidence: [{ resource: 'Procedure/chemo' }],
        },
        'dvt.calfSwellingMeasured': {
          value: false,
          evidence: [{ resource: 'Observation/l' }, { resource: 'Observation/r' }],
        },
      },
      responses: [
        response('w', '2026-11-21T10:00:00Z', { tenderness: true, pittingOedema: false }),
      ],
    });
    const score = wellsScore(ctx, START_MS);
    expect(ctx.queries).toEqual([{ questionnaire: CANONICAL }]);
    expect(item(score, 'activeCancer')).toEqual({
      linkId: 'activeCancer',
      label: 'Active cancer',
      state: 'present',
      points: 1,
      source: 'record',
      resources: ['Procedure/chemo'],
      routes: ['dvt.recordChemotherapy'],
      routeLabels: ['chemotherapy in the last 6 months'],
    });
    expect(item(score, 'calfSwelling3cm')).toMatchObject({
      state: 'absent',
      source: 'measured',
      resources: ['Observation/l', 'Observation/r'],
      routes: ['dvt.calfSwellingMeasured'],
    });
    expect(item(score, 'tenderness')).toMatchObject({
      state: 'present',
      source: 'attestation',
      resources: ['QuestionnaireResponse/w'],
    });
    expect(item(score, 'pittingOedema')).toMatchObject({ state: 'absent', source: 'attestation' });
    expect(item(score, 'paralysisOrCast')).toMatchObject({ state: 'absent', source: 'record' });
    expect(item(score, 'entireLegSwollen')).toMatchObject({ state: 'unknown', source: 'none' });
    expect(score.attestation).toBe('QuestionnaireResponse/w');
    // Present: cancer + tenderness = 2; unknown positive: entire leg, collateral veins = 2.
    expect([score.min, score.max, score.wellsClass]).toEqual([2, 4, 'likely']);
  });

  it('a measured calf swelling is present from the measurement', () => {
    const score = wellsScore(
      context({
        facts: {
          'dvt.calfSwellingMeasured': { value: true, evidence: [{ resource: 'Observation/l' }] },
        },
      }),
      START_MS,
    );
    expect(item(score, 'calfSwelling3cm')).toMatchObject({
      state: 'present',
      source: 'measured',
      routes: ['dvt.calfSwellingMeasured'],
    });
  });

  it('an attested absent never cancels a recorded present: kept as present, with a conflict issue', () => {
    const ctx = context({
      facts: { 'dvt.previousDvt': { value: true, evidence: [{ resource: 'Condition/old' }] } },
      responses: [response('w', '2026-11-21T10:00:00Z', attested())],
    });
    const score = wellsScore(ctx, START_MS);
    expect(item(score, 'previousDVT')).toMatchObject({
      state: 'present',
      source: 'record',
      conflict: true,
    });
    expect([score.min, score.max, score.wellsClass]).toEqual([1, 1, 'unlikely']);
    expect(ctx.issues.list()).toEqual([
      {
        severity: 'warning',
        code: 'SOLEUS_FHIR_CONFLICT',
        message:
          'Wells item "previousDVT": the record documents it (Condition/old) but attestation QuestionnaireResponse/w says absent; the record was kept (an attested absent never cancels a recorded present)',
        location: { resource: 'QuestionnaireResponse/w', path: "item.where(linkId='previousDVT')" },
        clinicianText:
          'Wells item “Previously documented DVT”: the record documents it but the bedside assessment says no; the record was kept',
      },
    ]);
  });

  it('a record that holds the item only as possible makes it unknown, naming the records', () => {
    const score = wellsScore(
      context({
        facts: {
          'dvt.previousDvt': {
            value: null,
            ignored: [
              { resource: 'Condition/maybe', note: `provisional: ${POSSIBLE_NOT_DOCUMENTED}` },
            ],
          },
        },
        responses: [response('w', '2026-11-21T10:00:00Z', omit(attested(), 'previousDVT'))],
      }),
      START_MS,
    );
    expect(item(score, 'previousDVT')).toMatchObject({
      state: 'unknown',
      source: 'none',
      uncertain: true,
      resources: ['Condition/maybe'],
    });
    expect([score.min, score.max, score.wellsClass]).toEqual([0, 1, 'unlikely']);
  });

  it('an attested answer decides an item the record holds only as possible', () => {
    const score = wellsScore(
      context({
        facts: {
          'dvt.previousDvt': {
            value: null,
            ignored: [
              { resource: 'Condition/maybe', note: `provisional: ${POSSIBLE_NOT_DOCUMENTED}` },
            ],
          },
        },
        responses: [response('w', '2026-11-21T10:00:00Z', attested())],
      }),
      START_MS,
    );
    expect(item(score, 'previousDVT')).toMatchObject({ state: 'absent', source: 'attestation' });
  });

  it('history items read from data not received are unknown under incomplete-record only', () => {
    const setup: Setup = {
      unknownData: {
        'dvt.recordBedridden': ['Encounter'],
        'dvt.recordRecentSurgery': ['Procedure'],
      },
      responses: [response('w', '2026-11-21T10:00:00Z', { ...bedsideAbsent(), tenderness: true })],
    };
    const recorded = wellsScore(context(setup), START_MS);
    expect(item(recorded, 'bedriddenOrSurgery')).toMatchObject({
      state: 'absent',
      source: 'record',
    });
    expect(recorded.wellsClass).toBe('unlikely');
    const cautious = wellsScore(context(setup), START_MS, 'incomplete-record');
    expect(item(cautious, 'bedriddenOrSurgery')).toMatchObject({
      state: 'unknown',
      unread: ['Encounter', 'Procedure'],
    });
    expect([cautious.min, cautious.max, cautious.wellsClass]).toEqual([1, 2, 'indeterminate']);
  });

  it('without unknownDataOf the host reports no missing data: both readings agree', () => {
    const ctx = context({
      responses: [response('w', '2026-11-21T10:00:00Z', bedsideAbsent())],
    });
    expect(wellsScore(ctx, START_MS, 'incomplete-record')).toEqual(wellsScore(ctx, START_MS));
  });

  describe('class boundaries (shipped: unlikely at most 1, likely at least 2)', () => {
    it.each<[string, Record<string, boolean>, [number, number, string]]>([
      ['nothing present, nothing open', attested(), [0, 0, 'unlikely']],
      ['one present, max = 1 → unlikely', attested({ tenderness: true }), [1, 1, 'unlikely']],
      ['one open, max = 1 → unlikely', omit(attested(), 'tenderness'), [0, 1, 'unlikely']],
      [
        'one present and one open: max 2, min 1 → indeterminate',
        omit(attested({ tenderness: true }), 'pittingOedema'),
        [1, 2, 'indeterminate'],
      ],
      ['min = 2 → likely', attested({ tenderness: true, pittingOedema: true }), [2, 2, 'likely']],
      [
        'min = 2 with an open item → still likely',
        omit(attested({ tenderness: true, pittingOedema: true }), 'collateralVeins'),
        [2, 3, 'likely'],
      ],
      [
        'alternative diagnosis −2 takes 3 to 1 → unlikely',
        attested({
          tenderness: true,
          pittingOedema: true,
          entireLegSwollen: true,
          altDxAsLikely: true,
        }),
        [1, 1, 'unlikely'],
      ],
      [
        'an open alternative diagnosis never lowers max',
        omit(attested({ tenderness: true }), 'altDxAsLikely'),
        [1, 1, 'unlikely'],
      ],
    ])('%s', (_name, answers, expected) => {
      const score = wellsScore(
        context({ responses: [response('w', '2026-11-21T10:00:00Z', answers)] }),
        START_MS,
      );
      expect([score.min, score.max, score.wellsClass]).toEqual(expected);
    });

    it('the bounds are the pack parameters', () => {
      const wells = dvt['wells'] as Record<string, unknown>;
      const strict = { dvt: { ...dvt, wells: { ...wells, unlikelyAtMost: 0, likelyAtLeast: 1 } } };
      const answers = attested({ tenderness: true });
      const score = wellsScore(
        context({ packs: strict, responses: [response('w', '2026-11-21T10:00:00Z', answers)] }),
        START_MS,
      );
      expect(score.wellsClass).toBe('likely');
    });
  });

  describe('the attestation of the episode', () => {
    it('the latest response authored in the episode wins', () => {
      const score = wellsScore(
        context({
          responses: [
            response('later', '2026-11-21T12:00:00Z', attested({ tenderness: true })),
            response('earlier', '2026-11-21T10:00:00Z', attested({ pittingOedema: true })),
          ],
        }),
        START_MS,
      );
      expect(score.attestation).toBe('QuestionnaireResponse/later');
      expect(item(score, 'tenderness')?.state).toBe('present');
      expect(item(score, 'pittingOedema')?.state).toBe('absent');
    });

    it('of two authored at the same instant, the later in record order wins', () => {
      const at = '2026-11-21T10:00:00Z';
      const score = wellsScore(
        context({ responses: [response('a', at, attested()), response('b', at, attested())] }),
        START_MS,
      );
      expect(score.attestation).toBe('QuestionnaireResponse/b');
    });

    it('a response from before the episode is another episode: ignored, no issue', () => {
      const ctx = context({
        responses: [response('old', '2026-11-19T10:00:00Z', attested({ tenderness: true }))],
      });
      const score = wellsScore(ctx, START_MS);
      expect(score.attestation).toBeNull();
      expect(item(score, 'tenderness')?.state).toBe('unknown');
      expect(score.wellsClass).toBe('indeterminate');
      expect(ctx.issues.list()).toEqual([]);
    });

    it.each<[string, AnswersReading, string]>([
      [
        'undated',
        response('undated', null, attested()),
        'A recorded Wells assessment has no date precise to the day; not used',
      ],
      [
        'dated to the month',
        response('month', null, attested(), {
          time: { epochMs: Date.parse('2026-11-01T00:00:00Z'), precision: 'month' },
        }),
        'A recorded Wells assessment has no date precise to the day; not used',
      ],
      [
        'dated in the future',
        response('future', '2026-11-23T10:00:00Z', attested()),
        'A recorded Wells assessment is dated in the future; not used',
      ],
    ])('a response %s is ignored and reported', (_name, unusable, clinicianText) => {
      const ctx = context({ responses: [unusable] });
      expect(wellsScore(ctx, START_MS).attestation).toBeNull();
      expect(ctx.issues.list()).toEqual([
        expect.objectContaining({
          code: 'SOLEUS_FHIR_UNINTERPRETABLE',
          location: { resource: unusable.ref, path: 'authored' },
          clinicianText,
        }),
      ]);
    });

    it('a response that does not count (in progress) is ignored without an issue', () => {
      const draft = response('draft', '2026-11-21T10:00:00Z', attested(), {
        status: { counts: false, reason: 'status "in-progress"', path: 'status' },
      });
      const ctx = context({ responses: [draft] });
      expect(wellsScore(ctx, START_MS).attestation).toBeNull();
      expect(ctx.issues.list()).toEqual([]);
    });

    it('without an answers reader, no attestation is known: bedside items stay unknown', () => {
      const score = wellsScore(context({ withReader: false }), START_MS);
      expect(score.attestation).toBeNull();
      expect(BEDSIDE.map((id) => item(score, id)?.state)).toEqual(BEDSIDE.map(() => 'unknown'));
      expect(score.wellsClass).toBe('indeterminate');
    });
  });

  describe('pack parameters', () => {
    const wells = dvt['wells'] as Record<string, unknown>;
    const items = wells['items'] as Record<string, unknown>[];
    it.each<[string, unknown]>([
      ['no items', { ...wells, items: undefined }],
      ['an item without points', { ...wells, items: [{ linkId: 'x', label: 'X' }] }],
      [
        'a record route without a label',
        { ...wells, items: [{ ...items[0], recordFacts: [{ fact: 'dvt.recordActiveCancer' }] }] },
      ],
    ])('%s → SOLEUS_FACT_SCHEMA', (_name, broken) => {
      const ctx = context({ packs: { dvt: { ...dvt, wells: broken } } });
      expect(() => wellsScore(ctx, START_MS)).toThrow(
        expect.objectContaining({ code: 'SOLEUS_FACT_SCHEMA' }),
      );
    });

    it('a missing bound → SOLEUS_FACT_SCHEMA', () => {
      const ctx = context({
        packs: { dvt: { ...dvt, wells: { ...wells, likelyAtLeast: '2' } } },
        responses: [
          response(
            'w',
            '2026-11-21T10:00:00Z',
            attested({ tenderness: true, pittingOedema: true }),
          ),
        ],
      });
      expect(() => wellsScore(ctx, START_MS)).toThrow(
        expect.objectContaining({ code: 'SOLEUS_FACT_SCHEMA' }),
      );
    });
  });

  it('is computed once per evaluation and reading through ctx.memo', () => {
    const keys: string[] = [];
    const memo = new Map<string, unknown>();
    const base = context();
    const ctx: MechanismContext = {
      ...base,
      memo: <T>(key: string, compute: () => T): T => {
        keys.push(key);
        if (!memo.has(key)) {
          memo.set(key, compute());
        }
        return memo.get(key) as T;
      },
    };
    const first = wellsScore(ctx, START_MS);
    expect(wellsScore(ctx, START_MS)).toBe(first);
    wellsScore(ctx, START_MS, 'incomplete-record');
    expect(keys).toEqual([
      'dvt.wells.as-recorded',
      'dvt.wells.as-recorded',
      'dvt.wells.incomplete-record',
    ]);
    expect(base.queries).toHaveLength(2);
  });
});

function bedsideAbsent(): Record<string, boolean> {
  return Object.fromEntries(BEDSIDE.map((id) => [id, false]));
}

function omit(answers: Record<string, boolean>, linkId: string): Record<string, boolean> {
  return Object.fromEntries(Object.entries(answers).filter(([id]) => id !== linkId));
}
