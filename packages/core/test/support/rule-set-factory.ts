/**
 * Builds a {@link RuleSet} from inline rule definitions for engine tests, without the loader (json-rules-
 * engine's `test/support/rule-factory.js` style). Defaults fill every required field, so a test states
 * only what it is about.
 */
import type { RuleSet, LoadedRule } from '../../src/catalog/rule-set';
import type { FactType } from '../../src/engine/operators';
import { SoleusError } from '../../src/errors';
import type { FactDefinition } from '../../src/generated/fact-catalogue-file';
import type { PackManifest } from '../../src/generated/pack-manifest';
import type {
  AllCondition,
  AnyCondition,
  Condition,
  LeafCondition,
  RuleDefinition,
} from '../../src/generated/rule-definition';
import type { Coding, TerminologyProvider } from '../../src/terminology/terminology-provider';

/** A rule as a test writes it: id and conditions, everything else optional. */
export type TestRule = Partial<RuleDefinition> & Pick<RuleDefinition, 'id' | 'conditions'>;

/** Inputs of {@link buildTestRuleSet}. */
export interface TestRuleSetInput {
  readonly rules: readonly TestRule[];
  /** Fact name → catalogue type. */
  readonly facts?: Readonly<Record<string, FactType>>;
  /** Pack id → order; defaults to a = 1, b = 2, c = 3. */
  readonly packs?: Readonly<Record<string, number>>;
  /** Value-set url → members as `system|code`. */
  readonly valueSets?: Readonly<Record<string, readonly string[]>>;
}

/**
 * A terminology provider over inline members; unknown value sets throw like the real index.
 * @param valueSets - value-set url → members as `system|code`
 * @returns the provider
 */
export function testTerminology(
  valueSets: Readonly<Record<string, readonly string[]>>,
): TerminologyProvider {
  return {
    contains(valueSet: string, coding: Coding): boolean {
      const members = valueSets[valueSet];
      if (!members) {
        throw new SoleusError('SOLEUS_VALUESET_NOT_FOUND', `value set ${valueSet} is not loaded`);
      }
      return members.includes(`${coding.system ?? ''}|${coding.code ?? ''}`);
    },
    has: (valueSet) => valueSets[valueSet] !== undefined,
    valueSets: () => Object.keys(valueSets),
  };
}

function completeRule(rule: TestRule): RuleDefinition {
  return {
    version: '1.0.0',
    status: 'active',
    title: rule.id,
    pack: 'a',
    hooks: ['patient-view'],
    priority: 0,
    card: { indicator: 'info', summary: `${rule.id} summary`, detail: `${rule.id} detail` },
    evidence: [{ citation: 'test' }],
    ...rule,
  };
}

/**
 * Builds a rule set from inline rules, facts, packs and value sets.
 * @param input - the rules and what they refer to
 * @returns an immutable-by-contract RuleSet
 */
export function buildTestRuleSet(input: TestRuleSetInput): RuleSet {
  const packs = new Map<string, PackManifest>(
    Object.entries(input.packs ?? { a: 1, b: 2, c: 3 }).map(([id, order]) => [
      id,
      { id, title: id, version: '1.0.0', order },
    ]),
  );
  const rules: LoadedRule[] = input.rules.map((r) => {
    const definition = completeRule(r);
    const pack = packs.get(definition.pack) ?? {
      id: definition.pack,
      title: '?',
      version: '0.0.0',
      order: 99,
    };
    const file = `${definition.pack}/${definition.id}.rule.json`;
    return { definition, file, path: `/test/${file}`, pack };
  });
  const facts = new Map<string, FactDefinition>(
    Object.entries(input.facts ?? {}).map(([name, type]) => [
      name,
      { name, type, description: name, source: { kind: 'test' } },
    ]),
  );
  return {
    rules,
    rulesById: new Map(rules.map((r) => [r.definition.id, r])),
    packs,
    tables: new Map(),
    facts,
    terminology: testTerminology(input.valueSets ?? {}),
    contentVersion: 'test@1.0.0',
    mechanisms: new Map(),
  };
}

/**
 * A leaf condition. The generated `LeafCondition.value` type is an object map, which no literal fits,
 * so the cast lives here once instead of in every test.
 * @param fact - fact name
 * @param operator - operator name
 * @param value - compared value (omit for isKnown / isUnknown)
 * @param path - JSONPath into an object fact
 * @returns the leaf
 */
export function leaf(
  fact: string,
  operator: string,
  value?: unknown,
  path?: string,
): LeafCondition {
  const condition: LeafCondition = { fact, operator };
  if (value !== undefined) {
    condition.value = value as LeafCondition['value'];
  }
  if (path !== undefined) {
    condition.path = path;
  }
  return condition;
}

/**
 * A conjunction.
 * @param first - first condition
 * @param rest - further conditions
 * @returns `{ all: [...] }`
 */
export function allOf(first: Condition, ...rest: Condition[]): AllCondition {
  return { all: [first, ...rest] };
}

/**
 * A disjunction.
 * @param first - first condition
 * @param rest - further conditions
 * @returns `{ any: [...] }`
 */
export function anyOf(first: Condition, ...rest: Condition[]): AnyCondition {
  return { any: [first, ...rest] };
}
