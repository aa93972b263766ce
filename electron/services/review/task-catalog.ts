import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { TASK_STATUS_REASON_MAX, type MediaState, type ReadOnlyReason, type ScoringState, type TaskListRow } from '../../../shared/contract/ipc/review-channels';
import { ReviewTaskState } from '../../../shared/domain/review/review-task';

/**
 * One row per task of the expert, joined in SQL over the replica (server state) and the local review rows (what this
 * workstation queued): a list of 100,000 tasks is one statement, not 100,000 look-ups.
 */
const LIST_SQL = `
SELECT
  t.entity_id                                         AS taskId,
  t.version                                           AS taskVersion,
  json_extract(t.data, '$.submissionId')              AS submissionId,
  json_extract(t.data, '$.round')                     AS round,
  json_extract(t.data, '$.state')                     AS taskState,
  json_extract(t.data, '$.dueDate')                   AS dueDate,
  json_extract(t.data, '$.statusReason')              AS statusReason,
  json_extract(t.data, '$.schemeId') || '@' || json_extract(t.data, '$.schemeVersion') AS schemeKey,
  json_extract(p.data, '$.name')                      AS practitionerName,
  json_extract(p.data, '$.residentIdMasked')          AS residentIdMasked,
  json_extract(c.data, '$.occupationCode')            AS certOccupationCode,
  json_extract(c.data, '$.occupationName')            AS certOccupationName,
  json_extract(sc.data, '$.scheme.occupationCode')    AS occupationCode,
  json_extract(sc.data, '$.scheme.level')             AS level,
  json_extract(sc.data, '$.scheme.title')             AS schemeTitle,
  json_extract(s.data, '$.videos[0].proxySha256')     AS proxySha256,
  json_extract(s.data, '$.videos[0].frameTableSha256') AS frameTableSha256,
  (SELECT COUNT(*) FROM media_blobs b WHERE b.sha256 IN (json_extract(s.data, '$.videos[0].proxySha256'),
      json_extract(s.data, '$.videos[0].frameTableSha256')))        AS blobsReady,
  d.revision                                          AS draftRevision,
  o.state                                             AS decisionOpState,
  rc.task_id IS NOT NULL                              AS conflictDeclared
FROM replica t
LEFT JOIN replica s  ON s.profile_id = t.profile_id AND s.entity = 'submission' AND s.entity_id = json_extract(t.data, '$.submissionId')
LEFT JOIN replica p  ON p.profile_id = t.profile_id AND p.entity = 'practitioner' AND p.entity_id = json_extract(s.data, '$.practitionerId')
LEFT JOIN replica c  ON c.profile_id = t.profile_id AND c.entity = 'certificate' AND c.entity_id = json_extract(s.data, '$.certificateId')
LEFT JOIN replica sc ON sc.profile_id = t.profile_id AND sc.entity = 'scheme'
  AND sc.entity_id = json_extract(t.data, '$.schemeId') || '@' || json_extract(t.data, '$.schemeVersion')
LEFT JOIN review_drafts d     ON d.profile_id = t.profile_id AND d.task_id = t.entity_id
LEFT JOIN review_decisions rd ON rd.profile_id = t.profile_id AND rd.task_id = t.entity_id
LEFT JOIN outbox o            ON o.op_id = rd.op_id
LEFT JOIN review_conflicts rc ON rc.profile_id = t.profile_id AND rc.task_id = t.entity_id
WHERE t.profile_id = ? AND t.entity = 'task' AND json_extract(t.data, '$.expertId') = ?
`;

const RawRow = z.object({
  taskId: z.string(),
  taskVersion: z.number().int().nullable(),
  submissionId: z.string().nullable(),
  round: z.number().int().nullable(),
  taskState: ReviewTaskState,
  dueDate: z.string().nullable(),
  /**
   * Read leniently: the replica keeps the registry's JSON as sent, and rows published before the registry had a
   * reason lack it. A malformed or blank one must not hide the task, so it reads as no reason; an overlong one is cut
   * to the contract's limit rather than failing the whole list.
   */
  statusReason: z.unknown().transform((value) =>
    typeof value === 'string' && value.trim() !== '' ? value.slice(0, TASK_STATUS_REASON_MAX) : null),
  schemeKey: z.string().nullable(),
  practitionerName: z.string().nullable(),
  residentIdMasked: z.string().nullable(),
  certOccupationCode: z.string().nullable(),
  certOccupationName: z.string().nullable(),
  occupationCode: z.string().nullable(),
  level: z.number().int().nullable(),
  schemeTitle: z.string().nullable(),
  proxySha256: z.string().nullable(),
  frameTableSha256: z.string().nullable(),
  blobsReady: z.number().int(),
  draftRevision: z.number().int().nullable(),
  decisionOpState: z.string().nullable(),
  conflictDeclared: z.number().int(),
});
export type CatalogRow = z.output<typeof RawRow>;

/** Percent of a blob being downloaded right now (the media cache knows), null when no transfer is running. */
export type DownloadProgress = (sha256: string) => number | null;

export class TaskCatalog {
  constructor(
    private readonly db: () => Database,
    private readonly progress: DownloadProgress = () => null,
  ) {}

  list(profileId: string, accountId: string): TaskListRow[] {
    return this.db().prepare(LIST_SQL).all(profileId, accountId).map((raw) => this.toListRow(RawRow.parse(raw)));
  }

  one(profileId: string, accountId: string, taskId: string): { row: TaskListRow; raw: CatalogRow } | null {
    const raw = this.db().prepare(`${LIST_SQL} AND t.entity_id = ?`).get(profileId, accountId, taskId);
    if (!raw) return null;
    const parsed = RawRow.parse(raw);
    return { row: this.toListRow(parsed), raw: parsed };
  }

  private toListRow(raw: CatalogRow): TaskListRow {
    const sameOccupation = raw.certOccupationCode !== null && raw.certOccupationCode === raw.occupationCode;
    return {
      taskId: raw.taskId,
      submissionId: raw.submissionId ?? '',
      round: raw.round ?? 1,
      taskState: raw.taskState,
      practitionerName: raw.practitionerName ?? '',
      residentIdMasked: raw.residentIdMasked ?? '',
      occupationCode: raw.occupationCode ?? raw.certOccupationCode ?? '',
      occupationName: (sameOccupation ? raw.certOccupationName : raw.schemeTitle) ?? raw.certOccupationName ?? '',
      level: raw.level ?? 0,
      dueDate: raw.dueDate ?? '',
      media: this.mediaState(raw),
      scoring: scoringState(raw),
      readOnly: readOnlyReason(raw),
      statusReason: raw.statusReason,
    };
  }

  private mediaState(raw: CatalogRow): MediaState {
    if (!raw.proxySha256 || !raw.frameTableSha256) return { state: 'missing' };
    if (raw.blobsReady >= 2) return { state: 'ready' };
    const percent = this.progress(raw.proxySha256);
    return percent === null ? { state: 'notDownloaded' } : { state: 'downloading', percent: Math.max(0, Math.min(100, percent)) };
  }
}

function scoringState(raw: CatalogRow): ScoringState {
  if (raw.decisionOpState === 'rejected') return 'rejected';
  if (raw.decisionOpState !== null || raw.taskState === 'submitted') return 'submitted';
  return raw.draftRevision !== null ? 'draft' : 'new';
}

function readOnlyReason(raw: CatalogRow): ReadOnlyReason | null {
  if (raw.taskState === 'withdrawn' || raw.taskState === 'reassigned') return raw.taskState;
  return raw.conflictDeclared ? 'conflictDeclared' : null;
}
