import type { Database } from 'better-sqlite3';
import type { ChangeRow } from '../../../shared/contract/registry/sync';

export interface ReplicaRow {
  entity: string;
  entityId: string;
  data: unknown;
  version: number | null;
}

/** The last server state per entity for one profile: written only by the pull, in the cursor's transaction. */
export class Replica {
  constructor(private readonly db: () => Database) {}

  /** Rows and the new cursor in one transaction: a crash leaves both old or both new, never a cursor past its rows. */
  applyChanges(profileId: string, changes: readonly ChangeRow[], cursor: number, now: string): void {
    const upsert = this.db().prepare(`INSERT INTO replica (profile_id, entity, entity_id, data, version, change_seq)
      VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (profile_id, entity, entity_id) DO UPDATE SET data = excluded.data, version = excluded.version, change_seq = excluded.change_seq`);
    const saveCursor = this.db().prepare('UPDATE profiles SET pull_cursor = ?, last_pull_at = ? WHERE id = ?');
    this.db().transaction(() => {
      for (const change of changes) {
        const version = typeof (change.data as { version?: unknown } | null)?.version === 'number' ? (change.data as { version: number }).version : null;
        upsert.run(profileId, change.entity, change.entityId, JSON.stringify(change.data), version, String(change.seq));
      }
      saveCursor.run(String(cursor), now, profileId);
    }).immediate();
  }

  get(profileId: string, entity: string, entityId: string): ReplicaRow | null {
    const row = this.db().prepare('SELECT entity, entity_id, data, version FROM replica WHERE profile_id = ? AND entity = ? AND entity_id = ?')
      .get(profileId, entity, entityId) as { entity: string; entity_id: string; data: string; version: number | null } | undefined;
    return row ? { entity: row.entity, entityId: row.entity_id, data: JSON.parse(row.data) as unknown, version: row.version } : null;
  }

  count(profileId: string): number {
    return (this.db().prepare('SELECT COUNT(*) AS n FROM replica WHERE profile_id = ?').get(profileId) as { n: number }).n;
  }
}
