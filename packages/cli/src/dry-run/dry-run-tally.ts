import type { ItemOutcome } from './population-item';

/** How often one card fired over a population. */
export interface CardTally {
  readonly id: string;
  /** Patients whose response held the card. */
  patients: number;
  /** Of those, by indicator (info / warning / critical). */
  readonly indicators: Record<string, number>;
}

/** The counts a dry run reports. */
export interface DryRunTally {
  /** Inputs read: evaluated + rejected + failed. */
  inputs: number;
  evaluated: number;
  rejected: number;
  failed: number;
  /** Evaluated patients with at least one card. */
  withAnyCard: number;
  /** Cards by rule id. */
  readonly cards: Map<string, CardTally>;
  /** Data-quality issues by code: total occurrences and patients affected. */
  readonly issues: Map<string, { total: number; patients: number }>;
  /** Rejected and failed inputs with their reason, in input order. */
  readonly problems: { readonly label: string; readonly reason: string }[];
}

/**
 * Starts an empty tally listing every rule of the hook, so rules that never fire show as 0.
 * @param ruleIds - ids of the rules evaluated on the hook
 * @returns the tally
 */
export function emptyTally(ruleIds: readonly string[]): DryRunTally {
  return {
    inputs: 0,
    evaluated: 0,
    rejected: 0,
    failed: 0,
    withAnyCard: 0,
    cards: new Map(ruleIds.map((id) => [id, { id, patients: 0, indicators: {} }])),
    issues: new Map(),
    problems: [],
  };
}

/**
 * Adds one item's outcome to the tally.
 * @param tally - the tally, updated in place
 * @param outcome - one item's outcome
 */
export function addOutcome(tally: DryRunTally, outcome: ItemOutcome): void {
  tally.inputs++;
  if (outcome.status !== 'evaluated') {
    tally[outcome.status]++;
    tally.problems.push({ label: outcome.label, reason: outcome.reason ?? outcome.status });
    return;
  }
  tally.evaluated++;
  if (outcome.cards.length > 0) {
    tally.withAnyCard++;
  }
  for (const card of outcome.cards) {
    const t = tally.cards.get(card.id) ?? { id: card.id, patients: 0, indicators: {} };
    t.patients++;
    t.indicators[card.indicator] = (t.indicators[card.indicator] ?? 0) + 1;
    tally.cards.set(card.id, t);
  }
  for (const [code, count] of Object.entries(outcome.issues)) {
    const t = tally.issues.get(code) ?? { total: 0, patients: 0 };
    t.total += count;
    t.patients++;
    tally.issues.set(code, t);
  }
}
