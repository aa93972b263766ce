/**
 * A submission's videos and the registry's ingest of them (DESIGN §1, §8). The registry, not the client, makes the
 * review proxy and the frame table: a finished ingest fills them into every submission naming the original, a
 * rejected one returns those submissions with the coded reason `media.<reason>`, and nothing is submitted for review
 * until each of its videos is ingested and names exactly what ingest made.
 */
import type { SubmissionVideo } from '../../shared/domain/submission/submission.js';
import { canTransition, type SubmissionState } from '../../shared/domain/submission/submission-state.js';
import type { RegistryContext } from '../context.js';
import type { RegistryDb } from '../db/connection.js';
import type { SubmissionsTable } from '../db/schema.js';
import { storedVideos } from '../db/submissions-repository.js';
import { conflict, unprocessable } from '../http/http-error.js';
import type { SettledIngest } from '../media/ingest-queue.js';
import { mediaDb, type IngestJobsTable } from '../media/media-tables.js';
import { publishSubmission } from './publish.js';

export const mediaReturnReason = (reason: string): string => `media.${reason}`;

async function jobsFor(db: RegistryDb, videos: readonly SubmissionVideo[]): Promise<Map<string, IngestJobsTable>> {
  if (videos.length === 0) return new Map();
  const rows = await mediaDb(db).selectFrom('ingest_jobs').selectAll().where('source_sha256', 'in', videos.map((video) => video.originalSha256)).execute();
  return new Map(rows.map((row) => [row.source_sha256, row]));
}

/** The result a media rejection stores: the coded reason and, for the coordinator, which video and why in words. */
function mediaRejectionResult(originalSha256: string, reason: string, detail: string | null): string {
  return JSON.stringify({ returnReason: mediaReturnReason(reason), media: { originalSha256, reason, detail } });
}

/** What a done ingest made; frameTable is null for jobs finished before frame tables were stored as blobs. */
interface IngestMade {
  proxy: string | null;
  frameTable: string | null;
}
const madeBy = (job: IngestJobsTable): IngestMade => ({ proxy: job.proxy_sha256, frameTable: job.frame_table_sha256 });

/** A done ingest's hashes filled into a video that lacks them; null when the video names something else (a mismatch). */
function filledFrom(video: SubmissionVideo, made: IngestMade): SubmissionVideo | null {
  const proxy = video.proxySha256 ?? made.proxy;
  const frameTable = video.frameTableSha256 ?? made.frameTable;
  if (proxy !== made.proxy) return null;
  if (made.frameTable !== null && frameTable !== made.frameTable) return null;
  return { ...video, proxySha256: proxy, frameTableSha256: frameTable };
}

/**
 * On create: videos whose ingest is done get the registry's proxy and frame table (a different one named by the client
 * is refused); a video already rejected makes the submission start `returned` with the reason.
 */
export async function videosAtCreation(db: RegistryDb, requested: readonly SubmissionVideo[]): Promise<{ videos: SubmissionVideo[]; rejected: { state: 'returned'; result: string } | null }> {
  const jobs = await jobsFor(db, requested);
  let rejected: { state: 'returned'; result: string } | null = null;
  const videos = requested.map((video, index) => {
    const job = jobs.get(video.originalSha256);
    if (job?.state === 'rejected' && rejected === null) rejected = { state: 'returned', result: mediaRejectionResult(video.originalSha256, job.reason ?? 'rejected', job.detail) };
    if (job?.state !== 'done') return video;
    const filled = filledFrom(video, madeBy(job));
    if (filled === null) {
      const field = video.proxySha256 !== job.proxy_sha256 ? 'proxySha256' : 'frameTableSha256';
      throw unprocessable('MEDIA_MISMATCH', `the registry's ingest of this original made another ${field === 'proxySha256' ? 'review proxy' : 'frame table'}; leave it null`, `body.videos.${index}.${field}`);
    }
    return filled;
  });
  return { videos, rejected };
}

