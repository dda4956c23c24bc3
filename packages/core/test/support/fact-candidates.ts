/**
 * Candidate values for every fact a rule set reads, for the differential property test. The pools are
 * built from the rules themselves, so random fact sets land where evaluation is delicate: each numeric
 * threshold (as converted by the loader) and its floating-point neighbours, each date window edge
 * (now minus the duration, ±1 ms, ±1 s, a day out, date-only and with a +13:00 offset, future dates),
 * members and non-members of each value set plus malformed codings, every listed string and enum
 * value, unknowns (null) and values of the wrong type (which the engine must treat as unknown).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RuleSet } from '../../src/catalog/rule-set';
import { collectLeaves } from '../../src/catalog/walk-conditions';
import { parseIsoDuration } from '../../src/engine/iso-duration';
import { subtractDuration } from '../../src/engine/subtract-duration';
import type { LeafCondition } from '../../src/generated/rule-definition';

const DAY = 24 * 60 * 60 * 1000;

/** Wrong-type values per catalogue type: each must be unknown (null + issue), never a match. */
const ILL_TYPED: Readonly<Record<string, readonly unknown[]>> = {
  number: ['1', true, Number.NaN, Number.POSITIVE_INFINITY],
  boolean: ['true', 1],
  string: [1, ['a']],
  'string[]': ['a', [1]],
  date: ['2024-03-17T12:00:00', 'yesterday', 42],
  object: ['x', [1]],
};

/** The next representable double after `x` towards `direction` (±1). */
function nextAfter(x: number, direction: 1 | -1): number {
  if (x === 0) {
    return direction * Number.MIN_VALUE;
  }
  const bits = new BigInt64Array(new Float64Array([x]).buffer);
  bits[0] = (bits[0] ?? 0n) + (x > 0 === direction > 0 ? 1n : -1n);
  return new Float64Array(bits.buffer)[0] ?? x;
}

function numbersAround(t: number): number[] {
  return [t, t - 1, t + 1, nextAfter(t, -1), nextAfter(t, 1), t * 0.9, t * 1.1];
}

function isoWithOffset(ms: number): string {
  return new Date(ms + 13 * 60 * 60 * 1000).toISOString().replace('Z', '+13:00');
}

function datesAround(edge: number): string[] {
  const iso = (ms: number): string => new Date(ms).toISOString();
  return [
    iso(edge),
    iso(edge - 1),
    iso(edge + 1),
    iso(edge - 1000),
    iso(edge + 1000),
    iso(edge - DAY),
    iso(edge).slice(0, 10),
    isoWithOffset(edge),
    isoWithOffset(edge - 1),
  ];
}

/**
 * Every coding listed in the value-set files under a directory, as `system|code`; a prefix entry
 * (`I80*`) gives the prefix itself and one code below it.
 * @param dir - a value-set directory (searched recursively)
 * @returns the codings, in file order
 */
export function valueSetCodings(dir: string): string[] {
  const out: string[] = [];
  const visit = (node: unknown, system: string | undefined): void => {
    if (Array.isArray(node)) {
      node.forEach((child) => visit(child, system));
    } else if (node !== null && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      const own = typeof record['system'] === 'string' ? record['system'] : system;
      const code = record['code'];
      if (own && typeof code === 'string') {
        out.push(
          ...(code.endsWith('*') ? [code.slice(0, -1), `${code.slice(0, -1)}9`] : [code]).map(
            (c) => `${own}|${c}`,
          ),
        );
      }
      Object.values(record).forEach((child) => visit(child, own));
    }
  };
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.json')) {
      visit(JSON.parse(readFileSync(join(entry.parentPath, entry.name), 'utf8')), undefined);
    }
  }
  return out;
}

/** What the leaves of a rule set say about one fact. */
interface FactUse {
  readonly numbers: Set<number>;
  readonly strings: Set<string>;
  readonly durations: Set<string>;
  readonly valueSets: Set<string>;
  readonly pathKeys: Set<string>;
  readonly linked: Set<string>;
}

