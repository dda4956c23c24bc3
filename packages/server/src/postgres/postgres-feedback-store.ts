/**
 * The feedback store of N replicas: card issuance (card uuid → rule id) and feedback items in
 * PostgreSQL, so feedback sent to any replica is attributed to the card another replica issued, and
 * every replica's summary is the same SQL aggregate over the same rows. A batch is one statement, so
 * it is stored whole or not at all. Free-text override comments are never stored (they may hold PHI).
 */
import type { Pool } from 'pg';
import type {
  CardsIssuedRecord,
  FeedbackItemRecord,
  FeedbackReadResult,
  FeedbackRecord,
  FeedbackStore,
} from '../feedback/feedback-store';
import {
  outcomeInstantMs,
  ruleFeedbackSummary,
  UNKNOWN_RULE,
  type FeedbackSummary,
} from '../feedback/summarize-feedback';
import { SUMMARY_SQL, type SummaryRow } from './feedback-summary-sql';

const APPEND_SQL = `
  WITH cards AS (
    INSERT INTO soleus_cards_issued
      (card_uuid, service_id, rule_id, indicator, hook_instance, issued_at)
    SELECT card_uuid, service_id, rule_id, indicator, hook_instance, issued_at
    FROM jsonb_to_recordset($1::jsonb) AS r(card_uuid text, service_id text, rule_id text,
      indicator text, hook_instance text, issued_at timestamptz)
    ON CONFLICT (card_uuid) DO NOTHING
  )
  INSERT INTO soleus_feedback (service_id, card_uuid, outcome, outcome_timestamp, outcome_ms,
    accepted_suggestions, override_reason, received_at)
  SELECT service_id, card_uuid, outcome, outcome_timestamp, outcome_ms, accepted_suggestions,
    override_reason, received_at
  FROM jsonb_to_recordset($2::jsonb) AS f(service_id text, card_uuid text, outcome text,
    outcome_timestamp text, outcome_ms bigint, accepted_suggestions jsonb, override_reason text,
    received_at timestamptz)`;

/**
 * Creates the store over a migrated database.
 * @param pool - the shared connection pool (closed by its owner, not by the store)
 * @returns the store; every method rejects when the database cannot answer
 */
export function createPostgresFeedbackStore(pool: Pool): FeedbackStore {
  return {
    append: async (records) => {
      if (records.length === 0) {
        return;
      }
      const cards = records.filter((r): r is CardsIssuedRecord => r.kind === 'cards');
      const items = records.filter((r): r is FeedbackItemRecord => r.kind === 'feedback');
      await pool.query(APPEND_SQL, [
        JSON.stringify(cards.flatMap(cardRows)),
        JSON.stringify(items.map(itemRow)),
      ]);
    },
    read: () => readAll(pool),
    summarize: async (serviceId): Promise<FeedbackSummary> => {
      const { rows } = await pool.query<SummaryRow>(SUMMARY_SQL, [serviceId, UNKNOWN_RULE]);
      return {
        rules: rows.map((r) =>
          ruleFeedbackSummary(
            r.rule_id,
            Number(r.cards_issued),
            Number(r.accepted),
            Number(r.overridden),
          ),
        ),
        unattributed: rows.reduce((sum, r) => sum + Number(r.unattributed), 0),
      };
    },
    close: () => Promise.resolve(),
  };
}

function cardRows(record: CardsIssuedRecord): object[] {
  return record.cards.map((card) => ({
    card_uuid: card.uuid,
    service_id: record.serviceId,
    rule_id: card.ruleId,
    indicator: card.indicator,
    hook_instance: record.hookInstance,
    issued_at: record.at,
  }));
}

function itemRow(item: FeedbackItemRecord): object {
  return {
    service_id: item.serviceId,
    card_uuid: item.card,
    outcome: item.outcome,
    outcome_timestamp: item.outcomeTimestamp,
    outcome_ms: outcomeInstantMs(item),
    accepted_suggestions: item.acceptedSuggestions ?? null,
    override_reason: item.overrideReason ?? null,
    received_at: item.at,
  };
}

interface CardRow {
  card_uuid: string;
  service_id: string;
  rule_id: string;
  indicator: string;
  hook_instance: string;
  issued_at: Date;
}

interface ItemRow {
  service_id: string;
  card_uuid: string;
  outcome: 'accepted' | 'overridden';
  outcome_timestamp: string;
  accepted_suggestions: string[] | null;
  override_reason: string | null;
  received_at: Date;
}

/** Every record, one `cards` record per issued card, issuance first, each kind in storage order. */
async function readAll(pool: Pool): Promise<FeedbackReadResult> {
  const cards = await pool.query<CardRow>('SELECT * FROM soleus_cards_issued ORDER BY id');
  const items = await pool.query<ItemRow>('SELECT * FROM soleus_feedback ORDER BY id');
  const records: FeedbackRecord[] = [
    ...cards.rows.map((r): CardsIssuedRecord => ({
      kind: 'cards',
      at: r.issued_at.toISOString(),
      serviceId: r.service_id,
      hookInstance: r.hook_instance,
      cards: [{ uuid: r.card_uuid, ruleId: r.rule_id, indicator: r.indicator }],
    })),
    ...items.rows.map((r): FeedbackItemRecord => ({
      kind: 'feedback',
      at: r.received_at.toISOString(),
      serviceId: r.service_id,
      card: r.card_uuid,
      outcome: r.outcome,
      outcomeTimestamp: r.outcome_timestamp,
      ...(r.accepted_suggestions ? { acceptedSuggestions: r.accepted_suggestions } : {}),
      ...(r.override_reason ? { overrideReason: r.override_reason } : {}),
    })),
  ];
  return { records, issues: [] };
}
