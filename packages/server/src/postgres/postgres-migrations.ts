/**
 * The schema of the shared PostgreSQL database, as numbered migrations applied in order at start
 * (`migratePostgres`). A migration is never edited once released: a change is a new entry. Every
 * change must stay readable by the previous release, because replicas are replaced one by one.
 */

/** One schema step. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** Every migration, oldest first. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'feedback store and jti replay cache',
    sql: `
      CREATE TABLE soleus_cards_issued (
        id bigserial UNIQUE,
        card_uuid text PRIMARY KEY,
        service_id text NOT NULL,
        rule_id text NOT NULL,
        indicator text NOT NULL,
        hook_instance text NOT NULL,
        issued_at timestamptz NOT NULL
      );
      CREATE INDEX soleus_cards_issued_service ON soleus_cards_issued (service_id, rule_id);
      CREATE TABLE soleus_feedback (
        id bigserial PRIMARY KEY,
        service_id text NOT NULL,
        card_uuid text NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('accepted', 'overridden')),
        outcome_timestamp text NOT NULL,
        outcome_ms bigint NOT NULL,
        accepted_suggestions jsonb,
        override_reason text,
        received_at timestamptz NOT NULL
      );
      CREATE INDEX soleus_feedback_latest
        ON soleus_feedback (service_id, card_uuid, outcome_ms DESC, id DESC);
      CREATE TABLE soleus_jwt_replay (
        nonce_hash text PRIMARY KEY,
        expires_at_ms bigint NOT NULL
      );
      CREATE INDEX soleus_jwt_replay_expiry ON soleus_jwt_replay (expires_at_ms);
    `,
  },
];
