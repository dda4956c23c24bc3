import { DEFAULT_CONTENT } from '../catalog/default-content';
import { loadRuleSetSync } from '../catalog/load-rule-set';
import type { PackManifest } from '../generated/pack-manifest';
import { checkMechanismParams } from './check-mechanism-params';
import { SHIPPED_MECHANISMS } from './shipped-mechanisms';

const ruleSet = loadRuleSetSync(DEFAULT_CONTENT);
const pack = (id: string) => ruleSet.packs.get(id)?.parameters ?? {};
/** Every shipped derived fact computed by a core mechanism, with its source params. */
const uses = [...ruleSet.facts.values()].flatMap((fact) => {
  const source = fact.source as { kind?: string; derivation?: string; params?: object };
  return source.kind === 'derived' && SHIPPED_MECHANISMS.has(source.derivation ?? '')
    ? [
        [
          fact.name,
          source.derivation ?? '',
          (source.params ?? {}) as Record<string, unknown>,
        ] as const,
      ]
    : [];
});

describe('the shipped mechanisms check their parameters at load', () => {
  it('covers every shipped mechanism', () => {
    expect(new Set(uses.map(([, derivation]) => derivation))).toEqual(
      new Set(SHIPPED_MECHANISMS.keys()),
    );
  });

  it.each(uses)('%s (%s): the shipped parameters hold', (_fact, derivation, params) => {
    expect(SHIPPED_MECHANISMS.get(derivation)?.checkParams?.(params, pack)).toEqual([]);
  });

  // sameAs and the pregnancy assessment read only their source params; the DVT pack's parameters are
  // checked once for the pack, by the mechanism of dvt.triggered (checkDvtParameters).
  const SOURCE_PARAMS_ONLY = ['sameAs', 'pregnancy.current', 'pregnancy.gestationalWeeks'];
  const packChecked = (derivation: string) =>
    !SOURCE_PARAMS_ONLY.includes(derivation) && !derivation.startsWith('dvt.');
  it.each(uses.filter(([, derivation]) => packChecked(derivation)))(
    '%s (%s): a pack without its parameters is reported, as errors',
    (_fact, derivation, params) => {
      const issues = SHIPPED_MECHANISMS.get(derivation)?.checkParams?.(params, () => ({})) ?? [];
      expect(issues.length).toBeGreaterThan(0);
      expect(
        issues.every((i) => i.code === 'SOLEUS_FACT_PARAMETER' && i.severity === 'error'),
      ).toBe(true);
    },
  );

  // These have no source params: dvt.ultrasoundScope reads the pack parameter of that name; the
  // episode mechanisms read only DVT pack parameters, checked once by dvt.triggered.
  const NO_SOURCE_PARAMS = [
    'dvt.ultrasoundScope',
    'dvt.triggered',
    'dvt.episodeStart',
    'dvt.lowSpo2InEpisode',
    'dvt.calfSwellingMeasured',
    'dvt.inpatient',
  ];
  it.each(uses.filter(([, d]) => !NO_SOURCE_PARAMS.includes(d)))(
    '%s (%s): source params missing are reported',
    (_fact, derivation) => {
      expect(SHIPPED_MECHANISMS.get(derivation)?.checkParams?.({}, pack)).not.toEqual([]);
    },
  );

  it('a mistyped pregnancy parameter is reported naming it', () => {
    const source = ruleSet.facts.get('pregnancy.current')?.source as unknown as { params: object };
    const issues = SHIPPED_MECHANISMS.get('pregnancy.current')?.checkParams?.(
      { ...source.params, maxWeeks: '44' },
      pack,
    );
    expect(issues?.map((i) => i.message)).toEqual([
      expect.stringContaining('params.maxWeeks: expected a number'),
    ]);
  });

  it('a typo in a DVT pack parameter fails at load, on dvt.triggered, with the pack.json pointer', () => {
    const manifest = structuredClone(ruleSet.packs.get('dvt')) as PackManifest;
    const wells = (manifest.parameters as Record<string, Record<string, unknown>>)['wells'] ?? {};
    wells['likelyAtleast'] = wells['likelyAtLeast'];
    delete wells['likelyAtLeast'];
    const packs = new Map([...ruleSet.packs, ['dvt', manifest]]);
    expect(
      checkMechanismParams(ruleSet.facts, packs, SHIPPED_MECHANISMS).map(
        (i) => `${i.code} ${i.message}`,
      ),
    ).toEqual([
      expect.stringMatching(
        /^SOLEUS_FACT_PARAMETER fact dvt\.triggered \(dvt\.triggered\): dvt\/pack\.json#\/parameters\/wells\/likelyAtLeast: expected a number, found nothing/,
      ),
    ]);
  });

  it('red flags: a source naming no value set, a mistyped list or an unknown use is reported', () => {
    const check = (params: Record<string, unknown>) =>
      (SHIPPED_MECHANISMS.get('dvt.redFlagInEpisode')?.checkParams?.(params, pack) ?? []).map(
        (i) => i.message,
      );
    expect(check({ findingValueSets: ['vs'] })).toEqual([]);
    expect(check({})).toEqual([expect.stringContaining('conditionValueSets or findingValueSets')]);
    expect(check({ conditionValueSets: 'vs' })).toEqual([
      'params.conditionValueSets: expected a list of value sets',
    ]);
    expect(check({ conditionValueSets: ['vs'], conditionUse: 'history' })).toEqual([
      'params.conditionUse: expected current or confirmed',
    ]);
  });
});
