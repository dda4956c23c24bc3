import { DEFAULT_CONTENT } from '../catalog/default-content';
import { loadRuleSetSync } from '../catalog/load-rule-set';
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

  // dvt.ultrasoundScope has no source params (it reads the pack parameter of that name).
  it.each(uses.filter(([, d]) => d !== 'dvt.ultrasoundScope'))(
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
});
