// Micro-benchmark of evaluate(): 30 rules over precomputed facts, warm-up, then timed evaluations.
// Build first (`pnpm build`, or `pnpm exec tsc -b packages/core` alone), then run:
//   node packages/core/bench/evaluate.bench.mjs [iterations]   (default 5000, at least 2000)
// Synthetic rules only: facts, thresholds and value sets here exercise the engine, not clinical content.
// Reports, in µs: `evaluate` as a service calls it (the fired rules' traces are built, cards read them:
// medianUs/p95Us), the same plus reading every rule's result and trace as an explanation does
// (explainMedianUs), and evaluateReference, the json-rules-engine run of the same rules
// (referenceMedianUs, fewer iterations).
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const { evaluate, evaluateReference } = require('../dist/index.js');

const ITERATIONS = Math.max(2000, Number(process.argv[2] ?? 5000));
const WARM_UP = 500;
const NOW = '2024-03-31T12:00:00Z';

const facts = new Map(
  Object.entries({
    'bench.flag': { value: true },
    'bench.score': { value: 3, unit: '{score}', evidence: [{ resource: 'Observation/b1' }] },
    'bench.level': { value: 'high' },
    'bench.codes': { value: ['urn:bench|a', 'urn:bench|b', 'urn:bench|c'] },
    'bench.date': { value: '2024-03-25T08:00:00Z' },
    'bench.other': { value: null },
  }),
);
const factTypes = {
  'bench.flag': 'boolean',
  'bench.score': 'number',
  'bench.level': 'string',
  'bench.codes': 'string[]',
  'bench.date': 'date',
  'bench.other': 'number',
};

/** Rule i: five leaves across all/any/not, one variant and one conditional suggestion. */
function benchRule(i) {
  const leaf = (fact, operator, value) => ({ fact, operator, value });
  return {
    id: `bench.rule-${String(i).padStart(2, '0')}`,
    version: '1.0.0',
    status: 'active',
    title: `bench ${i}`,
    pack: `p${i % 3}`,
    hooks: ['patient-view'],
    priority: i % 7,
    suppresses: i % 10 === 0 ? [`bench.rule-${String(i + 1).padStart(2, '0')}`] : [],
    conditions: {
      all: [
        leaf('bench.flag', 'equal', true),
        {
          any: [
            leaf('bench.score', 'greaterThanOrEqual', i % 5),
            leaf('bench.level', 'in', ['high', 'medium']),
          ],
        },
        { not: leaf('bench.other', 'greaterThan', i) },
        leaf('bench.date', 'withinLast', `P${(i % 14) + 1}D`),
        leaf('bench.codes', 'inValueSet', 'vs:bench'),
      ],
    },
    card: {
      indicator: ['info', 'warning', 'critical'][i % 3],
      summary: 's',
      detail: 'd',
      variants: [
        { when: { all: [leaf('bench.codes', 'contains', 'urn:bench|b')] }, indicator: 'warning' },
      ],
      suggestions: [
        {
          label: 'x',
          when: { all: [leaf('bench.score', 'lessThan', 10)] },
          actions: [{ type: 'create', description: 'x' }],
        },
      ],
    },
    evidence: [{ citation: 'bench' }],
  };
}

function benchRuleSet() {
  const members = new Set(['urn:bench|b']);
  const packs = new Map(
    [0, 1, 2].map((n) => [
      `p${n}`,
      { id: `p${n}`, title: `p${n}`, version: '1.0.0', order: n + 1 },
    ]),
  );
  const rules = Array.from({ length: 30 }, (_, i) => {
    const definition = benchRule(i);
    return {
      definition,
      file: `${definition.pack}/${definition.id}.rule.json`,
      pack: packs.get(definition.pack),
    };
  });
  return {
    rules,
    rulesById: new Map(rules.map((r) => [r.definition.id, r])),
    packs,
    facts: new Map(
      Object.entries(factTypes).map(([name, type]) => [
        name,
        { name, type, description: name, source: { kind: 'bench' } },
      ]),
    ),
    terminology: {
      contains: (vs, coding) => vs === 'vs:bench' && members.has(`${coding.system}|${coding.code}`),
      has: (vs) => vs === 'vs:bench',
      valueSets: () => ['vs:bench'],
    },
    contentVersion: 'bench@1.0.0',
  };
}

const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/** Median and p95 in µs of `iterations` timed calls after a warm-up. */
async function measure(call, iterations) {
  for (let i = 0; i < WARM_UP; i++) {
    await call();
  }
  const samples = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    await call();
    samples.push((performance.now() - start) * 1000);
  }
  samples.sort((a, b) => a - b);
  return { median: Math.round(percentile(samples, 50)), p95: Math.round(percentile(samples, 95)) };
}

const ruleSet = benchRuleSet();
const options = { now: NOW, hook: 'patient-view' };
const first = await evaluate(ruleSet, facts, options);
const served = await measure(() => evaluate(ruleSet, facts, options), ITERATIONS);
const explained = await measure(async () => {
  const result = await evaluate(ruleSet, facts, options);
  return result.results.length;
}, ITERATIONS);
const reference = await measure(
  () => evaluateReference(ruleSet, facts, options),
  Math.ceil(ITERATIONS / 5),
);
console.log(
  JSON.stringify({
    rules: ruleSet.rules.length,
    fired: first.fired.length,
    suppressed: first.results.filter((r) => r.suppressedBy).length,
    iterations: ITERATIONS,
    medianUs: served.median,
    p95Us: served.p95,
    explainMedianUs: explained.median,
    referenceMedianUs: reference.median,
    node: process.version,
  }),
);
