/**
 * Accept/override rates per rule id from the feedback store. Feedback names only a card uuid, so each
 * item is joined to the rule that issued the card through the `cards` records. CDS Hooks lets a
 * client send feedback for a card more than once and in batches (§feedback): per card only the item
 * with the latest `outcomeTimestamp` (compared as instants; on a tie the later stored item) counts, so
 * rates are per card, not per message. The PostgreSQL store computes the same numbers in SQL.
 */
import type { FeedbackItemRecord, FeedbackRecord } from './feedback-store';

/** Rates of one rule. */
export interface RuleFeedbackSummary {
  readonly ruleId: string;
  /** Cards this rule issued (as recorded). */
  readonly cardsIssued: number;
  /** Cards with an `accepted` latest outcome. */
  readonly accepted: number;
  /** Cards with an `overridden` latest outcome. */
  readonly overridden: number;
  /** accepted / (accepted + overridden); null when no feedback came (unknown, not 0). */
  readonly acceptRate: number | null;
  /** overridden / (accepted + overridden); null when no feedback came. */
  readonly overrideRate: number | null;
}

/** The summary of one service (or all services). */
export interface FeedbackSummary {
  readonly rules: readonly RuleFeedbackSummary[];
  /** Feedback items whose card uuid was never recorded as issued. */
  readonly unattributed: number;
}

/** Rule id used for feedback on a card the store never saw issued. */
export const UNKNOWN_RULE = 'unknown';

/**
 * Summarises stored feedback per rule id.
 * @param records - the store's records
 * @param serviceId - only this service's records, when given
 * @returns per-rule counts and rates, sorted by rule id
 */
export function summarizeFeedback(
  records: readonly FeedbackRecord[],
  serviceId?: string,
): FeedbackSummary {
  const ruleOfCard = new Map<string, string>();
  const issued = new Map<string, number>();
  const latest = new Map<string, FeedbackItemRecord>();
  for (const record of records) {
    if (serviceId !== undefined && record.serviceId !== serviceId) {
      continue;
    }
    if (record.kind === 'cards') {
      for (const card of record.cards) {
        ruleOfCard.set(card.uuid, card.ruleId);
        issued.set(card.ruleId, (issued.get(card.ruleId) ?? 0) + 1);
      }
    } else {
      const previous = latest.get(record.card);
      if (!previous || outcomeInstantMs(previous) <= outcomeInstantMs(record)) {
        latest.set(record.card, record);
      }
    }
  }
  return tally(ruleOfCard, issued, latest);
}

function tally(
  ruleOfCard: ReadonlyMap<string, string>,
  issued: ReadonlyMap<string, number>,
  latest: ReadonlyMap<string, FeedbackItemRecord>,
): FeedbackSummary {
  const counts = new Map<string, { accepted: number; overridden: number }>();
  let unattributed = 0;
  for (const [card, item] of latest) {
    const ruleId = ruleOfCard.get(card) ?? UNKNOWN_RULE;
    unattributed += ruleId === UNKNOWN_RULE ? 1 : 0;
    const count = counts.get(ruleId) ?? { accepted: 0, overridden: 0 };
    count[item.outcome] += 1;
    counts.set(ruleId, count);
  }
  const ruleIds = [...new Set([...issued.keys(), ...counts.keys()])].sort();
  const rules = ruleIds.map((ruleId) => {
    const { accepted, overridden } = counts.get(ruleId) ?? { accepted: 0, overridden: 0 };
    return ruleFeedbackSummary(ruleId, issued.get(ruleId) ?? 0, accepted, overridden);
  });
  return { rules, unattributed };
}

/**
 * One rule's line of the summary, rates from the counts.
 * @param ruleId - the rule
 * @param cardsIssued - cards it issued
 * @param accepted - cards whose latest outcome is accepted
 * @param overridden - cards whose latest outcome is overridden
 * @returns the line; rates are null without feedback (unknown, not 0)
 */
export function ruleFeedbackSummary(
  ruleId: string,
  cardsIssued: number,
  accepted: number,
  overridden: number,
): RuleFeedbackSummary {
  const total = accepted + overridden;
  return {
    ruleId,
    cardsIssued,
    accepted,
    overridden,
    acceptRate: total === 0 ? null : accepted / total,
    overrideRate: total === 0 ? null : overridden / total,
  };
}

/**
 * The instant of an item's `outcomeTimestamp` in epoch ms, the order of "latest" (validated RFC 3339
 * text compares wrongly as text across offsets). An unparsable value (a leap second) sorts first.
 * @param item - the feedback item
 * @returns epoch milliseconds
 */
export function outcomeInstantMs(item: Pick<FeedbackItemRecord, 'outcomeTimestamp'>): number {
  const ms = Date.parse(item.outcomeTimestamp);
  return Number.isFinite(ms) ? ms : 0;
}
