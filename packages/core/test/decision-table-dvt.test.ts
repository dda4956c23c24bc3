/**
 * The DVT card decision (clinical-spec §A.6) as the table rules/dvt/dvt-card.table.json:
 * - it gives, for every combination of its inputs, the outcome the retired TypeScript function gave
 *   (a frozen grid, fixtures/dvt-card-grid.json);
 * - the rules that read it fire exactly when the table gives their outcome, in the compiled evaluator
 *   (whole frozen domain) and in json-rules-engine (a stride of it);
 * - the table's rows turned into conditions agree with the table on the whole input domain, unknowns
 *   and out-of-domain values included (a stride of it, through the operator table);
 * - `validate` verifies it, and rejects unsafe, incomplete or overlapping edits naming row and invariant.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_CONTENT } from '../src/catalog/default-content';
import { loadRuleSetSync } from '../src/catalog/load-rule-set';
import { validateRulePack } from '../src/catalog/validate-rule-pack';
import { evaluateSync } from '../src/engine/evaluate';
import { OPERATORS } from '../src/engine/operators';
import { factSetOf, type FactValue } from '../src/facts/fact';
import type { Condition } from '../src/generated/rule-definition';
import { evaluateDecisionTable } from '../src/tables/evaluate-decision-table';
import { buildValueSetIndex } from '../src/terminology/value-set-index';
import { expectSameOutcome } from './support/differential';

interface FrozenGrid {
  readonly domain: Readonly<Record<string, readonly (string | boolean | null)[]>>;
  readonly legend: readonly string[];
  readonly grid: string;
}

const FROZEN = JSON.parse(
  readFileSync(join(__dirname, 'fixtures', 'dvt-card-grid.json'), 'utf8'),
) as FrozenGrid;
const NOW = '2026-11-22T09:00:00Z';
const ruleSet = loadRuleSetSync(DEFAULT_CONTENT);
const table = ruleSet.tables.get('dvt-card');
if (!table) {
  throw new Error('the dvt pack has no dvt-card table');
}
const cardRules = ruleSet.rules.filter((r) => r.definition.decisionTable?.table === 'dvt-card');

/** Every combination of a domain in odometer order (the last input varies fastest). */
function* combinations(
  domain: Readonly<Record<string, readonly (string | boolean | null)[]>>,
): Generator<Record<string, FactValue>> {
  const names = Object.keys(domain);
  const index = names.map(() => 0);
  for (;;) {
    yield Object.fromEntries(names.map((name, i) => [name, domain[name]?.[index[i] ?? 0] ?? null]));
    let i = names.length - 1;
    for (; i >= 0; i -= 1) {
      index[i] = (index[i] ?? 0) + 1;
      if ((index[i] ?? 0) < (domain[names[i] ?? '']?.length ?? 0)) {
        break;
      }
      index[i] = 0;
    }
    if (i < 0) {
      return;
    }
  }
}

function frozenOutcome(n: number): string | null {
  const code = FROZEN.grid[n] ?? '-';
  return code === '-' ? null : (FROZEN.legend[Number(code)] ?? 'not in legend');
}

describe('dvt-card table = the retired decideDvtCard (frozen grid)', () => {
  it('gives the frozen outcome for each of the 13,824 combinations', () => {
    const differ: string[] = [];
    let n = 0;
    for (const values of combinations(FROZEN.domain)) {
      const got = evaluateDecisionTable(table, (fact) => values[fact]).outcome;
      if (got !== frozenOutcome(n)) {
        differ.push(
          `${JSON.stringify(values)}: ${String(got)}, expected ${String(frozenOutcome(n))}`,
        );
      }
      n += 1;
    }
    expect([n, differ.slice(0, 3)]).toEqual([FROZEN.grid.length, []]);
  });

  it('the compiled evaluator fires exactly the DVT card rule the table gives (every 3rd combination)', () => {
    const differ: string[] = [];
    let n = 0;
    for (const values of combinations(FROZEN.domain)) {
      if (n % 3 !== 0) {
        n += 1;
        continue;
      }
      const result = evaluateSync(ruleSet, factSetOf(values), { now: NOW, hook: 'patient-view' });
      const fired = result.fired
        .map((r) => r.ruleId)
        .filter((id) => cardRules.some((rule) => rule.definition.id === id));
      const expected = frozenOutcome(n);
      if (JSON.stringify(fired) !== JSON.stringify(expected === null ? [] : [expected])) {
        differ.push(
          `${JSON.stringify(values)}: fired ${fired.join(',')}, expected ${String(expected)}`,
        );
      }
      n += 1;
    }
    expect(differ.slice(0, 3)).toEqual([]);
  });

  it('json-rules-engine gives the same results as the compiled evaluator (every 101st combination)', async () => {
    let n = 0;
    for (const values of combinations(FROZEN.domain)) {
      if (n % 101 === 0) {
        await expectSameOutcome(ruleSet, factSetOf(values), { now: NOW, hook: 'patient-view' });
      }
      n += 1;
    }
    expect(n).toBe(FROZEN.grid.length);
  });
});

