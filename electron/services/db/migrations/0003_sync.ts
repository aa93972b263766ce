import type { Migration } from '../migration';

/**
 * Local profiles and the sync tables (DESIGN §7). One store holds every profile on the machine and every sync row
 * carries its profile id: one file keeps integrity checks, recovery and backups in one place, and a foreign key
 * makes a row without an owner impossible. Each profile has its own registry device id and seq counter because the
 * registry binds a device to one account.
 *
 * Secrets (tokens, the device's private key) are BLOBs sealed by the secret-storage adapter, never plain text.
 */
export const m0003Sync: Migration = {
  id: 3,
  name: 'profiles-outbox-replica',
  up(db) {
    db.exec(`
      CREATE TABLE profiles (
        id                 TEXT PRIMARY KEY NOT NULL,
        registry_url       TEXT NOT NULL,
        username           TEXT NOT NULL,
        account_id         TEXT NOT NULL,
        display_name       TEXT NOT NULL,
        roles              TEXT NOT NULL,
        verifier           TEXT NOT NULL,
        device_id          TEXT NOT NULL UNIQUE,
        next_seq           INTEGER NOT NULL DEFAULT 1 CHECK (next_seq >= 1),
        access_token       BLOB,
        access_expires_at  TEXT,
        refresh_token      BLOB,
        signing_key        BLOB NOT NULL,
        public_key_spki    TEXT NOT NULL,
        key_id             TEXT NOT NULL,
        key_registered_at  TEXT,
        pull_cursor        TEXT,
        blocked_reason     TEXT,
        last_push_at       TEXT,
        last_pull_at       TEXT,
        created_at         TEXT NOT NULL,
        last_online_at     TEXT NOT NULL,
        UNIQUE (registry_url, username)
      ) STRICT;

      CREATE TABLE outbox (
        op_id            TEXT PRIMARY KEY NOT NULL,
        profile_id       TEXT NOT NULL REFERENCES profiles(id),
        device_id        TEXT NOT NULL,
        seq              INTEGER NOT NULL CHECK (seq >= 1),
        kind             TEXT NOT NULL,
        payload          TEXT NOT NULL,
        payload_hash     TEXT NOT NULL,
        base_version     INTEGER,
        state            TEXT NOT NULL CHECK (state IN ('pending', 'inflight', 'applied', 'rejected')),
        attempts         INTEGER NOT NULL DEFAULT 0,
        next_attempt_at  TEXT,
        result           TEXT,
        reason           TEXT,
        created_at       TEXT NOT NULL,
        settled_at       TEXT,
        UNIQUE (device_id, seq)
      ) STRICT;
      CREATE INDEX outbox_queue ON outbox (profile_id, state, seq);

      CREATE TABLE replica (
        profile_id  TEXT NOT NULL REFERENCES profiles(id),
        entity      TEXT NOT NULL,
        entity_id   TEXT NOT NULL,
        data        TEXT NOT NULL,
        version     INTEGER,
        change_seq  TEXT NOT NULL,
        PRIMARY KEY (profile_id, entity, entity_id)
      ) STRICT;
    `);
  },
};
