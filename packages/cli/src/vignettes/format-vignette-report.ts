import type { VignetteManifestReport } from './run-vignette-manifest';

const MARK = { pass: 'PASS', fail: 'FAIL', error: 'ERROR' } as const;

/** Totals over a `soleus test` run. */
export interface VignetteTotals {
  readonly passed: number;
  /** Failing cases plus coverage gaps (a manifest without a firing or a silent case). */
  readonly failed: number;
  /** Cases whose bundle could not be evaluated plus malformed manifests. */
  readonly badInput: number;
}

/**
 * Renders one manifest's verdicts as text: a line per case, and under each failure what was expected
 * and what the response held.
 * @param report - the manifest's verdicts
 * @returns lines ending in a newline
 */
export function formatVignetteReport(report: VignetteManifestReport): string {
  const lines = [`${report.rule ?? '(malformed manifest)'}  ${report.file}`];
  if (report.error !== undefined) {
    lines.push(`  ERROR ${report.error}`);
  }
  lines.push(...report.gaps.map((gap) => `  FAIL coverage: ${gap}`));
  for (const c of report.cases) {
    lines.push(`  ${MARK[c.status]} ${c.desc}`);
    if (c.error !== undefined) {
      lines.push(...c.error.split('\n').map((l) => `      ${l}`));
    }
    for (const m of c.mismatches) {
      lines.push(`      ${m.what.padEnd(16)}expected: ${m.expected}`);
      lines.push(`      ${''.padEnd(16)}actual:   ${m.actual}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Adds up the verdicts of a run.
 * @param reports - every manifest's verdicts
 * @returns passed, failed and bad-input counts
 */
export function totalVignettes(reports: readonly VignetteManifestReport[]): VignetteTotals {
  const cases = reports.flatMap((r) => r.cases);
  return {
    passed: cases.filter((c) => c.status === 'pass').length,
    failed:
      cases.filter((c) => c.status === 'fail').length +
      reports.reduce((n, r) => n + r.gaps.length, 0),
    badInput:
      cases.filter((c) => c.status === 'error').length +
      reports.filter((r) => r.error !== undefined).length,
  };
}
