import type {
  ConditionTrace,
  EvaluationResult,
  Issue,
  LoadedRule,
  RuleDefinition,
  RuleResult,
  RuleSet,
} from '@soleus/core';
import { routeIssues } from './route-issues';

type Tree = RuleDefinition['conditions'];

const leaf = (fact: string) => ({ fact, operator: 'equal', value: true });

function rule(id: string, conditions: Tree, extra: Partial<RuleDefinition> = {}): LoadedRule {
  const definition = {
    id,
    version: '1.0.0',
    status: 'active',
    title: id,
    pack: 'p',
    hooks: ['patient-view'],
    priority: 1,
    conditions,
    card: { indicator: 'info', summary: id, detail: id },
    evidence: [{ citation: 'test' }],
    ...extra,
  } as RuleDefinition;
  return {
    definition,
    file: `${id}.rule.json`,
    path: `/rules/${id}.rule.json`,
    pack: { id: 'p', title: 'p', version: '1.0.0', order: 1 },
  };
}

function result(
  id: string,
  fired: boolean,
  leaves: Record<string, [string, boolean]>,
  suppressedBy?: string,
): RuleResult {
  const conditions: ConditionTrace[] = Object.entries(leaves).map(([pointer, [fact, held]]) => ({
    pointer,
    fact,
    operator: 'equal',
    value: true,
    factValue: null,
    result: held,
  }));
  return {
    ruleId: id,
    ruleVersion: '1.0.0',
    packId: 'p',
    fired,
    indicator: 'info',
    variants: [],
    suggestions: [],
    conditions,
    ...(suppressedBy ? { suppressedBy } : {}),
  };
}

const issue = (facts: string[], audience?: 'operator'): Issue => ({
  severity: 'warning',
  code: 'SOLEUS_FHIR_UNINTERPRETABLE',
  message: facts.join(','),
  concerns: { facts },
  ...(audience ? { audience } : {}),
});

function route(rules: LoadedRule[], results: RuleResult[], issues: Issue[]) {
  const ruleSet = {
    rulesById: new Map(rules.map((r) => [r.definition.id, r])),
  } as unknown as RuleSet;
  const evaluation: EvaluationResult = {
    now: '2026-11-22T09:00:00.000Z',
    hook: 'patient-view',
    results,
    fired: results.filter((r) => r.fired && r.suppressedBy === undefined),
  };
  return routeIssues(evaluation, ruleSet, issues);
}

const both: Tree = { all: [leaf('symptom'), leaf('k')] };
const bothLeaves = (symptom: boolean, k: boolean): Record<string, [string, boolean]> => ({
  '/conditions/all/0': ['symptom', symptom],
  '/conditions/all/1': ['k', k],
});

describe('routeIssues', () => {
  it('writes an issue into the shown card whose conditions it could change', () => {
    const k = issue(['k']);
    const routing = route([rule('a', both)], [result('a', true, bothLeaves(true, true))], [k]);
    expect(routing.inCards.get('a')).toEqual([k]);
    expect(routing.forDataQualityCard).toEqual([]);
  });

  it('sends to the data-quality card an issue that decided a rule whose other conditions held', () => {
    const k = issue(['k']);
    const routing = route([rule('a', both)], [result('a', false, bothLeaves(true, false))], [k]);
    expect(routing.forDataQualityCard).toEqual([k]);
    expect(routing.affects.get(k)).toEqual(['a']);
  });

  it('shows nowhere an issue whose rule failed on another condition, or that only an operator hears of', () => {
    const k = issue(['k']);
    const counted = issue(['k'], 'operator');
    const routing = route(
      [rule('a', both)],
      [result('a', false, bothLeaves(false, false))],
      [k, counted],
    );
    expect(routing.forDataQualityCard).toEqual([]);
    expect(routing.inCards.size).toBe(0);
    expect(routing.affects.has(counted)).toBe(false);
  });

  it('leaves a shown card alone when the issue could not change it, unless a variant depends on it', () => {
    const anyTree: Tree = { any: [leaf('symptom'), leaf('k')] };
    const leaves: Record<string, [string, boolean]> = {
      '/conditions/any/0': ['symptom', true],
      '/conditions/any/1': ['k', false],
    };
    const k = issue(['k']);
    expect(route([rule('a', anyTree)], [result('a', true, leaves)], [k]).inCards.size).toBe(0);
    const withVariant = rule('a', anyTree, {
      card: {
        indicator: 'info',
        summary: 'a',
        detail: 'a',
        variants: [{ when: { all: [leaf('k')] }, detail: 'severe' }],
      },
    });
    const traced = result('a', true, { ...leaves, '/card/variants/0/when/all/0': ['k', false] });
    expect(route([withVariant], [traced], [k]).inCards.get('a')).toEqual([k]);
  });

  it('never routes to a suppressed card, nor to one a shown card would withdraw', () => {
    const k = issue(['k']);
    const flag = rule('flag', { all: [leaf('flag')] }, { suppresses: ['a', 'b'] });
    const routing = route(
      [flag, rule('a', both), rule('b', both)],
      [
        result('flag', true, { '/conditions/all/0': ['flag', true] }),
        result('a', true, bothLeaves(true, true), 'flag'),
        result('b', false, bothLeaves(true, false)),
      ],
      [k],
    );
    expect(routing.inCards.size).toBe(0);
    expect(routing.forDataQualityCard).toEqual([]);
  });

  it('writes an issue into the shown card only, even when it could also have made another card fire', () => {
    const k = issue(['k']);
    const routing = route(
      [rule('a', both), rule('b', both)],
      [result('a', true, bothLeaves(true, true)), result('b', false, bothLeaves(true, false))],
      [k],
    );
    expect(routing.inCards.get('a')).toEqual([k]);
    expect(routing.forDataQualityCard).toEqual([]);
    expect(routing.affects.get(k)).toEqual(['a', 'b']);
  });
});
