/**
 * The synchronous entry point and the lazy part of a result: `evaluateSync` returns (and throws)
 * without a promise; fired rules carry their traces at once; every other rule's result, with its trace,
 * is built only when `results` is first read, and then stays the same array.
 */
import { evaluate, evaluateSync } from '../src/engine/evaluate';
import type { EvaluateOptions } from '../src/engine/evaluation-result';
import { factSetOf, type Fact } from '../src/facts/fact';
import { allOf, buildTestRuleSet, leaf } from './support/rule-set-factory';

const PV: EvaluateOptions = { now: '2024-03-31T12:00:00Z', hook: 'patient-view' };
const ruleSet = buildTestRuleSet({
  rules: [
    { id: 's.fires', conditions: allOf(leaf('calf.pain', 'equal', true)) },
    { id: 's.silent', conditions: allOf(leaf('wells.score', 'greaterThan', 5)) },
  ],
  facts: { 'calf.pain': 'boolean', 'wells.score': 'number' },
});
const values = { 'calf.pain': true, 'wells.score': 1 };

/** A FactSet that counts the facts read by name (traces read each leaf's fact). */
function countingFacts(): { facts: Map<string, Fact>; reads: string[] } {
  const reads: string[] = [];
  const facts = new (class extends Map<string, Fact> {
    override get(name: string): Fact | undefined {
      reads.push(name);
      return super.get(name);
    }
  })(factSetOf(values));
  return { facts, reads };
}

describe('evaluateSync', () => {
  it('returns the result itself, equal to what evaluate resolves to', async () => {
    const result = evaluateSync(ruleSet, factSetOf(values), PV);
    expect(result).not.toBeInstanceOf(Promise);
    expect(result.fired.map((r) => r.ruleId)).toEqual(['s.fires']);
    expect(result).toStrictEqual(await evaluate(ruleSet, factSetOf(values), PV));
  });

  it('throws SOLEUS_ENGINE_INVALID_NOW synchronously', () => {
    expect(() => evaluateSync(ruleSet, factSetOf(values), { ...PV, now: 'soon' })).toThrow(
      expect.objectContaining({ code: 'SOLEUS_ENGINE_INVALID_NOW' }),
    );
  });
});

describe('traces are built for what is read', () => {
  it('traces only the fired rules until results is read', () => {
    const { facts, reads } = countingFacts();
    const result = evaluateSync(ruleSet, facts, PV);
    expect(reads).toEqual(['calf.pain']);
    expect(result.fired[0]?.conditions).toEqual([
      expect.objectContaining({ fact: 'calf.pain', result: true }),
    ]);
    reads.length = 0;
    const silent = result.results.find((r) => r.ruleId === 's.silent');
    expect(reads).toEqual(['wells.score']);
    expect(silent?.conditions).toEqual([
      expect.objectContaining({ fact: 'wells.score', factValue: { value: 1 }, result: false }),
    ]);
  });

  it('builds results once, reusing the fired rules’ objects', () => {
    const result = evaluateSync(ruleSet, factSetOf(values), PV);
    expect(result.results).toBe(result.results);
    expect(result.results).toContain(result.fired[0]);
  });

  it('serialises results like a plain property', () => {
    const result = evaluateSync(ruleSet, factSetOf(values), PV);
    const json = JSON.parse(JSON.stringify(result)) as { results: { ruleId: string }[] };
    expect(Object.keys(result)).toEqual(['now', 'hook', 'results', 'fired', 'issues']);
    expect(json.results.map((r) => r.ruleId)).toEqual(['s.fires', 's.silent']);
    expect({ ...result }.results).toHaveLength(2);
  });
});
