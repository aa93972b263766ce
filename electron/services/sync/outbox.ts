import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { canonicalJson } from '../../../shared/domain/canonical-json';
import { uuidv7 } from '../crypto/uuidv7';
import { payloadHash } from './payload-hash';

export const OpState = z.enum(['pending', 'inflight', 'applied', 'rejected']);
export type OpState = z.infer<typeof OpState>;

const OutboxRowSchema = z.object({
  op_id: z.string(),
  profile_id: z.string(),
  device_id: z.string(),
  seq: z.number().int(),
  kind: z.string(),
  payload: z.string(),
  payload_hash: z.string(),
  base_version: z.number().int().nullable(),
  state: OpState,
  attempts: z.number().int(),
  next_attempt_at: z.string().nullable(),
  result: z.string().nullable(),
  reason: z.string().nullable(),
  created_at: z.string(),
  settled_at: z.string().nullable(),
});
export type OutboxRow = z.output<typeof OutboxRowSchema>;
export const parseOutboxRow = (row: unknown): OutboxRow => OutboxRowSchema.parse(row);

export interface EnqueuedOp {
  opId: string;
  seq: number;
  deviceId: string;
}

export class OutboxError extends Error {}

/**
 * Adds an op to the profile's outbox. Must be called INSIDE the caller's domain transaction (better-sqlite3
 * `db.transaction(...)`) so the domain write and its op commit or vanish together: the UI says "saved" only after
 * that commit, and then the op exists. The seq comes from the profile row in the same transaction, so seqs are
 * gap-free and in commit order whatever the clock says.
 */
export function enqueue(
  tx: Database,
  profileId: string,
  kind: string,
  payload: unknown,
  baseVersion: number | null,
  now: Date = new Date(),
): EnqueuedOp {
  if (!tx.inTransaction) throw new OutboxError('enqueue must run inside the domain write transaction');
  const profile = tx.prepare('UPDATE profiles SET next_seq = next_seq + 1 WHERE id = ? RETURNING device_id, next_seq - 1 AS seq')
    .get(profileId) as { device_id: string; seq: number } | undefined;
  if (!profile) throw new OutboxError(`no local profile ${profileId}`);
  // Canonical text is stored, so the bytes hashed now are the bytes sent on every retry.
  const text = canonicalJson(payload);
  const opId = uuidv7(now.getTime());
  tx.prepare(`INSERT INTO outbox (op_id, profile_id, device_id, seq, kind, payload, payload_hash, base_version, state, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?)`).run(
    opId, profileId, profile.device_id, profile.seq, kind, text, payloadHash(payload), baseVersion, now.toISOString(),
  );
  return { opId, seq: profile.seq, deviceId: profile.device_id };
}

export interface OutboxCounts {
  pending: number;
  inflight: number;
  applied: number;
  rejected: number;
}

/** Reads and settles one profile's queue. Every statement is scoped by profile id. */
export class OutboxQueue {
  constructor(private readonly db: () => Database) {}

  /** The unsettled tail in seq order: what must reach the registry next, oldest first. */
  unsettled(profileId: string, limit: number): OutboxRow[] {
    return this.db().prepare(`SELECT * FROM outbox WHERE profile_id = ? AND state IN ('pending', 'inflight')
      ORDER BY seq LIMIT ?`).all(profileId, limit).map(parseOutboxRow);
  }

  list(profileId: string, states: readonly OpState[], limit: number): OutboxRow[] {
    const marks = states.map(() => '?').join(', ');
    return this.db().prepare(`SELECT * FROM outbox WHERE profile_id = ? AND state IN (${marks}) ORDER BY seq LIMIT ?`)
      .all(profileId, ...states, limit).map(parseOutboxRow);
  }

  counts(profileId: string): OutboxCounts {
    const rows = this.db().prepare('SELECT state, COUNT(*) AS n FROM outbox WHERE profile_id = ? GROUP BY state').all(profileId) as { state: OpState; n: number }[];
    const counts: OutboxCounts = { pending: 0, inflight: 0, applied: 0, rejected: 0 };
    for (const row of rows) counts[row.state] = row.n;
    return counts;
  }

  markInflight(opIds: readonly string[]): void {
    const update = this.db().prepare("UPDATE outbox SET state = 'inflight', attempts = attempts + 1 WHERE op_id = ? AND state IN ('pending', 'inflight')");
    this.db().transaction(() => opIds.forEach((id) => update.run(id)))();
  }

  /** Back to pending with the time of the next attempt; nothing is dropped. */
  deferUnsettled(opIds: readonly string[], nextAttemptAt: string, reason: string, options: { countAttempt?: boolean } = {}): void {
    const bump = options.countAttempt ? 1 : 0;
    const update = this.db().prepare(`UPDATE outbox SET state = 'pending', next_attempt_at = ?, reason = ?, attempts = attempts + ?
      WHERE op_id = ? AND state IN ('pending', 'inflight')`);
    this.db().transaction(() => opIds.forEach((id) => update.run(nextAttemptAt, reason, bump, id)))();
  }

  /** All results of one response in one transaction; an op already settled keeps its first result. */
  settle(results: readonly { opId: string; state: 'applied' | 'rejected'; result: unknown; reason: string | null }[], now: string): void {
    const update = this.db().prepare(`UPDATE outbox SET state = ?, result = ?, reason = ?, settled_at = ?, next_attempt_at = NULL
      WHERE op_id = ? AND state IN ('pending', 'inflight')`);
    this.db().transaction(() => {
      for (const r of results) update.run(r.state, r.result === undefined ? null : JSON.stringify(r.result), r.reason, now, r.opId);
    })();
  }

  /**
   * Re-sends settled ops from `fromSeq` (the registry lost them, e.g. restored from a backup). Safe only because
   * every op is still held here in full and its op id is the idempotency key. Returns false when any op in the range
   * is missing, in which case nothing changes.
   */
  rewind(profileId: string, deviceId: string, fromSeq: number, toSeqExclusive: number): boolean {
    return this.db().transaction(() => {
      const { n } = this.db().prepare('SELECT COUNT(*) AS n FROM outbox WHERE profile_id = ? AND device_id = ? AND seq >= ? AND seq < ?')
        .get(profileId, deviceId, fromSeq, toSeqExclusive) as { n: number };
      if (n !== toSeqExclusive - fromSeq) return false;
      this.db().prepare(`UPDATE outbox SET state = 'pending', settled_at = NULL, reason = 'resentAfterRegistryGap'
        WHERE profile_id = ? AND device_id = ? AND seq >= ? AND seq < ?`).run(profileId, deviceId, fromSeq, toSeqExclusive);
      return true;
    })();
  }

  /** After a crash mid-push an op may be 'inflight' with nobody sending it; it is simply sent again (same op id). */
  resetInflight(profileId: string): void {
    this.db().prepare("UPDATE outbox SET state = 'pending' WHERE profile_id = ? AND state = 'inflight'").run(profileId);
  }
}
