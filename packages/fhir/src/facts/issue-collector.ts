import type { ErrorCode, Issue, IssueLocation } from '@soleus/core';

/**
 * Collects data-quality issues for one request, once per (code, resource, path): several facts may look
 * at the same bad resource, and the clinician should read about it once.
 */
export class IssueCollector {
  private readonly byKey = new Map<string, Issue>();

  /**
   * Records a warning.
   * @param code - issue code
   * @param message - where, what was expected, what was found (no PHI)
   * @param location - resource and element path
   */
  warn(code: ErrorCode, message: string, location?: IssueLocation): void {
    this.add({ severity: 'warning', code, message, ...(location ? { location } : {}) });
  }

  /**
   * Records an issue as given.
   * @param issue - the issue
   */
  add(issue: Issue): void {
    const key = `${issue.code}|${issue.location?.resource ?? ''}|${issue.location?.path ?? ''}`;
    if (!this.byKey.has(key)) {
      this.byKey.set(key, issue);
    }
  }

  /** @returns the issues in the order they were first raised */
  list(): Issue[] {
    return [...this.byKey.values()];
  }
}
