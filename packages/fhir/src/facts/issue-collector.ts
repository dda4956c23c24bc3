import type { ErrorCode, Issue, IssueLocation } from '@soleus/core';

/**
 * Collects data-quality issues for one request, once per (code, resource, path): several facts may look
 * at the same bad resource, and the clinician should read about it once. An issue is either for the
 * clinician (it could change a card: it reaches the data-quality card) or only counted (logs, metrics,
 * `soleus dry-run`), e.g. an unidentified product whose name suggests nothing any rule reads.
 */
export class IssueCollector {
  private readonly byKey = new Map<string, Issue>();
  private readonly countedOnly = new Set<string>();

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
   * Records an issue as given, for the clinician.
   * @param issue - the issue
   */
  add(issue: Issue): void {
    const key = keyOf(issue);
    this.countedOnly.delete(key);
    if (!this.byKey.has(key)) {
      this.byKey.set(key, issue);
    }
  }

  /**
   * Records an issue that is only counted, never shown on a card (unless the same issue is also added
   * for the clinician).
   * @param issue - the issue
   */
  count(issue: Issue): void {
    const key = keyOf(issue);
    if (!this.byKey.has(key)) {
      this.byKey.set(key, issue);
      this.countedOnly.add(key);
    }
  }

  /** @returns every issue (for the clinician and counted only), in the order first raised */
  list(): Issue[] {
    return [...this.byKey.values()];
  }

  /** @returns the issues a clinician should read, in the order first raised */
  forClinician(): Issue[] {
    return [...this.byKey].filter(([key]) => !this.countedOnly.has(key)).map(([, issue]) => issue);
  }
}

function keyOf(issue: Issue): string {
  return `${issue.code}|${issue.location?.resource ?? ''}|${issue.location?.path ?? ''}`;
}