function usesOf(ruleSet: RuleSet): Map<string, FactUse> {
  const uses = new Map<string, FactUse>();
  const use = (fact: string): FactUse => {
    let found = uses.get(fact);
    if (!found) {
      found = {
        numbers: new Set(),
        strings: new Set(),
        durations: new Set(),
        valueSets: new Set(),
        pathKeys: new Set(),
        linked: new Set(),
      };
      uses.set(fact, found);
    }
    return found;
  };
  const record = (leaf: LeafCondition): void => {
    const u = use(leaf.fact);
    const value: unknown = leaf.value;
    const key = /^\$\.(\w+)$/.exec(leaf.path ?? '')?.[1];
    if (key) {
      u.pathKeys.add(key);
    }
    if (value !== null && typeof value === 'object' && !Array.isArray(value) && 'fact' in value) {
      const other = String((value as { fact: unknown }).fact);
      u.linked.add(other);
      use(other).linked.add(leaf.fact);
      return;
    }
    for (const item of Array.isArray(value) ? value : [value]) {
      if (typeof item === 'number') {
        u.numbers.add(item);
      } else if (typeof item === 'string') {
        const bucket = leaf.operator === 'inValueSet' ? u.valueSets : u.strings;
        (leaf.operator === 'withinLast' || leaf.operator === 'olderThan'
          ? u.durations
          : bucket
        ).add(item);
      }
    }
  };
  ruleSet.rules.forEach((rule) =>
    collectLeaves(rule.definition).forEach(({ leaf }) => record(leaf)),
  );
  return uses;
}

function numberPool(use: FactUse, uses: ReadonlyMap<string, FactUse>): number[] {
  const thresholds = new Set(use.numbers);
  use.linked.forEach((other) => uses.get(other)?.numbers.forEach((n) => thresholds.add(n)));
  return [...new Set([0, -1, 1, 2, 3, 1e6, ...[...thresholds].flatMap(numbersAround)])];
}

function stringPool(name: string, use: FactUse, ruleSet: RuleSet, codings: readonly string[]) {
  const members = [...use.valueSets].flatMap((vs) =>
    (ruleSet.terminology.expand?.(vs) ?? [])
      .slice(0, 12)
      .map((c) => `${c.system ?? ''}|${c.code ?? ''}`),
  );
  const sample =
    use.valueSets.size > 0
      ? codings.filter((_, i) => i % Math.ceil(codings.length / 40) === 0)
      : [];
  const malformed = use.valueSets.size > 0 ? ['nobar', '|x', 'x|'] : [];
  const enums = ruleSet.facts.get(name)?.enum ?? [];
  return [...new Set([...use.strings, ...enums, ...members, ...sample, ...malformed, '', 'other'])];
}

/**
 * Candidate values per fact read by the rule set (including facts compared through `{ "fact": … }`).
 * @param ruleSet - the rule set
 * @param nowMs - evaluation time (date candidates are placed around its window edges)
 * @param codings - codings to draw value-set candidates from (see {@link valueSetCodings})
 * @returns fact name → candidate values (always including null and ill-typed values)
 */
export function factCandidates(
  ruleSet: RuleSet,
  nowMs: number,
  codings: readonly string[],
): Map<string, readonly unknown[]> {
  const uses = usesOf(ruleSet);
  const out = new Map<string, readonly unknown[]>();
  for (const [name, use] of uses) {
    const type = ruleSet.facts.get(name)?.type ?? 'string';
    const strings = stringPool(name, use, ruleSet, codings);
    const typed: Record<string, () => unknown[]> = {
      number: () => numberPool(use, uses),
      boolean: () => [true, false],
      string: () => strings,
      'string[]': () => [[], ...strings.map((s) => [s]), strings.slice(0, 3), [...use.strings]],
      date: () => [
        ...[...use.durations].flatMap((d) => {
          const duration = parseIsoDuration(d);
          return duration ? datesAround(subtractDuration(nowMs, duration)) : [];
        }),
        ...datesAround(nowMs),
      ],
      object: () => [
        {},
        ...[...use.pathKeys].flatMap((k) => numberPool(use, uses).map((n) => ({ [k]: n }))),
      ],
    };
    out.set(name, [null, ...(ILL_TYPED[type] ?? []), ...(typed[type]?.() ?? strings)]);
  }
  return out;
}
