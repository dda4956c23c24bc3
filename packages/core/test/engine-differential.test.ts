/**
 * Differential property test (issue 17): the compiled evaluator and json-rules-engine agree on every
 * outcome — fired, indicator, variants, suggestions, suppression, each leaf trace, fact issues — for
 * random fact sets over every shipped rule and every valid rule fixture of the repository, on every hook.
 * Rules that read a decision table hold only on narrow combinations of its inputs, so each table row's
 * witness combination is evaluated too (both evaluators must agree on it). Seeded and bounded so
 * `pnpm test` stays fast; for a longer soak set SOLEUS_DIFFERENTIAL_RUNS (runs per
 * rule set and hook) and SOLEUS_DIFFERENTIAL_SEED.
 */
import { join } from 'node:path';
import { DEFAULT_CONTENT, type ContentDirs } from '../src/catalog/default-content';
import { loadRuleSetSync } from '../src/catalog/load-rule-set';
import type { Hook } from '../src/engine/evaluation-result';
import { assertEvaluatorsAgree, assertTableRowsAgree, entriesOf } from './support/differential';
import { factCandidates, valueSetCodings } from './support/fact-candidates';

const NOW = '2026-11-22T09:00:00Z';
const RUNS = Number(process.env['SOLEUS_DIFFERENTIAL_RUNS'] ?? 200);
const SEED = Number(process.env['SOLEUS_DIFFERENTIAL_SEED'] ?? 20261122);
const HOOKS: readonly Hook[] = ['patient-view', 'order-select', 'order-sign'];
const PACKAGES = join(__dirname, '..', '..');
const fixture = (dir: string, valueSetsDir = DEFAULT_CONTENT.valueSetsDir): ContentDirs => ({
  rulesDir: join(dir, 'rules'),
  factsDir: join(dir, 'facts'),
  valueSetsDir,
});

const CATALOGUES: readonly [string, ContentDirs][] = [
  ['shipped packs', DEFAULT_CONTENT],
  [
    'core valid fixture',
    fixture(
      join(__dirname, 'fixtures', 'invalid-rules', 'valid'),
      join(__dirname, 'fixtures', 'invalid-rules', 'valid', 'valuesets'),
    ),
  ],
  [
    'fhir adapter-pack fixture',
    fixture(join(PACKAGES, 'fhir', 'test', 'fixtures', 'adapter-pack')),
  ],
  ['server fixture', fixture(join(PACKAGES, 'server', 'test', 'fixtures'))],
];

describe.each(CATALOGUES)('compiled evaluator = json-rules-engine: %s', (_name, dirs) => {
  const ruleSet = loadRuleSetSync(dirs);
  const candidates = factCandidates(ruleSet, Date.parse(NOW), valueSetCodings(dirs.valueSetsDir));

  it.each(HOOKS.filter((hook) => entriesOf(ruleSet, hook).length > 0))(
    '%s: same result for every random fact set, and every rule, variant and suggestion both holds and fails',
    async (hook) => {
      const coverage = await assertEvaluatorsAgree({
        ruleSet,
        hook,
        now: NOW,
        candidates,
        seed: SEED,
        numRuns: RUNS,
      });
      const tableRows = await assertTableRowsAgree({ ruleSet, hook, now: NOW }, coverage);
      expect(tableRows).toBe(
        [...ruleSet.tables.values()].reduce((n, t) => n + t.definition.rows.length, 0),
      );
      const partial = entriesOf(ruleSet, hook).filter((key) => coverage.get(key)?.size !== 2);
      expect(partial).toEqual([]);
    },
  );
});
