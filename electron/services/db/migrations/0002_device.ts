import { randomUUID } from 'node:crypto';
import type { Migration } from '../migration';

/**
 * This installation's identity: the sync outbox (DESIGN §7) numbers ops per device, so the id must exist
 * before the first op and never change. One row, enforced by the CHECK.
 */
export const m0002Device: Migration = {
  id: 2,
  name: 'device',
  up(db) {
    db.exec(`
      CREATE TABLE device (
        singleton  INTEGER PRIMARY KEY CHECK (singleton = 1),
        id         TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
    `);
    db.prepare('INSERT INTO device (singleton, id, created_at) VALUES (1, ?, ?)').run(randomUUID(), new Date().toISOString());
  },
};
