import { SubmissionVideo, TrainingRecord } from '../../shared/domain/submission/submission.js';
import { SubmissionState } from '../../shared/domain/submission/submission-state.js';
import type { SubmissionView } from '../../shared/contract/registry/domain.js';
import type { RegistryDb } from './connection.js';
import type { SubmissionsTable } from './schema.js';

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
    videos: SubmissionVideo.array().parse(JSON.parse(row.videos)),
    state: SubmissionState.parse(row.state),
    returnReason: typeof result?.returnReason === 'string' ? result.returnReason : null,
    round: row.round,
    result,
    version: row.version,
  };
}

export async function findSubmission(db: RegistryDb, id: string): Promise<SubmissionsTable | undefined> {
  return db.selectFrom('submissions').selectAll().where('id', '=', id).executeTakeFirst();
}
