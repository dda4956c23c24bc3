import { writeFileSync } from 'node:fs';
import { DEFAULT_CONTENT, evaluateDecisionTable, loadRuleSetSync } from '@soleus/core';

import { decideDvtCard, type DvtDecisionInput } from './decide-dvt-card';

const DOMAIN = {
  'dvt.triggered': [true, false],
  'dvt.confirmedCondition': [true, false],
  'dvt.wellsClassAsRecorded': ['likely', 'unlikely', 'indeterminate'],
  'dvt.ultrasoundResult': ['positive', 'negative', null],
  'dvt.ultrasoundPending': [true, false],
  'dvt.ultrasoundRepeatNegative': [true, false],
  'dvt.ddimerResult': ['positive', 'negative', null],
  'dvt.ddimerReliable': [true, false],
  'dvt.pregnant': [true, false],
  'dvt.ultrasoundScope': ['proximal', 'whole-leg'],
  'dvt.wellsRestsOnMissingData': [true, false],
  'dvt.ddimerReliabilityRestsOnMissingData': [true, false],
} as const;

function old(v: Record<string, unknown>): string | null {
  const input: DvtDecisionInput = {
    triggered: v['dvt.triggered'] === true,
    confirmedCondition: v['dvt.confirmedCondition'] === true,
    wellsClass: v['dvt.wellsClassAsRecorded'] as DvtDecisionInput['wellsClass'],
    ultrasound: v['dvt.ultrasoundResult'] as DvtDecisionInput['ultrasound'],
    ultrasoundPending: v['dvt.ultrasoundPending'] === true,
    repeatScanNegative: v['dvt.ultrasoundRepeatNegative'] === true,
    ddimer: v['dvt.ddimerResult'] as DvtDecisionInput['ddimer'],
    ddimerReliable: v['dvt.ddimerReliable'] === true,
    pregnant: v['dvt.pregnant'] === true,
    ultrasoundScope: v['dvt.ultrasoundScope'] as DvtDecisionInput['ultrasoundScope'],
  };
  const card = decideDvtCard(input);
  const wellsMissing = v['dvt.wellsRestsOnMissingData'] === true;
  const relMissing = v['dvt.ddimerReliabilityRestsOnMissingData'] === true;
  if (card !== 'dvt-excluded' || !(wellsMissing || relMissing)) {
    return card;
  }
  return decideDvtCard({
    ...input,
    wellsClass: wellsMissing ? 'indeterminate' : input.wellsClass,
    ddimerReliable: input.ddimerReliable && !relMissing,
  });
}

it('table = old function on the whole domain', () => {
  const table = loadRuleSetSync(DEFAULT_CONTENT).tables.get('dvt-card');
  if (!table) throw new Error('no table');
  const names = Object.keys(DOMAIN) as (keyof typeof DOMAIN)[];
  const legend = [...table.definition.output.values];
  let grid = '';
  const diffs: string[] = [];
  let n = 0;
  const walk = (i: number, v: Record<string, unknown>): void => {
    if (i === names.length) {
      n += 1;
      const expected = old(v);
      const got = evaluateDecisionTable(table, (f) => v[f]).outcome;
      grid += expected === null ? '-' : String(legend.indexOf(expected));
      if (expected !== got) diffs.push(`${JSON.stringify(v)}: old ${expected} table ${got}`);
      return;
    }
    const name = names[i] as keyof typeof DOMAIN;
    for (const value of DOMAIN[name]) walk(i + 1, { ...v, [name]: value });
  };
  walk(0, {});
  writeFileSync('/tmp/19a/grid.json', JSON.stringify({ domain: DOMAIN, legend, grid, n }));
  expect(diffs.slice(0, 5)).toEqual([]);
  expect(n).toBe(13824);
});
