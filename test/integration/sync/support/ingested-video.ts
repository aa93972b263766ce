import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cachedFrameStripVideo } from '../../../../resources/video/frame-strip-video';
import { IngestJobView } from '../../../../shared/domain/media/ingest-job';
import { tusUpload } from '../../media/tus-upload';
import type { LiveRegistry } from './registry';
import { api, assignedTasks } from './review-world';

const VIDEO_CACHE = join(process.cwd(), 'test-results', 'video-cache');

export interface IngestedVideo {
  originalSha256: string;
  proxySha256: string;
  frameTableSha256: string;
}

/**
 * A short frame-strip video uploaded with tus and put through the registry's real ingest (ffmpeg): the registry then
 * serves the proxy and frame table it made as blobs, as it does for any submission.
 */
export async function uploadAndIngest(registry: LiveRegistry): Promise<string> {
  const video = await cachedFrameStripVideo(VIDEO_CACHE, 'cfr30');
  const bytes = await readFile(video.path);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const admin = await registry.adminToken();
  const upload = await tusUpload(new URL('/v1/uploads', registry.url).toString(), admin, bytes, { sha256, kind: 'video' });
  // A second world in the same registry uploads the same bytes: the registry already has them, which is fine.
  if (!upload.ok && upload.status !== 409) throw new Error(`upload failed: ${upload.status} ${upload.body}`);
  for (let i = 0; i < 1200; i += 1) {
    const response = await fetch(new URL(`/v1/media/${sha256}`, registry.url), { headers: { authorization: `Bearer ${admin}` } });
    if (response.status === 200) {
      const job = IngestJobView.parse(await response.json());
      if (job.state === 'done') return sha256;
      if (job.state === 'rejected') throw new Error(`ingest rejected: ${job.reason} ${job.detail}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('ingest never finished');
}

/** A submission with one ingested video assigned to `expertIds`; the hashes are the ones the registry filled in. */
export async function ingestedReviewWorld(registry: LiveRegistry, expertIds: string[]) {
  const originalSha256 = await uploadAndIngest(registry);
  const world = await assignedTasks(registry, expertIds, [{ originalSha256, proxySha256: null, frameTableSha256: null }]);
  const submission = await api<{ videos: { proxySha256: string | null; frameTableSha256: string | null }[] }>(
    registry, world.admin, 'GET', `/v1/submissions/${world.submissionId}`,
  );
  const [named] = submission.videos;
  if (!named?.proxySha256 || !named.frameTableSha256) throw new Error(`the registry did not fill in the ingest: ${JSON.stringify(named)}`);
  const video: IngestedVideo = { originalSha256, proxySha256: named.proxySha256, frameTableSha256: named.frameTableSha256 };
  return { ...world, video };
}
