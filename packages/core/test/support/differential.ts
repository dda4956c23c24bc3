/**
 * The differential property: for random fact sets, the compiled evaluator (`evaluate`) and the
 * json-rules-engine reference (`evaluateReference`) return the same EvaluationResult — every rule's
 * fired flag, indicator, variants, suggestions, suppression, every leaf trace, the fired list and the
 * fact issues. Fact sets are drawn from {@link factCandidates}; a third of them are aimed at making one
 * rule, variant or suggestion hold, a third at making it fail, so deep conjunctions fire too. Coverage
 * (which entries were seen holding and failing) is returned so a test can insist on it.
 */
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import type { RuleSet } from '../../src/catalog/rule-set';
import { evaluate, evaluateReference, rulesThatHold } from '../../src/engine/evaluate';
import type { EvaluateOptions, EvaluationResult, Hook } from '../../src/engine/evaluation-result';
import { factReader, valueReader } from '../../src/engine/operand-reader';
import { OPERATORS } from '../../src/engine/operators';
import { prepareFacts } from '../../src/engine/prepare-facts';
import { factSetOf, type Fact, type FactSet, type FactValue } from '../../src/facts/fact';
import { cellsMatch, compileRows } from '../../src/tables/compile-table';
import type { LoadedTable } from '../../src/tables/loaded-table';
import type { Condition, LeafCondition } from '../../src/generated/rule-definition';

/** How one run of the property is set up. */
export interface DifferentialRun {
  readonly ruleSet: RuleSet;
  readonly hook: Hook;
  readonly now: string;
  readonly candidates: ReadonlyMap<string, readonly unknown[]>;
  readonly seed: number;
  readonly numRuns: number;
}

/** Entry (`<rule>`, `<rule>#variant/<i>`, `<rule>#suggestion/<i>`) → outcomes seen. */
export type Coverage = Map<string, Set<boolean>>;

type Gen = fc.GeneratorValue;
interface Constraint {
  readonly leaf: LeafCondition;
  readonly truth: boolean;
}

function constraints(condition: Condition, truth: boolean, g: Gen, out: Constraint[]): void {
  const pickOne = (children: readonly Condition[]): Condition =>
    g(fc.constantFrom, ...children) as Condition;
  if ('all' in condition) {
    (truth ? condition.all : [pickOne(condition.all)]).forEach((c) =>
      constraints(c, truth, g, out),
    );
  } else if ('any' in condition) {
    (truth ? [pickOne(condition.any)] : condition.any).forEach((c) =>
      constraints(c, truth, g, out),
    );
  } else if ('not' in condition) {
    constraints(condition.not, !truth, g, out);
  } else {
    out.push({ leaf: condition, truth });
  }
}

function holds(ruleSet: RuleSet, leaf: LeafCondition, value: unknown, nowMs: number): boolean {
  const spec = OPERATORS.get(leaf.operator);
  if (!spec || (typeof leaf.value === 'object' && leaf.value !== null && 'fact' in leaf.value)) {
    return true; // not aimed at: compared with another fact
  }
  const prepared = prepareFacts(new Map([[leaf.fact, { value } as Fact]]), ruleSet.facts, nowMs);
  const operand = factReader(leaf.fact, leaf.path)(prepared.values);
  return spec.evaluate(operand, leaf.value ?? null, { terminology: ruleSet.terminology });
}

/** The other fact of a leaf compared with another fact (`{ "value": { "fact": … } }`), if any. */
function comparedFact(leaf: LeafCondition): string | undefined {
  const value: unknown = leaf.value;
  return typeof value === 'object' && value !== null && 'fact' in value
    ? String((value as { fact: unknown }).fact)
    : undefined;
}

/**
 * Values for both facts of an aimed fact-to-fact leaf that give it the wanted outcome: drawing each side
 * on its own rarely satisfies `total > limit`, and the rule behind it would then never be seen firing.
 */
function aimPair(
  run: Pick<DifferentialRun, 'ruleSet' | 'candidates'>,
  c: Constraint,
  nowMs: number,
  g: Gen,
  facts: Map<string, Fact>,
): void {
  const other = comparedFact(c.leaf);
  const spec = OPERATORS.get(c.leaf.operator);
  if (other === undefined || !spec) {
    return;
  }
  const pairs: [unknown, unknown][] = [];
  for (const a of run.candidates.get(c.leaf.fact) ?? []) {
    for (const b of run.candidates.get(other) ?? []) {
      const facts2 = new Map([
        [c.leaf.fact, { value: a } as Fact],
        [other, { value: b } as Fact],
      ]);
      const { values } = prepareFacts(facts2, run.ruleSet.facts, nowMs);
      const left = factReader(c.leaf.fact, c.leaf.path)(values);
      const right = valueReader(c.leaf.value)(values);
      if (
        holdsSafely(() => spec.evaluate(left, right, { terminology: run.ruleSet.terminology })) ===
        c.truth
      ) {
        pairs.push([a, b]);
      }
    }
  }
  if (pairs.length > 0) {
    const [a, b] = g(fc.constantFrom, ...pairs);
    facts.set(c.leaf.fact, { value: a } as Fact);
    facts.set(other, { value: b } as Fact);
  }
}

