/**
 * One configuration problem as an issue whose message says where, what was expected and what was
 * found, so an operator fixes every setting in one go.
 */
import type { Issue } from '@soleus/core';

/**
 * Builds a `SOLEUS_SERVER_CONFIG` issue.
 * @param where - the variable or config-file key
 * @param expected - what a valid value is
 * @param found - what was there (never a secret)
 * @returns the issue
 */
export function configIssue(where: string, expected: string, found: string): Issue {
  return {
    severity: 'error',
    code: 'SOLEUS_SERVER_CONFIG',
    message: `${where}: expected ${expected}; found ${found}`,
  };
}
