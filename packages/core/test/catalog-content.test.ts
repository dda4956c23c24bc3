/**
 * The shipped rule catalogue against clinical-spec.md §4: every card id exists as a rule (and no rule
 * has an id outside the card CodeSystem), each runs on its §4 hook with its §4 default indicator, the
 * mandated suppressions are declared, and pack order gives rule sets A, B, C.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CONTENT, loadRuleSetSync, type RuleSet } from '../src';

// id, hook it must run on, default indicator (clinical-spec §4)
const SPEC_CARDS = [
  ['pe-emergency', 'patient-view', 'critical'],
  ['limb-ischemia-emergency', 'patient-view', 'critical'],
  ['tendon-rupture-urgent', 'patient-view', 'warning'],
  ['infection-red-flag', 'patient-view', 'warning'],
  ['dvt-likely-imaging', 'patient-view', 'critical'],
  ['dvt-ddimer-required', 'patient-view', 'warning'],
  ['dvt-ddimer-positive-imaging', 'patient-view', 'warning'],
  ['dvt-ddimer-unreliable', 'patient-view', 'warning'],
  ['dvt-repeat-us', 'patient-view', 'warning'],
  ['dvt-wells-incomplete', 'patient-view', 'warning'],
  ['dvt-excluded', 'patient-view', 'info'],
  ['dvt-confirmed', 'patient-view', 'info'],
  ['data-quality', 'patient-view', 'info'],
  ['cramp-electrolyte', 'patient-view', 'warning'],
  ['cramp-medication', 'patient-view', 'info'],
  ['cramp-heat', 'patient-view', 'info'],
  ['cramp-vascular-abi', 'patient-view', 'info'],
  ['cramp-quinine', 'order-sign', 'warning'],
  ['nsaid-contraindicated', 'order-sign', 'critical'],
  ['nsaid-caution', 'order-sign', 'warning'],
  ['nsaid-gastroprotection', 'order-sign', 'warning'],
  ['nsaid-pregnancy', 'order-sign', 'warning'],
  ['apap-max-dose', 'order-sign', 'warning'],
  ['apap-contraindicated', 'order-sign', 'critical'],
  ['beers-pim', 'order-sign', 'warning'],
  ['gabapentinoid-renal-dose', 'order-sign', 'warning'],
  ['gabapentinoid-opioid', 'order-sign', 'warning'],
] as const;

let ruleSet: RuleSet;
beforeAll(() => {
  ruleSet = loadRuleSetSync(DEFAULT_CONTENT);
});

const rule = (id: string) => ruleSet.rulesById.get(id)?.definition;

describe('shipped catalogue vs clinical-spec §4', () => {
  it('has exactly the §4 card ids, and they match the card CodeSystem', () => {
    const codeSystem = JSON.parse(
      readFileSync(join(__dirname, '..', 'codesystems', 'card.codesystem.json'), 'utf8'),
    ) as {
      concept: { code: string }[];
    };
    const ids = [...ruleSet.rulesById.keys()].sort();
    expect(ids).toEqual(SPEC_CARDS.map(([id]) => id).sort());
    expect(codeSystem.concept.map((c) => c.code).sort()).toEqual(ids);
  });

  it.each(SPEC_CARDS)(
    '%s runs on %s with default indicator %s and is active',
    (id, hook, indicator) => {
      expect(rule(id)?.hooks).toContain(hook);
      expect(rule(id)?.card.indicator).toBe(indicator);
      expect(rule(id)?.status).toBe('active');
    },
  );

  it('data-quality serves every hook; quinine also patient-view; rule set C also order-select', () => {
    expect(rule('data-quality')?.hooks).toEqual(
      expect.arrayContaining(['patient-view', 'order-select', 'order-sign']),
    );
    expect(rule('cramp-quinine')?.hooks).toEqual(
      expect.arrayContaining(['patient-view', 'order-sign']),
    );
    for (const [id, hook] of SPEC_CARDS) {
      if (hook === 'order-sign') {
        expect({ id, hooks: rule(id)?.hooks }).toEqual({
          id,
          hooks: expect.arrayContaining(['order-select']),
        });
      }
    }
  });

  it('declares the §4 suppressions', () => {
    expect(rule('pe-emergency')?.suppresses).toEqual(
      expect.arrayContaining(['dvt-excluded', 'cramp-vascular-abi']),
    );
    expect(rule('limb-ischemia-emergency')?.suppresses).toEqual(
      expect.arrayContaining(['dvt-excluded', 'cramp-vascular-abi']),
    );
    expect(rule('nsaid-contraindicated')?.suppresses).toEqual(
      expect.arrayContaining(['nsaid-gastroprotection']),
    );
  });

  it('ranks rule set A before B before C within an indicator level', () => {
    const order = (pack: string) => ruleSet.packs.get(pack)?.order ?? 99;
    expect(order('dvt')).toBeLessThan(order('cramp'));
    expect(order('cramp')).toBeLessThan(order('analgesic'));
  });

  it('every rule cites evidence and keeps summaries under 140 characters', () => {
    for (const { definition } of ruleSet.rules) {
      expect(definition.evidence.length).toBeGreaterThan(0);
      expect(definition.card.summary.length).toBeLessThan(140);
    }
  });

  it('every override reason is a code of the override-reason CodeSystem with its display', () => {
    const codeSystem = JSON.parse(
      readFileSync(join(__dirname, '..', 'codesystems', 'override-reason.codesystem.json'), 'utf8'),
    ) as { concept: { code: string; display: string }[] };
    const displays = new Map(codeSystem.concept.map((c) => [c.code, c.display]));
    const reasons = ruleSet.rules.flatMap(({ definition }) =>
      (definition.card.overrideReasons ?? []).map((r) => ({ rule: definition.id, ...r })),
    );
    expect(reasons.length).toBeGreaterThan(0);
    for (const reason of reasons) {
      expect(reason).toEqual({ ...reason, display: displays.get(reason.code) });
    }
  });
});
