/**
 * One feedback history that exercises every rule of the summary: two services, repeats out of order,
 * timestamps whose text order differs from their instant order (offsets), a tie on the instant (the
 * later stored item wins), feedback for a card never recorded as issued, a card issued with no
 * feedback, accepted suggestions and override reasons. The JSON summariser and the PostgreSQL
 * aggregate must both give {@link SCENARIO_SUMMARY}.
 */
import type { FeedbackRecord } from '../../src/feedback/feedback-store';
import type { FeedbackSummary } from '../../src/feedback/summarize-feedback';

const AT = '2026-01-15T10:00:00.000Z';
const REASON = 'https://soleus.dev/fhir/CodeSystem/override-reason|already-addressed';

/** A `cards` record: (card uuid, rule id) pairs issued by one call. */
export const cardsRecord = (
  serviceId: string,
  hookInstance: string,
  ...pairs: [string, string][]
): FeedbackRecord => ({
  kind: 'cards',
  at: AT,
  serviceId,
  hookInstance,
  cards: pairs.map(([uuid, ruleId]) => ({ uuid, ruleId, indicator: 'warning' })),
});

/** A `feedback` record, with an accepted suggestion or an override reason code. */
export const feedbackItem = (
  serviceId: string,
  card: string,
  outcome: 'accepted' | 'overridden',
  outcomeTimestamp: string,
): FeedbackRecord => ({
  kind: 'feedback',
  at: AT,
  serviceId,
  card,
  outcome,
  outcomeTimestamp,
  ...(outcome === 'accepted'
    ? { acceptedSuggestions: [`${card}-s1`] }
    : { overrideReason: REASON }),
});

/** The history, as the batches a server would append. */
export const SCENARIO_BATCHES: readonly (readonly FeedbackRecord[])[] = [
  [cardsRecord('pv', 'h1', ['c1', 'dvt-likely'], ['c2', 'dvt-likely'], ['c3', 'apap-max-dose'])],
  [cardsRecord('pv', 'h2', ['c4', 'beers-pim'])],
  [cardsRecord('os', 'h3', ['c5', 'nsaid-contraindicated'])],
  [
    // c1: 11:00+02:00 (09:00Z) is earlier than 09:30Z although its text sorts later.
    feedbackItem('pv', 'c1', 'accepted', '2026-01-15T09:30:00Z'),
    feedbackItem('pv', 'c1', 'overridden', '2026-01-15T11:00:00+02:00'),
  ],
  // c2: the same instant twice: the item stored later counts.
  [feedbackItem('pv', 'c2', 'accepted', '2026-01-15T09:00:00Z')],
  [feedbackItem('pv', 'c2', 'overridden', '2026-01-15T10:00:00+01:00')],
  [feedbackItem('pv', 'c3', 'overridden', '2026-01-15T09:00:00.250Z')],
  [feedbackItem('pv', 'ghost', 'accepted', '2026-01-15T09:00:00Z')],
  [feedbackItem('os', 'c5', 'accepted', '2026-01-15T09:00:00Z')],
];

/** Every record of {@link SCENARIO_BATCHES}, in order. */
export const SCENARIO_RECORDS: readonly FeedbackRecord[] = SCENARIO_BATCHES.flat();

const line = (ruleId: string, cardsIssued: number, accepted: number, overridden: number) => ({
  ruleId,
  cardsIssued,
  accepted,
  overridden,
  acceptRate: accepted + overridden === 0 ? null : accepted / (accepted + overridden),
  overrideRate: accepted + overridden === 0 ? null : overridden / (accepted + overridden),
});

/** The summary of each service. */
export const SCENARIO_SUMMARY: Readonly<Record<'pv' | 'os', FeedbackSummary>> = {
  pv: {
    rules: [
      line('apap-max-dose', 1, 0, 1),
      line('beers-pim', 1, 0, 0),
      line('dvt-likely', 2, 1, 1),
      line('unknown', 0, 1, 0),
    ],
    unattributed: 1,
  },
  os: { rules: [line('nsaid-contraindicated', 1, 1, 0)], unattributed: 0 },
};