describe('table rows as conditions', () => {
  const terminology = buildValueSetIndex([]);
  const holds = (condition: Condition, values: Readonly<Record<string, unknown>>): boolean => {
    if ('all' in condition) {
      return condition.all.every((c) => holds(c, values));
    }
    if ('any' in condition) {
      return condition.any.some((c) => holds(c, values));
    }
    if ('not' in condition) {
      return !holds(condition.not, values);
    }
    const spec = OPERATORS.get(condition.operator);
    return spec?.evaluate(values[condition.fact], condition.value, { terminology }) ?? false;
  };
  // The full domain (every input unknown too) plus a value outside one input's domain.
  const domain = Object.fromEntries(
    table.columns.map((c) => [
      c.fact,
      c.fact === 'dvt.ultrasoundScope' ? [...c.values, 'bilateral'] : c.values,
    ]),
  );

  it('each rule reads the inputs, not a precomputed decision', () => {
    for (const rule of cardRules) {
      const facts = new Set<string>();
      const walk = (c: Condition): void => {
        if ('all' in c) {
          c.all.forEach(walk);
        } else if ('any' in c) {
          c.any.forEach(walk);
        } else if ('not' in c) {
          walk(c.not);
        } else {
          facts.add(c.fact);
        }
      };
      walk(rule.definition.conditions);
      expect([rule.definition.id, facts.has('dvt.decision')]).toEqual([rule.definition.id, false]);
      expect(facts.has('dvt.wellsClassAsRecorded') || facts.has('dvt.ultrasoundResult')).toBe(true);
    }
  });

  it('hold exactly when the table gives the rule its outcome (every 97th combination)', () => {
    const differ: string[] = [];
    let n = 0;
    let checked = 0;
    for (const values of combinations(domain)) {
      if (n % 97 === 0) {
        checked += 1;
        const outcome = evaluateDecisionTable(table, (fact) => values[fact]).outcome;
        for (const rule of cardRules) {
          const fires = holds(rule.definition.conditions, values);
          if (fires !== (outcome === rule.definition.decisionTable?.outcome)) {
            differ.push(`${rule.definition.id} ${JSON.stringify(values)}: ${String(fires)}`);
          }
        }
      }
      n += 1;
    }
    expect([checked > 9_000, differ.slice(0, 3)]).toEqual([true, []]);
  });
});

describe('soleus validate verifies decision tables', () => {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'soleus-table-'));
    cpSync(DEFAULT_CONTENT.rulesDir, dir, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const editTable = (
    edit: (json: { rows: { when: object; then: string | null }[]; hitPolicy: string }) => void,
  ): void => {
    const file = join(dir, 'dvt', 'dvt-card.table.json');
    const json = JSON.parse(readFileSync(file, 'utf8')) as Parameters<typeof edit>[0];
    edit(json);
    writeFileSync(file, JSON.stringify(json));
  };

  it('the shipped packs verify: complete, and every invariant holds', () => {
    expect(validateRulePack(DEFAULT_CONTENT)).toEqual([]);
  });

  it('rejects a row edited to exclude DVT on an indeterminate Wells, naming the row and the invariant', () => {
    editTable((json) => {
      const row = json.rows[6];
      expect(row?.when).toEqual({ 'dvt.wellsClassAsRecorded': ['indeterminate', null] });
      if (row) {
        row.then = 'dvt-excluded';
      }
    });
    const issues = validateRulePack({ ...DEFAULT_CONTENT, rulesDir: dir });
    const invariantIssues = issues.filter((i) => i.details?.['invariant'] === '/invariants/0');
    expect(invariantIssues).toHaveLength(1);
    expect(invariantIssues[0]).toMatchObject({
      code: 'SOLEUS_RULE_TABLE_INVARIANT',
      location: { file: 'dvt/dvt-card.table.json', pointer: '/rows/6' },
      details: { row: '/rows/6', outcome: 'dvt-excluded' },
    });
    expect(invariantIssues[0]?.message).toContain('"wells-indeterminate"');
    expect(invariantIssues[0]?.message).toContain('dvt.wellsClassAsRecorded = "indeterminate"');
    expect(new Set(issues.map((i) => i.code))).toEqual(new Set(['SOLEUS_RULE_TABLE_INVARIANT']));
  });

  it('rejects a table that leaves a combination without a row', () => {
    editTable((json) => json.rows.splice(6, 1));
    const issues = validateRulePack({ ...DEFAULT_CONTENT, rulesDir: dir });
    expect(issues.map((i) => [i.code, i.location?.pointer])).toEqual([
      ['SOLEUS_RULE_TABLE_INCOMPLETE', '/rows'],
    ]);
    expect(issues[0]?.message).toContain('dvt.wellsClassAsRecorded = "indeterminate"');
  });

  it('rejects overlapping rows under hit policy unique, naming both', () => {
    editTable((json) => {
      json.hitPolicy = 'unique';
    });
    const issues = validateRulePack({ ...DEFAULT_CONTENT, rulesDir: dir });
    const overlap = issues.filter((i) => i.code === 'SOLEUS_RULE_TABLE_OVERLAP');
    expect(overlap.length).toBeGreaterThan(0);
    expect(overlap[0]?.message).toMatch(
      /^dvt\/dvt-card\.table\.json#\/rows\/\d+: row \d+ and row \/rows\/\d+ both match/,
    );
  });

  it('rejects a cell value outside its input domain at load', () => {
    editTable((json) => {
      json.rows[6] = {
        when: { 'dvt.wellsClassAsRecorded': 'moderate' },
        then: 'dvt-wells-incomplete',
      };
    });
    const issues = validateRulePack({ ...DEFAULT_CONTENT, rulesDir: dir });
    expect(issues.map((i) => [i.code, i.location?.pointer])).toEqual([
      ['SOLEUS_RULE_TABLE', '/rows/6/when/dvt.wellsClassAsRecorded'],
    ]);
  });
});
