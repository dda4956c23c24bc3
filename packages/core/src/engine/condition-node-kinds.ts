/**
 * The condition grammar of json-rules-engine (all / any / not over leaves) as compiled node kinds.
 * Boolean nodes combine the outcomes of leaves that were all evaluated beforehand, exactly as
 * json-rules-engine evaluates every leaf of a rule (its conditions share one priority, so nothing is
 * skipped); a rule's outcome and its trace therefore come from the same leaf outcomes.
 */
import type { TopLevelCondition } from 'json-rules-engine';
import type {
  AllCondition,
  AnyCondition,
  LeafCondition,
  NotCondition,
} from '../generated/rule-definition';
import type { ConditionNodeKind, ConditionTest } from './condition-node-kind';

function every(tests: readonly ConditionTest[]): ConditionTest {
  const [only] = tests;
  if (only && tests.length === 1) {
    return only;
  }
  return (outcomes) => {
    for (const test of tests) {
      if (!test(outcomes)) {
        return false;
      }
    }
    return true;
  };
}

/** Like json-rules-engine, an empty `any` holds (the schema does not let a rule write one). */
function some(tests: readonly ConditionTest[]): ConditionTest {
  const [only] = tests;
  if (tests.length === 0) {
    return () => true;
  }
  if (only && tests.length === 1) {
    return only;
  }
  return (outcomes) => {
    for (const test of tests) {
      if (test(outcomes)) {
        return true;
      }
    }
    return false;
  };
}

/** A node over a list of conditions (`all`, `any`), combined by `combine`. */
function listKind(
  name: 'all' | 'any',
  combine: (tests: readonly ConditionTest[]) => ConditionTest,
): ConditionNodeKind {
  return {
    name,
    matches: (condition) => name in condition,
    compile: (condition, pointer, compiler) => {
      const list = (condition as Partial<AllCondition & AnyCondition>)[name] ?? [];
      const children = list.map((c, i) => compiler.compile(c, `${pointer}/${name}/${i}`));
      const engine = children.map((child) => child.engine as TopLevelCondition);
      return {
        test: combine(children.map((child) => child.test)),
        engine: (name === 'all' ? { all: engine } : { any: engine }) as TopLevelCondition,
      };
    },
  };
}

const NOT: ConditionNodeKind = {
  name: 'not',
  matches: (condition) => 'not' in condition,
  compile: (condition, pointer, compiler) => {
    const child = compiler.compile((condition as NotCondition).not, `${pointer}/not`);
    const test = child.test;
    return {
      test: (outcomes) => !test(outcomes),
      engine: { not: child.engine as TopLevelCondition },
    };
  },
};

/** The leaf: whatever no kind of {@link CONDITION_NODE_KINDS} claims (`{ fact, operator, value }`). */
export const LEAF_NODE_KIND: ConditionNodeKind = {
  name: 'leaf',
  matches: (condition) => 'fact' in condition,
  compile: (condition, pointer, compiler) => {
    const { index, engine } = compiler.addLeaf(condition as LeafCondition, pointer);
    return { test: (outcomes) => outcomes[index] === 1, engine };
  },
};

/** The kinds of inner condition nodes, tried in order; a node none of them claims is a leaf. */
export const CONDITION_NODE_KINDS: readonly ConditionNodeKind[] = [
  listKind('all', every),
  listKind('any', some),
  NOT,
];
