import type { Migration } from '../migration';

/** Settings as key → JSON value, so adding a setting never needs a schema change. */
export const m0001Settings: Migration = {
  id: 1,
  name: 'settings',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key        TEXT PRIMARY KEY NOT NULL,
        value      TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
