import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { ReviewDraft } from '../../../shared/contract/ipc/review-channels';
import { MarkSheet } from '../../../shared/domain/review/mark-sheet';

export interface StoredDraft {
  revision: number;
  draft: ReviewDraft;
  updatedAt: string;
}

const DecisionRow = z.object({
  sheet: z.string().transform((text) => MarkSheet.parse(JSON.parse(text))),
  signature: z.string(),
  key_id: z.string(),
  decision_hash: z.string(),
  op_id: z.string(),
  created_at: z.string(),
  op_state: z.enum(['pending', 'inflight', 'applied', 'rejected']),
  op_reason: z.string().nullable(),
});
export type StoredDecision = z.output<typeof DecisionRow>;

const ConflictRow = z.object({
  reason: z.string(),
  op_id: z.string(),
  op_state: z.string(),
  op_reason: z.string().nullable(),
});
export type StoredConflict = z.output<typeof ConflictRow>;

export interface NewDecision {
  profileId: string;
  taskId: string;
  sheetCanonical: string;
  signature: string;
  keyId: string;
  decisionHash: string;
  opId: string;
  now: string;
}

/**
 * The expert's local review rows. Every read is scoped by profile; writes that must travel with an outbox op take
 * the caller's transaction (`tx`) and refuse to run outside one.
 */
export class ReviewRecords {
  constructor(private readonly db: () => Database) {}

  draft(profileId: string, taskId: string): StoredDraft | null {
    const row = this.db().prepare('SELECT revision, draft, updated_at FROM review_drafts WHERE profile_id = ? AND task_id = ?')
      .get(profileId, taskId) as { revision: number; draft: string; updated_at: string } | undefined;
    if (!row) return null;
    return { revision: row.revision, draft: ReviewDraft.parse(JSON.parse(row.draft)), updatedAt: row.updated_at };
  }

  /**
   * Writes the whole draft when `baseRevision` is the stored one (0 = none yet); returns the new revision, or null
   * when another writer got there first. One statement, so one implicit transaction, committed before it returns.
   */
  saveDraft(profileId: string, taskId: string, baseRevision: number, draft: ReviewDraft, now: string): number | null {
    const text = JSON.stringify(draft);
    if (baseRevision === 0) {
      const inserted = this.db().prepare(`INSERT INTO review_drafts (profile_id, task_id, revision, draft, updated_at) VALUES (?, ?, 1, ?, ?)
        ON CONFLICT (profile_id, task_id) DO NOTHING`).run(profileId, taskId, text, now);
      return inserted.changes === 1 ? 1 : null;
    }
    const updated = this.db().prepare(`UPDATE review_drafts SET revision = revision + 1, draft = ?, updated_at = ?
      WHERE profile_id = ? AND task_id = ? AND revision = ?`).run(text, now, profileId, taskId, baseRevision);
    return updated.changes === 1 ? baseRevision + 1 : null;
  }

  decision(profileId: string, taskId: string): StoredDecision | null {
    const row = this.db().prepare(`SELECT d.sheet, d.signature, d.key_id, d.decision_hash, d.op_id, d.created_at,
        o.state AS op_state, o.reason AS op_reason
      FROM review_decisions d JOIN outbox o ON o.op_id = d.op_id WHERE d.profile_id = ? AND d.task_id = ?`).get(profileId, taskId);
    return row ? DecisionRow.parse(row) : null;
  }

  /** The hash that heads this expert's decision chain on this workstation (null before the first decision). */
  lastDecisionHash(tx: Database, profileId: string): { hash: string | null; nextChainSeq: number } {
    const row = tx.prepare('SELECT decision_hash, chain_seq FROM review_decisions WHERE profile_id = ? ORDER BY chain_seq DESC LIMIT 1')
      .get(profileId) as { decision_hash: string; chain_seq: number } | undefined;
    return row ? { hash: row.decision_hash, nextChainSeq: row.chain_seq + 1 } : { hash: null, nextChainSeq: 1 };
  }

  insertDecision(tx: Database, decision: NewDecision, chainSeq: number): void {
    if (!tx.inTransaction) throw new Error('a decision is written only together with its outbox op');
    tx.prepare(`INSERT INTO review_decisions (profile_id, task_id, chain_seq, sheet, signature, key_id, decision_hash, op_id, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
      decision.profileId, decision.taskId, chainSeq, decision.sheetCanonical, decision.signature, decision.keyId,
      decision.decisionHash, decision.opId, decision.now,
    );
  }

  conflict(profileId: string, taskId: string): StoredConflict | null {
    const row = this.db().prepare(`SELECT c.reason, c.op_id, o.state AS op_state, o.reason AS op_reason
      FROM review_conflicts c JOIN outbox o ON o.op_id = c.op_id WHERE c.profile_id = ? AND c.task_id = ?`).get(profileId, taskId);
    return row ? ConflictRow.parse(row) : null;
  }

  insertConflict(tx: Database, profileId: string, taskId: string, reason: string, opId: string, now: string): void {
    if (!tx.inTransaction) throw new Error('a declaration is written only together with its outbox op');
    tx.prepare('INSERT INTO review_conflicts (profile_id, task_id, reason, op_id, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(profileId, taskId, reason, opId, now);
  }
}
