/**
 * Differential property test over the grammar itself: random rules (see rule-arbitrary.ts) and random
 * fact sets for them, evaluated by the compiled closures and by json-rules-engine, must give the same
 * result. Covers what the shipped rules do not use: JSONPath on object facts, `{ "fact", "path" }`
 * references, operators on facts of the wrong type, deep not/any nesting. Seeded and bounded.
 */
import fc from 'fast-check';
import type { Hook } from '../src/engine/evaluation-result';
import { drawFacts, expectSameOutcome } from './support/differential';
import { factCandidates } from './support/fact-candidates';
import { GRAMMAR_FACTS, GRAMMAR_VALUE_SETS, rulesArbitrary } from './support/rule-arbitrary';
import { buildTestRuleSet } from './support/rule-set-factory';

const NOW = '2024-03-31T12:00:00Z';
const HOOK: Hook = 'patient-view';
const RUNS = Number(process.env['SOLEUS_DIFFERENTIAL_RUNS'] ?? 150);
const SEED = Number(process.env['SOLEUS_DIFFERENTIAL_SEED'] ?? 20261122);
const FACT_SETS_PER_RULE_SET = 5;

describe('compiled evaluator = json-rules-engine on random rules', () => {
  it('gives the same result for random rules and random fact sets', async () => {
    const codings = [...Object.values(GRAMMAR_VALUE_SETS).flat(), 'http://c.example|9'];
    let fired = 0;
    await fc.assert(
      fc.asyncProperty(rulesArbitrary, fc.gen(), async (rules, g) => {
        const ruleSet = buildTestRuleSet({
          rules,
          facts: GRAMMAR_FACTS,
          valueSets: GRAMMAR_VALUE_SETS,
        });
        const candidates = factCandidates(ruleSet, Date.parse(NOW), codings);
        for (let i = 0; i < FACT_SETS_PER_RULE_SET; i++) {
          const facts = drawFacts({ ruleSet, hook: HOOK, candidates }, Date.parse(NOW), g);
          const outcome = await expectSameOutcome(ruleSet, facts, { now: NOW, hook: HOOK });
          fired += 'result' in outcome ? outcome.result.fired.length : 0;
        }
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    // The draws must make rules fire, or the property would only compare silences.
    expect(fired).toBeGreaterThan(RUNS);
  });
});