/** An operator outcome, or undefined when the operator fails on these operands (e.g. a code as a value-set url). */
function holdsSafely(evaluate: () => boolean): boolean | undefined {
  try {
    return evaluate();
  } catch {
    return undefined;
  }
}

function targets(ruleSet: RuleSet, hook: Hook): Condition[] {
  return ruleSet.rules
    .filter((r) => r.definition.hooks.includes(hook))
    .flatMap(({ definition: d }) => [
      d.conditions as Condition,
      ...(d.card.variants ?? []).map((v) => v.when),
      ...(d.card.suggestions ?? []).flatMap((s) => (s.when ? [s.when] : [])),
    ]);
}

/**
 * Draws one fact set: each fact absent (1 in 5 when not aimed at) or one of its candidates, plain or
 * with unit and evidence; aimed facts take a candidate that gives their leaf the wanted outcome.
 * @param run - rule set, hook and candidates
 * @param nowMs - evaluation time
 * @param g - fast-check's generator of the current run
 * @returns the fact set
 */
export function drawFacts(
  run: Omit<DifferentialRun, 'seed' | 'numRuns' | 'now'>,
  nowMs: number,
  g: Gen,
): FactSet {
  const mode = g(fc.constantFrom, 'random', 'hold', 'fail');
  const aimed: Constraint[] = [];
  if (mode !== 'random') {
    constraints(g(fc.constantFrom, ...targets(run.ruleSet, run.hook)), mode === 'hold', g, aimed);
  }
  const facts = new Map<string, Fact>();
  for (const [name, pool] of run.candidates) {
    const mine = aimed.filter((c) => c.leaf.fact === name);
    const fitting = pool.filter((v) =>
      mine.every((c) => holds(run.ruleSet, c.leaf, v, nowMs) === c.truth),
    );
    const absent = mine.length === 0 && g(fc.integer, { min: 0, max: 4 }) === 0;
    if (!absent) {
      const value = g(fc.constantFrom, ...(fitting.length > 0 ? fitting : pool));
      const unit = run.ruleSet.facts.get(name)?.unit;
      facts.set(
        name,
        (g(fc.boolean)
          ? { value, ...(unit ? { unit } : {}), evidence: [{ resource: `Observation/${name}` }] }
          : { value }) as Fact,
      );
    }
  }
  aimed.forEach((c) => aimPair(run, c, nowMs, g, facts));
  return facts;
}

function record(coverage: Coverage, key: string, outcome: boolean): void {
  const seen = coverage.get(key) ?? new Set<boolean>();
  seen.add(outcome);
  coverage.set(key, seen);
}

function recordCoverage(ruleSet: RuleSet, result: EvaluationResult, coverage: Coverage): void {
  for (const r of result.results) {
    const card = ruleSet.rulesById.get(r.ruleId)?.definition.card;
    record(coverage, r.ruleId, r.fired);
    card?.variants?.forEach((_, i) =>
      record(coverage, `${r.ruleId}#variant/${i}`, r.variants.includes(i)),
    );
    card?.suggestions?.forEach((s, i) => {
      if (s.when) {
        record(coverage, `${r.ruleId}#suggestion/${i}`, r.suggestions.includes(i));
      }
    });
  }
}

/** What one evaluator did with one fact set. */
export type Settled = { readonly result: EvaluationResult } | { readonly error: unknown };

const settle = (p: Promise<EvaluationResult>): Promise<Settled> =>
  p.then(
    (result) => ({ result }),
    (error: unknown) => ({ error }),
  );

const settleSync = (
  run: () => string[],
): { readonly ids: string[] } | { readonly error: unknown } => {
  try {
    return { ids: run() };
  } catch (error: unknown) {
    return { error };
  }
};

/**
 * Evaluates with both evaluators and expects the same result, or a failure with the same error code
 * (when several leaves throw, the two may meet a different one first, so only the code must agree).
 * @param ruleSet - the rule set
 * @param facts - the facts
 * @param options - evaluation options
 * @returns what the compiled evaluator did
 */
