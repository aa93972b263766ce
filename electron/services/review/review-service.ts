import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { AspectSpread, type LocalDecision, type ReviewTaskDetail, type TaskListRow } from '../../../shared/contract/ipc/review-channels';
import { ServiceError } from '../../../shared/contract/result';
import { scoreMarkSheet } from '../../../shared/domain/scoring/score-mark-sheet';
import type { HandlerTable } from '../ipc/handler-table';
import { enqueue } from '../sync/outbox';
import { cachedBlobRelativePath, readCachedFrameTable } from './cached-media';
import { localOnlyMedia, type ReviewMedia } from './review-media';
import { buildDecision } from './decision-builder';
import { checkDraftAgainstScheme } from './draft-checks';
import { ReviewRecords, type StoredDecision } from './review-records';
import { SchemeSource } from './scheme-source';
import { TaskCatalog, type CatalogRow, type DownloadProgress } from './task-catalog';

/** The slice of the session manager (H8) review needs: who is working, and their device key. */
export interface ReviewSession {
  requireActive(): { id: string; account_id: string };
  sign(canonicalPayload: string): { signature: string; keyId: string };
}

export interface ReviewServiceDeps {
  db: () => Database;
  session: ReviewSession;
  /** Root of the content-addressed media cache (<data>/media). */
  mediaRoot: string;
  downloadProgress?: DownloadProgress;
  /**
   * The media cache (verify on open, re-download). Without one (tests of the review logic alone) damaged files are
   * still refused and dropped, and the next pull queues them again.
   */
  media?: ReviewMedia;
  /** Wakes the sync worker once an op has been committed. */
  afterEnqueue?: () => void;
  now?: () => Date;
}

export type ReviewChannel =
  | 'review.listTasks'
  | 'review.getTask'
  | 'review.saveDraft'
  | 'review.submitDecision'
  | 'review.declareConflict'
  | 'review.exportTask'
  | 'review.redownloadMedia';

const SHA256 = /^[0-9a-f]{64}$/;

const PreviousResult = z.object({ round: z.number().int(), discrepancies: z.array(AspectSpread) });

/**
 * The expert's review work over the local store (issue 5): the task list and a task's detail from the replica, drafts
 * saved whole on every change, and the two ops an expert sends — a signed decision and a conflict-of-interest
 * declaration — each written with its outbox row in one transaction, so neither can exist without the other.
 * Works with the registry unreachable: nothing here talks to the network.
 */
