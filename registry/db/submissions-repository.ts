import { SubmissionVideo, TrainingRecord } from '../../shared/domain/submission/submission.js';
import { SubmissionState } from '../../shared/domain/submission/submission-state.js';
import type { SubmissionView } from '../../shared/contract/registry/domain.js';
import type { RegistryDb } from './connection.js';
import { precompile, type SlotOf } from './precompiled-query.js';
import { takeReadAhead } from './read-ahead.js';
import type { SubmissionsTable } from './schema.js';

// Built once: a zod schema costs more to construct than to run on a few videos, and a push reads videos per decision.
const StoredVideos = SubmissionVideo.array();

/** The videos column, checked. */
export function storedVideos(row: Pick<SubmissionsTable, 'videos'>): SubmissionVideo[] {
  return StoredVideos.parse(JSON.parse(row.videos));
}

export function submissionView(row: SubmissionsTable): SubmissionView {
  const result = row.result === null ? null : (JSON.parse(row.result) as Record<string, unknown>);
  return {
    id: row.id,
    institutionId: row.institution_id,
    practitionerId: row.practitioner_id,
    certificateId: row.certificate_id,
    schemeId: row.scheme_id,
    schemeVersion: row.scheme_version,
    training: TrainingRecord.parse(JSON.parse(row.training)),
    videos: storedVideos(row),
    state: SubmissionState.parse(row.state),
    returnReason: typeof result?.returnReason === 'string' ? result.returnReason : null,
    round: row.round,
    result,
    version: row.version,
  };
}

const submissionById = precompile((db, slot: SlotOf<{ id: string }>) => db.selectFrom('submissions').selectAll().where('id', '=', slot('id')));

export async function findSubmission(db: RegistryDb, id: string): Promise<SubmissionsTable | undefined> {
  return takeReadAhead<SubmissionsTable>(db, 'submissions', id) ?? (await submissionById.rows(db, { id }))[0];
}
