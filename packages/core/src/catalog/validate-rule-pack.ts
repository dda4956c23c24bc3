import type { Issue } from '../errors';
import { DEFAULT_CONTENT, type ContentDirs } from './default-content';
import { verifyDecisionTable } from '../tables/verify-decision-table';
import { validateRuleSet, type LoadRuleSetOptions } from './load-rule-set';

/** A rules directory to validate, with optional fact and value-set directories and extra packs. */
export type RulePackTarget = Pick<ContentDirs, 'rulesDir'> & Partial<LoadRuleSetOptions>;

/**
 * Validates a rules directory (as `soleus validate <dir>` does) against the shipped fact catalogue and
 * value sets, or against the ones given, and returns every issue instead of throwing. When the packs
 * load, each decision table is verified over its whole input domain (completeness, overlap, safety
 * invariants).
 * @param target - the rules directory, or `{ rulesDir, factsDir?, valueSetsDir? }`
 * @param content - fact and value-set directories (when `target` is a path); default: shipped content
 * @returns every issue found, each with file and JSON Pointer (messages start with `file#pointer: `);
 *   empty when the packs load
 */
export function validateRulePack(
  target: string | RulePackTarget,
  content: Partial<Omit<ContentDirs, 'rulesDir'>> = {},
): readonly Issue[] {
  const dirs = typeof target === 'string' ? { ...content, rulesDir: target } : target;
  const result = validateRuleSet({ ...DEFAULT_CONTENT, ...dirs });
  if (!result.ok) {
    return result.issues;
  }
  const tables = [...result.ruleSet.tables.values()];
  return [...result.issues, ...tables.flatMap(verifyDecisionTable)];
}