/** Records which originals a new submission names (the index applyIngestOutcome looks them up by). */
export async function linkSubmissionVideos(trx: RegistryDb, submissionId: string, videos: readonly SubmissionVideo[]): Promise<void> {
  const shas = [...new Set(videos.map((video) => video.originalSha256))];
  if (shas.length === 0) return;
  await trx.insertInto('submission_videos').values(shas.map((sha) => ({ submission_id: submissionId, original_sha256: sha }))).execute();
}

/** → submitted: every video ingested (done) and naming exactly the proxy and frame table the registry made. */
export async function assertMediaReadyToSubmit(db: RegistryDb, row: SubmissionsTable): Promise<void> {
  const videos = storedVideos(row);
  const jobs = await jobsFor(db, videos);
  videos.forEach((video, index) => {
    const job = jobs.get(video.originalSha256);
    const field = `videos.${index}`;
    if (job === undefined) throw conflict('MEDIA_NOT_INGESTED', 'this video was never uploaded to the registry (tus, /v1/uploads)', `${field}.originalSha256`);
    if (job.state === 'rejected') throw conflict('MEDIA_REJECTED', `the video was rejected by ingest (${mediaReturnReason(job.reason ?? 'rejected')})`, `${field}.originalSha256`);
    if (job.state !== 'done') throw conflict('MEDIA_NOT_INGESTED', `the video's ingest is ${job.state}; submit once it is done`, `${field}.originalSha256`);
    if (video.proxySha256 !== job.proxy_sha256) throw conflict('MEDIA_MISMATCH', 'the video names another review proxy than the registry made', `${field}.proxySha256`);
    if (video.frameTableSha256 === null || (job.frame_table_sha256 !== null && video.frameTableSha256 !== job.frame_table_sha256)) {
      throw conflict('MEDIA_MISMATCH', 'the video names another frame table than the registry made', `${field}.frameTableSha256`);
    }
  });
}

/** What one submission becomes when an ingest it names settles; null when nothing changes. */
function afterIngest(row: SubmissionsTable, outcome: SettledIngest): Pick<SubmissionsTable, 'state' | 'videos' | 'result'> | null {
  if (outcome.state === 'rejected') {
    if (!canTransition(row.state as SubmissionState, 'returned') || row.state === 'in_review') return null;
    return { state: 'returned', videos: row.videos, result: mediaRejectionResult(outcome.sourceSha256, outcome.reason, outcome.detail) };
  }
  const made: IngestMade = { proxy: outcome.proxySha256, frameTable: outcome.frameTableSha256 };
  let changed = false;
  const videos = storedVideos(row).map((video) => {
    if (video.originalSha256 !== outcome.sourceSha256) return video;
    // a mismatch stays as the client named it; submitting is refused with MEDIA_MISMATCH
    const filled = filledFrom(video, made);
    if (filled === null || (filled.proxySha256 === video.proxySha256 && filled.frameTableSha256 === video.frameTableSha256)) return video;
    changed = true;
    return filled;
  });
  return changed ? { state: row.state, videos: JSON.stringify(videos), result: row.result } : null;
}

/** IngestQueue's onSettled: in the transaction that records the job's outcome, every submission naming it learns it. */
export async function applyIngestOutcome(trx: RegistryDb, context: RegistryContext, outcome: SettledIngest): Promise<void> {
  const links = await trx.selectFrom('submission_videos').select('submission_id').where('original_sha256', '=', outcome.sourceSha256).execute();
  for (const { submission_id: id } of links) {
    const row = await trx.selectFrom('submissions').selectAll().where('id', '=', id).executeTakeFirst();
    const next = row === undefined ? null : afterIngest(row, outcome);
    if (row === undefined || next === null) continue;
    const updated: SubmissionsTable = { ...row, ...next, version: row.version + 1, updated_at: context.now().toISOString() };
    await trx.updateTable('submissions')
      .set({ state: updated.state, videos: updated.videos, result: updated.result, version: updated.version, updated_at: updated.updated_at })
      .where('id', '=', id).execute();
    await publishSubmission(trx, updated, context.now());
  }
}
