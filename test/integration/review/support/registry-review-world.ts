import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mediaCacheDir } from '../../../../electron/services/app/paths';
import type { WorkstationStore } from '../../../../electron/services/db/store';
import { sha256Hex } from '../../../unit/review/support/review-seed';
import type { LiveRegistry } from '../../sync/support/registry';
import { uploadAndIngest } from '../../sync/support/ingested-video';
import { api, approveExperts, submissionParty, submitAndAssign } from '../../sync/support/review-world';

/** The review proxy and frame table the registry's ingest made for a submission's video, as downloaded bytes. */
export interface ReviewMedia {
  proxy: Buffer;
  frames: Buffer;
  proxySha256: string;
  frameTableSha256: string;
}

async function blob(registry: LiveRegistry, token: string, sha256: string): Promise<Buffer> {
  const response = await fetch(new URL(`/v1/blobs/${sha256}`, registry.url), { headers: { authorization: `Bearer ${token}` } });
  if (response.status !== 200) throw new Error(`GET /v1/blobs/${sha256}: ${response.status}`);
  const bytes = Buffer.from(await response.arrayBuffer());
  if (sha256Hex(bytes) !== sha256) throw new Error(`blob ${sha256} arrived with other bytes`);
  return bytes;
}

/**
 * What the media cache holds after a finished download, placed directly: these tests drive the review service and the
 * sync engine without the workstation's download scheduler (test/integration/sync/media-integrity.test.ts covers that).
 */
export function cacheProxy(store: WorkstationStore, dataDir: string, media: ReviewMedia): void {
  const now = new Date().toISOString();
  for (const [sha, bytes] of [[media.proxySha256, media.proxy], [media.frameTableSha256, media.frames]] as const) {
    const dir = join(mediaCacheDir(dataDir), sha.slice(0, 2));
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, sha), bytes);
    store.db().prepare('INSERT OR REPLACE INTO media_blobs (sha256, size, stored_at, last_opened_at) VALUES (?, ?, ?, ?)').run(sha, bytes.length, now, now);
  }
}

/**
 * Over the registry's real HTTP API: institution, practitioner, certificate, the example scheme, the given experts
 * approved, and one submitted submission whose video is a frame-strip clip uploaded over tus and put through the
 * registry's real ingest, assigned to exactly those experts; `media` is the proxy and frame table the registry made.
 */
export async function submissionForReview(registry: LiveRegistry, expertIds: string[]) {
  const originalSha256 = await uploadAndIngest(registry);
  const party = await submissionParty(registry, '陈明');
  const { admin } = party;
  await approveExperts(registry, admin, expertIds);
  const { submissionId, taskIds } = await submitAndAssign(registry, party, expertIds, [{ originalSha256, proxySha256: null, frameTableSha256: null }]);
  const [video] = (await api<{ videos: { proxySha256: string | null; frameTableSha256: string | null }[] }>(registry, admin, 'GET', `/v1/submissions/${submissionId}`)).videos;
  if (!video?.proxySha256 || !video.frameTableSha256) throw new Error(`the registry did not fill in the ingest: ${JSON.stringify(video)}`);
  const media: ReviewMedia = {
    proxy: await blob(registry, admin, video.proxySha256), frames: await blob(registry, admin, video.frameTableSha256),
    proxySha256: video.proxySha256, frameTableSha256: video.frameTableSha256,
  };
  return { submissionId, taskIds, admin, media };
}
