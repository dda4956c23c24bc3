import type { ErrorCode, Issue, IssueLocation } from '@soleus/core';

/**
 * Collects data-quality issues for one request, once per (code, resource, path): several facts may look
 * at the same bad resource, and the clinician should read about it once. An issue is either for the
 * clinician (it may reach a card, when it could change one) or only counted (logs, metrics,
 * `soleus dry-run`), e.g. an unidentified product whose name suggests nothing any rule reads. Each
 * issue remembers the facts (or memoised mechanisms) being computed whenever it was raised: what it
 * concerns.
 */
export class IssueCollector {
  private readonly byKey = new Map<string, Issue>();
  private readonly raisedIn = new Map<string, Set<string>>();

  /**
   * @param current - the fact or memoised mechanism being computed now (see ReadGraph), if any
   */
  constructor(private readonly current: () => string | undefined = () => undefined) {}

  /**
   * Records a warning.
   * @param code - issue code
   * @param message - where, what was expected, what was found (no PHI)
   * @param location - resource and element path
   * @param clinicianText - what was unusable and why, in words a clinician reads (see Issue)
   */
  warn(code: ErrorCode, message: string, location?: IssueLocation, clinicianText?: string): void {
    this.add({
      severity: 'warning',
      code,
      message,
      ...(location ? { location } : {}),
      ...(clinicianText ? { clinicianText } : {}),
    });
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
    const node = this.current();
    if (node !== undefined) {
      const nodes = this.raisedIn.get(key) ?? new Set<string>();
      nodes.add(node);
      this.raisedIn.set(key, nodes);
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

  /** @returns the issues a clinician may read, in the order first raised */
  forClinician(): Issue[] {
    return this.list().filter((issue) => issue.audience !== 'operator');
  }

  /**
   * @param issue - an issue of this collector
   * @returns the facts and memoised mechanisms that were being computed whenever it was raised
   */
  raisedWhileComputing(issue: Issue): ReadonlySet<string> {
    return this.raisedIn.get(keyOf(issue)) ?? new Set();
  }
}

/** Issues without a location (e.g. "no potassium in the window") are told apart by their message. */
function keyOf(issue: Issue): string {
  const where = issue.location
    ? `${issue.location.resource ?? ''}|${issue.location.path ?? ''}|${issue.location.pointer ?? ''}`
    : issue.message;
  return `${issue.code}|${where}`;
}
