import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mediaCacheDir } from '../../../../electron/services/app/paths';
import type { WorkstationStore } from '../../../../electron/services/db/store';
import { residentIdCheckChar } from '../../../../shared/domain/identity/resident-id';
import { orgCodeCheckChar, usccCheckChar } from '../../../../shared/domain/institution/uscc';
import { EXAMPLE_SCHEME_INPUT } from '../../../../shared/domain/scoring/example-scheme';
import { sha256Hex } from '../../../unit/review/support/review-seed';
import type { LiveRegistry } from '../../sync/support/registry';
import { uploadAndIngest } from '../../sync/support/ingested-video';
import { api, signInToken } from '../../sync/support/review-world';

let serial = 5000 + Math.floor(Math.random() * 4000);

const residentId = (n: number) => {
  const first17 = `110105${`19${80 + (n % 20)}0${1 + (n % 9)}1${n % 10}`}${String(n % 1000).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
};
const uscc = (n: number) => {
  const body = `MB${String(n).padStart(6, '0')}`;
  const first17 = `91350100${body}${orgCodeCheckChar(body)}`;
  return first17 + usccCheckChar(first17);
};

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
  const admin = await registry.adminToken();
  const n = (serial += 1);
  const institution = await api<{ id: string }>(registry, admin, 'POST', '/v1/institutions', {
    name: `评审机构${n}`, uscc: uscc(n), type: 'training_org', provinceCode: '35', filingReference: `R-${n}`,
  });
  const coordName = `rcoord${n}`;
  await registry.createAccount(coordName, ['coordinator'], 'coord-password-1', institution.id);
  const coord = await signInToken(registry, coordName, 'coord-password-1');
  const practitioner = await api<{ id: string }>(registry, coord, 'POST', '/v1/practitioners', { institutionId: institution.id, name: '陈明', residentId: residentId(n) });
  const certificate = await api<{ id: string }>(registry, coord, 'POST', '/v1/certificates', {
    practitionerId: practitioner.id, number: `RC-${n}`, kind: 'skill_level', occupationCode: EXAMPLE_SCHEME_INPUT.occupationCode,
    occupationName: '焊工', level: EXAMPLE_SCHEME_INPUT.level, issuer: '福建省职业技能鉴定中心', issueDate: '2024-05-01',
  });
  await fetch(new URL('/v1/schemes', registry.url), {
    method: 'POST', headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' }, body: JSON.stringify({ scheme: EXAMPLE_SCHEME_INPUT }),
  }); // 409 once it exists: fine
  for (const id of expertIds) {
    await api(registry, admin, 'PUT', `/v1/experts/${id}`, { status: 'approved', specialties: [{ occupationCode: EXAMPLE_SCHEME_INPUT.occupationCode, level: 2 }], affiliations: [] });
  }
  const submission = await api<{ id: string; version: number }>(registry, coord, 'POST', '/v1/submissions', {
    practitionerId: practitioner.id, certificateId: certificate.id, schemeId: EXAMPLE_SCHEME_INPUT.id, schemeVersion: EXAMPLE_SCHEME_INPUT.version,
    training: { institutionId: institution.id, hours: 80, periodFrom: '2024-01-01', periodTo: '2024-03-01' },
    videos: [{ originalSha256, proxySha256: null, frameTableSha256: null }],
  });
  let version = submission.version;
  for (const to of ['validated', 'uploaded', 'submitted']) {
    version = (await api<{ version: number }>(registry, coord, 'POST', `/v1/submissions/${submission.id}/transitions`, { to, baseVersion: version })).version;
  }
  const { tasks } = await api<{ tasks: { id: string; expertId: string }[] }>(registry, admin, 'POST', `/v1/submissions/${submission.id}/assignments`, { expertIds });
  const [video] = (await api<{ videos: { proxySha256: string | null; frameTableSha256: string | null }[] }>(registry, admin, 'GET', `/v1/submissions/${submission.id}`)).videos;
  if (!video?.proxySha256 || !video.frameTableSha256) throw new Error(`the registry did not fill in the ingest: ${JSON.stringify(video)}`);
  const media: ReviewMedia = {
    proxy: await blob(registry, admin, video.proxySha256), frames: await blob(registry, admin, video.frameTableSha256),
    proxySha256: video.proxySha256, frameTableSha256: video.frameTableSha256,
  };
  return { submissionId: submission.id, taskIds: new Map(tasks.map((t) => [t.expertId, t.id])), admin, media };
}
