import type { DryRunTally } from './dry-run-tally';

const INDICATORS = ['critical', 'warning', 'info'] as const;

/** What the report header names. */
export interface DryRunHeader {
  readonly hook: string;
  readonly now: string;
  readonly contentVersion: string;
  readonly workers: number;
  /** Draft rules were evaluated too (`--include-drafts`). */
  readonly includeDrafts?: boolean;
}

/**
 * Renders a dry-run tally as a plain-text report: population, per-card counts with the rate per 1,000
 * evaluated patients and the indicator mix, data-quality issue totals and rejected inputs.
 * @param tally - the counts
 * @param header - hook, now, content version and worker count
 * @returns the report, ending in a newline
 */
export function formatDryRunReport(tally: DryRunTally, header: DryRunHeader): string {
  const per1000 = (n: number) =>
    tally.evaluated === 0 ? '-' : ((n * 1000) / tally.evaluated).toFixed(1);
  const lines = [
    `soleus dry-run: hook ${header.hook}, now ${header.now}, rules ${header.contentVersion}${header.includeDrafts === true ? ' (draft rules included)' : ''}, ${header.workers} worker(s)`,
    `inputs: ${tally.inputs}; evaluated: ${tally.evaluated}; rejected: ${tally.rejected}; failed: ${tally.failed}`,
    `patients with at least one card: ${tally.withAnyCard} (${per1000(tally.withAnyCard)} per 1,000)`,
    '',
    `${'card'.padEnd(30)}${'patients'.padStart(9)}${'per 1,000'.padStart(11)}${INDICATORS.map((i) => i.padStart(10)).join('')}`,
  ];
  const cards = [...tally.cards.values()].sort(
    (a, b) => b.patients - a.patients || a.id.localeCompare(b.id),
  );
  for (const c of cards) {
    const mix = INDICATORS.map((i) => String(c.indicators[i] ?? 0).padStart(10)).join('');
    lines.push(
      `${c.id.padEnd(30)}${String(c.patients).padStart(9)}${per1000(c.patients).padStart(11)}${mix}`,
    );
  }
  lines.push(
    '',
    `${'data-quality issue'.padEnd(48)}${'total'.padStart(8)}${'patients'.padStart(10)}`,
  );
  const issues = [...tally.issues].sort(([a], [b]) => a.localeCompare(b));
  for (const [code, t] of issues) {
    lines.push(
      `${code.padEnd(48)}${String(t.total).padStart(8)}${String(t.patients).padStart(10)}`,
    );
  }
  if (issues.length === 0) {
    lines.push('(none)');
  }
  if (tally.problems.length > 0) {
    lines.push(
      '',
      'inputs not evaluated:',
      ...tally.problems.map((p) => `  ${p.label}: ${p.reason}`),
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The tally as plain JSON (`--json`), for spreadsheets and CI.
 * @param tally - the counts
 * @param header - hook, now, content version and worker count
 * @returns a JSON-serialisable object
 */
export function dryRunJson(tally: DryRunTally, header: DryRunHeader): Record<string, unknown> {
  return {
    ...header,
    inputs: tally.inputs,
    evaluated: tally.evaluated,
    rejected: tally.rejected,
    failed: tally.failed,
    withAnyCard: tally.withAnyCard,
    cards: Object.fromEntries(
      [...tally.cards]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([id, c]) => [id, { patients: c.patients, indicators: c.indicators }]),
    ),
    issues: Object.fromEntries([...tally.issues].sort(([a], [b]) => a.localeCompare(b))),
    problems: tally.problems,
  };
}
