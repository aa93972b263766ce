import type { Database } from 'better-sqlite3';
import type { Migration } from './migration';

export class NewerStoreError extends Error {
  constructor(readonly newestApplied: number, readonly newestKnown: number) {
    super(`store was written by a newer version (migration ${newestApplied}, this build knows up to ${newestKnown})`);
  }
}

/** Applies every migration not yet recorded, all in one transaction; returns the ids it applied. */
export function migrate(db: Database, migrations: readonly Migration[]): number[] {
  assertOrdered(migrations);
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    id INTEGER PRIMARY KEY NOT NULL, name TEXT NOT NULL, applied_at TEXT NOT NULL
  ) STRICT`);
  const applied = new Set(
    (db.prepare('SELECT id FROM schema_migrations').all() as { id: number }[]).map((row) => row.id),
  );
  const newestKnown = migrations.at(-1)?.id ?? 0;
  const newestApplied = Math.max(0, ...applied);
  if (newestApplied > newestKnown) throw new NewerStoreError(newestApplied, newestKnown);

  const pending = migrations.filter((m) => !applied.has(m.id));
  const record = db.prepare('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)');
  db.transaction(() => {
    for (const m of pending) {
      m.up(db);
      record.run(m.id, m.name, new Date().toISOString());
    }
  }).immediate();
  return pending.map((m) => m.id);
}

function assertOrdered(migrations: readonly Migration[]): void {
  migrations.forEach((m, index) => {
    const previous = migrations[index - 1];
    if (previous && m.id <= previous.id) throw new Error(`migration ${m.id} (${m.name}) is out of order`);
  });
}