export async function expectSameOutcome(
  ruleSet: RuleSet,
  facts: FactSet,
  options: EvaluateOptions,
): Promise<Settled> {
  const compiled = await settle(evaluate(ruleSet, facts, options));
  const reference = await settle(evaluateReference(ruleSet, facts, options));
  if ('error' in compiled && 'error' in reference) {
    expect(compiled.error).toMatchObject({ code: (reference.error as { code?: unknown }).code });
  } else if (!isDeepStrictEqual(compiled, reference)) {
    // node's check is fast; jest's prints the diff. Either one failing fails the property.
    expect(compiled).toStrictEqual(reference);
    throw new Error('the two results differ (node:util isDeepStrictEqual)');
  }
  // The condition-only run the service makes first must name the rules whose conditions held, ranked.
  const held = settleSync(() => rulesThatHold(ruleSet, facts, options));
  if ('error' in compiled) {
    expect('error' in held ? held.error : held).toMatchObject({
      code: (compiled.error as { code?: unknown }).code,
    });
  } else {
    expect(held).toStrictEqual({
      ids: compiled.result.results.filter((r) => r.fired).map((r) => r.ruleId),
    });
  }
  return compiled;
}

/**
 * Asserts the property for one rule set and hook (drafts included), seeded and bounded.
 * @param run - rule set, hook, now, fact candidates, seed and number of runs
 * @returns which entries were seen holding and failing
 */
export async function assertEvaluatorsAgree(run: DifferentialRun): Promise<Coverage> {
  const nowMs = Date.parse(run.now);
  const options = { now: run.now, hook: run.hook, includeDrafts: true };
  const coverage: Coverage = new Map();
  await fc.assert(
    fc.asyncProperty(fc.gen(), async (g) => {
      const facts = drawFacts(run, nowMs, g);
      const outcome = await expectSameOutcome(run.ruleSet, facts, options);
      if ('error' in outcome) {
        throw outcome.error;
      }
      recordCoverage(run.ruleSet, outcome.result, coverage);
    }),
    // No shrinking: a shrink step re-evaluates the whole rule set, and the failing fact set and the
    // diff of the two results are already in the report.
    { seed: run.seed, numRuns: run.numRuns, endOnFailure: true },
  );
  return coverage;
}

/**
 * The entries of a rule set's rules for one hook (drafts included) that a test expects to see both
 * holding and failing.
 * @param ruleSet - the rule set
 * @param hook - the hook
 * @returns entry keys as {@link Coverage} names them
 */
export function entriesOf(ruleSet: RuleSet, hook: Hook): string[] {
  return ruleSet.rules
    .filter((r) => r.definition.status !== 'retired' && r.definition.hooks.includes(hook))
    .flatMap(({ definition: d }) => [
      d.id,
      ...(d.card.variants ?? []).map((_, i) => `${d.id}#variant/${i}`),
      ...(d.card.suggestions ?? []).flatMap((s, i) => (s.when ? [`${d.id}#suggestion/${i}`] : [])),
    ]);
}

/**
 * One combination of input values per decision-table row: the first in odometer order whose first
 * matching row it is (a `first` table's late rows hold only on narrow combinations that random fact
 * sets almost never reach).
 * @param table - a loaded table
 * @returns fact values by name, one record per reachable row
 */
export function rowWitnesses(table: LoadedTable): Record<string, FactValue>[] {
  const rows = compileRows(table);
  const found = new Map<number, readonly number[]>();
  const point = table.columns.map(() => 0);
  const size = table.columns.reduce((n, c) => n * c.values.length, 1);
  for (let n = 0; n < size && found.size < rows.length; n += 1) {
    const row = rows.findIndex((r) => cellsMatch(r.allowed, point));
    if (row >= 0 && !found.has(row)) {
      found.set(row, [...point]);
    }
    for (let i = point.length - 1; i >= 0; i -= 1) {
      point[i] = (point[i] ?? 0) + 1;
      if ((point[i] ?? 0) < (table.columns[i]?.values.length ?? 0)) {
        break;
      }
      point[i] = 0;
    }
  }
  return [...found.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, at]) =>
      Object.fromEntries(
        table.columns.map((column, i) => [column.fact, column.values[at[i] ?? 0] ?? null]),
      ),
    );
}

/**
 * The differential property on table-driven rules: for each row of each decision table, its witness
 * combination (see {@link rowWitnesses}) is evaluated with both evaluators, which must agree; coverage
 * is recorded as {@link assertEvaluatorsAgree} does.
 * @param run - rule set, hook and now (candidates, seed and runs are not used)
 * @param coverage - the coverage to add to
 * @returns how many fact sets were evaluated
 */
export async function assertTableRowsAgree(
  run: Pick<DifferentialRun, 'ruleSet' | 'hook' | 'now'>,
  coverage: Coverage,
): Promise<number> {
  const options = { now: run.now, hook: run.hook, includeDrafts: true };
  let evaluated = 0;
  for (const table of run.ruleSet.tables.values()) {
    for (const values of rowWitnesses(table)) {
      const outcome = await expectSameOutcome(run.ruleSet, factSetOf(values), options);
      if ('error' in outcome) {
        throw outcome.error;
      }
      recordCoverage(run.ruleSet, outcome.result, coverage);
      evaluated += 1;
    }
  }
  return evaluated;
}
