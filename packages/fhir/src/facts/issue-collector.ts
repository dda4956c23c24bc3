import type { ErrorCode, Issue, IssueLocation } from '@soleus/core';

/**
 * Collects data-quality issues for one request, once per (code, resource, path): several facts may look
 * at the same bad resource, and the clinician should read about it once. An issue is either for the
 * clinician (it could change a card: it reaches the data-quality card) or only counted (logs, metrics,
 * `soleus dry-run`), e.g. an unidentified product whose name suggests nothing any rule reads.
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
   * Records an issue as given, for the clinician.
   * @param issue - the issue
   */
  add(issue: Issue): void {
    const key = keyOf(issue);
    const known = this.byKey.get(key);
    // The same problem raised for the clinician and for the operator is the clinician's.
    if (!known || (known.audience === 'operator' && issue.audience !== 'operator')) {
      this.byKey.set(key, issue);
    }
  }

  /**
   * Records an issue that is only counted (audience `operator`), never shown on a card.
   * @param issue - the issue
   */
  count(issue: Issue): void {
    this.add({ ...issue, audience: 'operator' });
  }

  /** @returns every issue (for the clinician and counted only), in the order first raised */
  list(): Issue[] {
    return [...this.byKey.values()];
  }

  /** @returns the issues a clinician should read, in the order first raised */
  forClinician(): Issue[] {
    return this.list().filter((issue) => issue.audience !== 'operator');
  }
}

function keyOf(issue: Issue): string {
  return `${issue.code}|${issue.location?.resource ?? ''}|${issue.location?.path ?? ''}`;
}
