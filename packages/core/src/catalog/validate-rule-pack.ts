import type { Issue } from '../errors';
import { DEFAULT_CONTENT, type ContentDirs } from './default-content';
import { validateRuleSet } from './load-rule-set';

/**
 * Validates a rules directory (as `soleus validate <dir>` does) against the shipped fact catalogue and
 * value sets, or against the ones given, and returns every issue instead of throwing.
 * @param rulesDir - directory of pack directories to check
 * @param content - fact and value-set directories to check against (default: the shipped content)
 * @returns every issue found, each with file and JSON Pointer; empty when the packs load
 */
export function validateRulePack(
  rulesDir: string,
  content: Partial<Omit<ContentDirs, 'rulesDir'>> = {},
): readonly Issue[] {
  return validateRuleSet({ ...DEFAULT_CONTENT, ...content, rulesDir }).issues;
}