export function createReviewService(deps: ReviewServiceDeps): Pick<HandlerTable, ReviewChannel> {
  const catalog = new TaskCatalog(deps.db, deps.downloadProgress);
  const records = new ReviewRecords(deps.db);
  const schemes = new SchemeSource(deps.db);
  const now = deps.now ?? (() => new Date());
  const media = deps.media ?? localOnlyMedia(deps.db, deps.mediaRoot);

  const findTask = (taskId: string) => {
    const profile = deps.session.requireActive();
    const found = catalog.one(profile.id, profile.account_id, taskId);
    if (!found) throw new ServiceError('NOT_FOUND', 'review.errors.taskNotFound');
    return { profile, ...found };
  };

  /** A task takes new input only while the registry still has it open for this expert and nothing was sent yet. */
  const requireWritable = (row: TaskListRow): void => {
    if (row.readOnly) throw new ServiceError('CONFLICT', 'review.errors.readOnly', { reason: row.readOnly });
    if (row.scoring === 'submitted' || row.scoring === 'rejected') throw new ServiceError('CONFLICT', 'review.errors.alreadySubmitted');
  };

  const requireScheme = (profileId: string, raw: CatalogRow) => {
    const pinned = raw.schemeKey ? schemes.get(profileId, raw.schemeKey) : null;
    if (!pinned) throw new ServiceError('CONFLICT', 'review.errors.schemeMissing', { reason: raw.schemeKey ?? 'none' });
    return pinned;
  };

  return {
    'review.listTasks': async () => {
      const profile = deps.session.requireActive();
      return { tasks: catalog.list(profile.id, profile.account_id) };
    },

    'review.getTask': async ({ taskId }) => {
      let { profile, row, raw } = findTask(taskId);
      // The player must never get a damaged file: both blobs are verified first; a bad one is dropped and queued
      // again, and the task is read afresh so it shows "downloading" (blocked: mediaMissing) instead.
      if (row.media.state === 'ready' && raw.proxySha256 && raw.frameTableSha256) {
        const need = { profileId: profile.id, taskId };
        const whole = await Promise.all([media.verify(raw.proxySha256, need), media.verify(raw.frameTableSha256, need)]);
        if (!whole.every(Boolean)) ({ profile, row, raw } = findTask(taskId));
      }
      const pinned = raw.schemeKey ? schemes.get(profile.id, raw.schemeKey) : null;
      const frameTable = row.media.state === 'ready' && raw.frameTableSha256 && raw.proxySha256
        ? readCachedFrameTable(deps.mediaRoot, raw.frameTableSha256, raw.proxySha256)
        : null;
      const draft = records.draft(profile.id, taskId);
      const decision = records.decision(profile.id, taskId);
      const conflict = records.conflict(profile.id, taskId);
      const detail: ReviewTaskDetail = {
        row,
        taskVersion: raw.taskVersion ?? 0,
        scheme: pinned?.scheme ?? null,
        schemeHash: pinned?.contentHash ?? null,
        proxySha256: raw.proxySha256,
        proxyMediaPath: frameTable && raw.proxySha256 ? cachedBlobRelativePath(raw.proxySha256) : null,
        frameTable,
        blocked: raw.submissionId === null ? 'submissionMissing' : !pinned ? 'schemeMissing' : !frameTable ? 'mediaMissing' : null,
        draft: draft?.draft ?? null,
        draftRevision: draft?.revision ?? 0,
        decision: decision ? toLocalDecision(decision) : null,
        conflict: conflict ? { reason: conflict.reason, opState: conflict.op_state, opReason: conflict.op_reason } : null,
        previousRoundSpreads: previousRoundSpreads(deps.db(), profile.id, raw),
      };
      return detail;
    },

    'review.saveDraft': async ({ taskId, baseRevision, draft }) => {
      const { profile, row, raw } = findTask(taskId);
      requireWritable(row);
      checkDraftAgainstScheme(requireScheme(profile.id, raw).scheme, draft);
      const savedAt = now().toISOString();
      const revision = records.saveDraft(profile.id, taskId, baseRevision, draft, savedAt);
      if (revision === null) throw new ServiceError('CONFLICT', 'review.errors.draftStale');
      return { revision, savedAt };
    },

    'review.submitDecision': async ({ taskId, draftRevision }) => {
      const { profile, row, raw } = findTask(taskId);
      requireWritable(row);
      const pinned = requireScheme(profile.id, raw);
      if (!raw.proxySha256) throw new ServiceError('CONFLICT', 'review.errors.mediaMissing');
      const stored = records.draft(profile.id, taskId);
      // What is signed is exactly the draft the expert last saw acknowledged, never a newer or older one.
      if (!stored || stored.revision !== draftRevision) throw new ServiceError('CONFLICT', 'review.errors.draftStale');
      const db = deps.db();
      const at = now();
      const decision = db.transaction(() => {
        const chain = records.lastDecisionHash(db, profile.id);
        const built = buildDecision({
          taskId, round: row.round, scheme: pinned.scheme, schemeHash: pinned.contentHash, proxySha256: raw.proxySha256!,
          previousDecisionHash: chain.hash,
        }, stored.draft);
        const signed = deps.session.sign(built.content);
        const payload = { sheet: JSON.parse(built.content) as unknown, signature: { keyId: signed.keyId, alg: 'Ed25519', signature: signed.signature } };
        const op = enqueue(db, profile.id, 'decision.submit', payload, raw.taskVersion, at);
        records.insertDecision(db, {
          profileId: profile.id, taskId, sheetCanonical: built.content, signature: signed.signature, keyId: signed.keyId,
          decisionHash: built.decisionHash, opId: op.opId, now: at.toISOString(),
        }, chain.nextChainSeq);
        return built;
      }).immediate();
      deps.afterEnqueue?.();
      const score = scoreMarkSheet(pinned.scheme, decision.sheet);
      return { decision: toLocalDecision(records.decision(profile.id, taskId)!), total: score.total, pass: score.pass };
    },

    'review.declareConflict': async ({ taskId, reason }) => {
      const { profile, row, raw } = findTask(taskId);
      requireWritable(row);
      const db = deps.db();
      const at = now();
      const opId = db.transaction(() => {
        const op = enqueue(db, profile.id, 'task.declareConflict', { taskId, reason }, raw.taskVersion, at);
        records.insertConflict(db, profile.id, taskId, reason, op.opId, at.toISOString());
        return op.opId;
      }).immediate();
      deps.afterEnqueue?.();
      return { opId };
    },

    'review.exportTask': async ({ taskId }) => {
      const { profile, row } = findTask(taskId);
      const exported = {
        exportedAt: now().toISOString(),
        task: row,
        draft: records.draft(profile.id, taskId),
        decision: records.decision(profile.id, taskId),
        conflict: records.conflict(profile.id, taskId),
      };
      return { fileName: `review-${taskId.replace(/[^A-Za-z0-9_-]/g, '_')}.json`, json: JSON.stringify(exported, null, 2) };
    },

    'review.redownloadMedia': async ({ taskId }) => {
      const { profile, raw } = findTask(taskId);
      const blobs = [raw.proxySha256, raw.frameTableSha256].filter((sha): sha is string => sha !== null && SHA256.test(sha));
      if (blobs.length === 0) throw new ServiceError('CONFLICT', 'review.errors.mediaMissing');
      const queued = await media.redownload(blobs, { profileId: profile.id, taskId });
      return { taskId, queued, media: findTask(taskId).row.media };
    },
  };
}

function toLocalDecision(decision: StoredDecision): LocalDecision {
  return {
    sheet: decision.sheet, decisionHash: decision.decision_hash, keyId: decision.key_id, opId: decision.op_id,
    opState: decision.op_state, opReason: decision.op_reason, createdAt: decision.created_at,
  };
}

/** A discrepancy round shows the previous round's spread per aspect (scores only, as the registry published them). */
function previousRoundSpreads(db: Database, profileId: string, raw: CatalogRow) {
  if (!raw.submissionId || (raw.round ?? 1) <= 1) return [];
  const row = db.prepare("SELECT json_extract(data, '$.result') AS result FROM replica WHERE profile_id = ? AND entity = 'submission' AND entity_id = ?")
    .get(profileId, raw.submissionId) as { result: string | null } | undefined;
  if (!row?.result) return [];
  const parsed = PreviousResult.safeParse(JSON.parse(row.result));
  return parsed.success && parsed.data.round === (raw.round ?? 1) - 1 ? parsed.data.discrepancies : [];
}
