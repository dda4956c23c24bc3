/**
 * Property (issue 20): which fired rules suppression withdraws does not depend on the order the rules
 * are given in, whenever the suppressions form no cycle (only a cycle is broken by rank, on purpose).
 * Every withdrawn rule is withdrawn by a rule that stays and suppresses it. Seeded.
 */
import fc from 'fast-check';
import { findSuppressions, type SuppressionInput } from './find-suppressions';

const SEED = 20261203;
const IDS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];

// Fired rules with acyclic suppressions: a rule only suppresses rules after it in IDS (some of which
// may not have fired — ignored, as in the engine).
const firedRules: fc.Arbitrary<SuppressionInput[]> = fc
  .subarray(IDS, { minLength: 1 })
  .chain((fired) =>
    fc.tuple(
      ...fired.map((ruleId) =>
        fc
          .subarray(IDS.slice(IDS.indexOf(ruleId) + 1))
          .map((suppresses) => ({ ruleId, suppresses })),
      ),
    ),
  );

const shuffled = (rules: SuppressionInput[]) =>
  fc.shuffledSubarray(rules, { minLength: rules.length, maxLength: rules.length });

describe('suppression is independent of input order', () => {
  it('withdraws the same rules whatever order the fired rules come in', () => {
    fc.assert(
      fc.property(
        firedRules.chain((rules) => fc.tuple(fc.constant(rules), shuffled(rules))),
        ([rules, reordered]) => {
          const withdrawn = [...findSuppressions(rules).keys()].sort();
          expect([...findSuppressions(reordered).keys()].sort()).toEqual(withdrawn);
        },
      ),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('withdraws a rule only by a staying rule that suppresses it', () => {
    fc.assert(
      fc.property(firedRules, (rules) => {
        const withdrawn = findSuppressions(rules);
        for (const [target, by] of withdrawn) {
          expect(withdrawn.has(by)).toBe(false);
          expect(rules.find((r) => r.ruleId === by)?.suppresses).toContain(target);
        }
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
