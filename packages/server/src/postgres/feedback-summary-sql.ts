/**
 * The feedback summary of one service as one SQL aggregate, the same numbers as `summarizeFeedback`:
 * per card only the latest item counts (by outcome instant, then storage order), feedback is joined
 * to the rule that issued the card, a card never recorded as issued counts under `unknown`, and rule
 * ids sort by code point (`COLLATE "C"`, as JavaScript's default sort does for these ASCII ids).
 */

/** One row of {@link SUMMARY_SQL}; bigint counts arrive as text. */
export interface SummaryRow {
  readonly rule_id: string;
  readonly cards_issued: string;
  readonly accepted: string;
  readonly overridden: string;
  readonly unattributed: string;
}

/** Parameters: $1 service id, $2 the rule id used for unattributed feedback. */
export const SUMMARY_SQL = `
  WITH latest AS (
    SELECT DISTINCT ON (card_uuid) card_uuid, outcome
    FROM soleus_feedback
    WHERE service_id = $1
    ORDER BY card_uuid, outcome_ms DESC, id DESC
  ),
  issued AS (
    SELECT rule_id, count(*) AS cards_issued
    FROM soleus_cards_issued
    WHERE service_id = $1
    GROUP BY rule_id
  ),
  judged AS (
    SELECT coalesce(c.rule_id, $2) AS rule_id,
           count(*) FILTER (WHERE l.outcome = 'accepted') AS accepted,
           count(*) FILTER (WHERE l.outcome = 'overridden') AS overridden,
           count(*) FILTER (WHERE coalesce(c.rule_id, $2) = $2) AS unattributed
    FROM latest l
    LEFT JOIN soleus_cards_issued c ON c.card_uuid = l.card_uuid AND c.service_id = $1
    GROUP BY 1
  )
  SELECT coalesce(i.rule_id, j.rule_id) AS rule_id,
         coalesce(i.cards_issued, 0) AS cards_issued,
         coalesce(j.accepted, 0) AS accepted,
         coalesce(j.overridden, 0) AS overridden,
         coalesce(j.unattributed, 0) AS unattributed
  FROM issued i
  FULL JOIN judged j ON j.rule_id = i.rule_id
  ORDER BY coalesce(i.rule_id, j.rule_id) COLLATE "C"`;
