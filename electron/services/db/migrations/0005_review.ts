import type { Migration } from '../migration';

/**
 * The expert's own review work (issue 5): drafts saved on every change, the signed decisions, and conflict-of-interest
 * declarations. Decisions and declarations are written in the same transaction as their outbox op (op_id links
 * them); a decision row is never updated or deleted, it is the local copy of what was signed.
 */
export const m0005Review: Migration = {
  id: 5,
  name: 'review-drafts-decisions',
  up(db) {
    db.exec(`
      CREATE TABLE review_drafts (
        profile_id  TEXT NOT NULL REFERENCES profiles(id),
        task_id     TEXT NOT NULL,
        revision    INTEGER NOT NULL CHECK (revision >= 1),
        draft       TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        PRIMARY KEY (profile_id, task_id)
      ) STRICT;

      CREATE TABLE review_decisions (
        profile_id     TEXT NOT NULL REFERENCES profiles(id),
        task_id        TEXT NOT NULL,
        chain_seq      INTEGER NOT NULL,
        sheet          TEXT NOT NULL,
        signature      TEXT NOT NULL,
        key_id         TEXT NOT NULL,
        decision_hash  TEXT NOT NULL,
        op_id          TEXT NOT NULL REFERENCES outbox(op_id),
        created_at     TEXT NOT NULL,
        PRIMARY KEY (profile_id, task_id),
        UNIQUE (profile_id, chain_seq)
      ) STRICT;

      CREATE TABLE review_conflicts (
        profile_id  TEXT NOT NULL REFERENCES profiles(id),
        task_id     TEXT NOT NULL,
        reason      TEXT NOT NULL,
        op_id       TEXT NOT NULL REFERENCES outbox(op_id),
        created_at  TEXT NOT NULL,
        PRIMARY KEY (profile_id, task_id)
      ) STRICT;
    `);
  },
};
