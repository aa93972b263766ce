import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../../shared/domain/canonical-json';
import { residentIdCheckChar } from '../../../../shared/domain/identity/resident-id';
import { orgCodeCheckChar, usccCheckChar } from '../../../../shared/domain/institution/uscc';
import { EXAMPLE_SCHEME_INPUT } from '../../../../shared/domain/scoring/example-scheme';
import type { MarkSheetInput } from '../../../../shared/domain/review/mark-sheet';
import { markSheetContentForSigning } from '../../../../shared/domain/review/decision-payload';
import { mediaDb } from '../../../../registry/media/media-tables';
import { bearer, type TestRegistry } from './harness';

let serial = 0;
const next = () => (serial += 1);

/** A valid synthetic resident ID (Beijing Chaoyang, born 1980-1999) with a correct check character. */
export function syntheticResidentId(n: number = next()): string {
  const birth = `19${80 + (n % 20)}0${1 + (n % 9)}1${n % 10}`;
  const first17 = `110105${birth}${String(n % 1000).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

/** A valid unified social credit code (GB 32100) for a synthetic Fujian enterprise. */
export function syntheticUscc(n: number = next()): string {
  const body = `MA${String(n).padStart(6, '0')}`;
  const first17 = `91350100${body}${orgCodeCheckChar(body)}`;
  return first17 + usccCheckChar(first17);
}

export const SCHEME = EXAMPLE_SCHEME_INPUT;

/** The video of every review world: an original whose ingest is done, with the proxy and frame table it made. */
export const FIXTURE_VIDEO = { originalSha256: '0'.repeat(63) + '1', proxySha256: 'a'.repeat(64), frameTableSha256: 'c'.repeat(64) } as const;

/**
 * The rows a finished ingest leaves for an original (registry/media/ingest-queue.ts), written directly: review tests
 * need an ingested video, not ffmpeg (the media suite runs the real ingest). Idempotent.
 */
export async function ingestedVideoRows(registry: TestRegistry, video: { originalSha256: string; proxySha256: string; frameTableSha256: string } = FIXTURE_VIDEO): Promise<void> {
  const at = new Date().toISOString();
  await mediaDb(registry.app.registry.db).insertInto('ingest_jobs').values({
    source_sha256: video.originalSha256, state: 'done', attempts: 1, reason: null, detail: null, proxy_sha256: video.proxySha256,
    frame_table: null, frame_table_sha256: video.frameTableSha256, queued_at: at, updated_at: at,
  }).onConflict((conflict) => conflict.column('source_sha256').doNothing()).execute();
}
export async function call<T = unknown>(registry: TestRegistry, token: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown): Promise<{ status: number; body: T }> {
  const response = await registry.app.inject({ method, url, headers: bearer(token), ...(payload === undefined ? {} : { payload: payload as object }) });
  return { status: response.statusCode, body: response.json() as T };
}

async function ok<T>(promise: Promise<{ status: number; body: T }>, expected = [200, 201]): Promise<T> {
  const { status, body } = await promise;
  if (!expected.includes(status)) throw new Error(`fixture call failed: ${status} ${JSON.stringify(body)}`);
  return body;
}

export interface ExpertHandle {
  id: string;
  token: string;
  keyId: string;
  privateKey: KeyObject;
  deviceId: string;
}

/**
 * A review-ready world: institutions A (the submitter) and B, a coordinator of A, a practitioner with a level-3 welder
 * certificate, the example scheme, `experts` approved welder experts (one more affiliated with A), a submitted submission.
 */
export async function reviewWorld(registry: TestRegistry, options: { experts?: number; assign?: boolean } = {}) {
  const admin = await registry.adminToken();
  const institution = (id: number) => ({ name: `机构${id}`, uscc: syntheticUscc(), type: 'training_org', provinceCode: '35', filingReference: `F-${id}` });
  const a = await ok(call<{ id: string }>(registry, admin, 'POST', '/v1/institutions', institution(1)));
  const b = await ok(call<{ id: string }>(registry, admin, 'POST', '/v1/institutions', institution(2)));
  const coordinator = await registry.account(['coordinator'], { institutionId: a.id });
  const practitioner = await ok(call<{ id: string }>(registry, coordinator.token, 'POST', '/v1/practitioners', { institutionId: a.id, name: '李四', residentId: syntheticResidentId() }));
  const certificate = await ok(call<{ id: string }>(registry, coordinator.token, 'POST', '/v1/certificates', {
    practitionerId: practitioner.id, number: `C-${next()}`, kind: 'skill_level', occupationCode: SCHEME.occupationCode, occupationName: '焊工', level: SCHEME.level, issuer: '福建省职业技能鉴定中心', issueDate: '2024-05-01',
  }));
  const scheme = await ok(call<{ contentHash: string }>(registry, admin, 'POST', '/v1/schemes', { scheme: SCHEME }));

  const makeExpert = async (affiliations: string[]): Promise<ExpertHandle> => {
    const account = await registry.account(['expert']);
    await ok(call(registry, admin, 'PUT', `/v1/experts/${account.id}`, { status: 'approved', specialties: [{ occupationCode: SCHEME.occupationCode, level: 2 }], affiliations }));
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const keyId = `key-${account.id}`;
    const raw = (publicKey.export({ format: 'jwk' }) as { x: string }).x;
    await ok(call(registry, account.token, 'POST', '/v1/experts/me/keys', { keyId, deviceId: `device-${account.id}`, publicKey: raw }));
    return { id: account.id, token: account.token, keyId, privateKey, deviceId: `device-${account.id}` };
  };
  const experts: ExpertHandle[] = [];
  for (let i = 0; i < (options.experts ?? 3); i += 1) experts.push(await makeExpert(i === 0 ? [b.id] : []));
  const affiliatedExpert = await makeExpert([a.id]);

  await ingestedVideoRows(registry);
  // the client names only the original; the registry fills in the proxy and frame table its ingest made
  const submission = await ok(call<{ id: string; version: number }>(registry, coordinator.token, 'POST', '/v1/submissions', {
    practitionerId: practitioner.id, certificateId: certificate.id, schemeId: SCHEME.id, schemeVersion: SCHEME.version,
    training: { institutionId: a.id, hours: 80, periodFrom: '2024-01-01', periodTo: '2024-03-01' },
    videos: [{ originalSha256: FIXTURE_VIDEO.originalSha256, proxySha256: null, frameTableSha256: null }],
  }));
  let version = submission.version;
  for (const to of ['validated', 'uploaded', 'submitted']) {
    const moved = await ok(call<{ version: number }>(registry, coordinator.token, 'POST', `/v1/submissions/${submission.id}/transitions`, { to, baseVersion: version }));
    version = moved.version;
  }
  let tasks: Array<{ id: string; expertId: string; version: number; round: number }> = [];
  if (options.assign !== false) {
    tasks = (await ok(call<{ tasks: typeof tasks }>(registry, admin, 'POST', `/v1/submissions/${submission.id}/assignments`, {}))).tasks;
  }
  return {
    admin, institutionA: a.id, institutionB: b.id, coordinator, practitionerId: practitioner.id, certificateId: certificate.id, schemeHash: scheme.contentHash,
    experts, affiliatedExpert, submissionId: submission.id, tasks, makeExpert,
  };
}

/** A complete mark sheet for the example scheme; `judgement` sets both judgement aspects' scores. */
export function markSheet(task: { id: string; round: number }, schemeHash: string, judgement = 2, proxySha256: string = FIXTURE_VIDEO.proxySha256): MarkSheetInput {
  return {
    taskId: task.id, schemeId: SCHEME.id, schemeVersion: SCHEME.version, schemeHash, proxySha256, round: task.round,
    marks: [
      { aspectId: 'A1', value: true },
      { aspectId: 'A2', value: 1 },
      { aspectId: 'A3', value: 50.2 },
      { aspectId: 'A4', value: judgement, rationale: 'r' },
      { aspectId: 'A5', value: judgement, rationale: 'r' },
      { aspectId: 'A6', value: 2 },
    ],
    vetoHits: [], verdict: 'pass', comment: '', previousDecisionHash: null,
  };
}

export function signedDecision(expert: ExpertHandle, sheet: MarkSheetInput) {
  const signature = sign(null, Buffer.from(markSheetContentForSigning(sheet), 'utf8'), expert.privateKey).toString('base64');
  return { sheet, signature: { keyId: expert.keyId, alg: 'Ed25519' as const, signature } };
}

export function opOf(payload: unknown, seq: number, kind = 'decision.submit', baseVersion: number | null = null) {
  const opId = uuidv7();
  return { opId, seq, kind, payload, payloadHash: createHash('sha256').update(canonicalJson(payload)).digest('hex'), baseVersion };
}

export function uuidv7(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  const ms = BigInt(Date.now());
  for (let i = 0; i < 6; i += 1) bytes[i] = Number((ms >> BigInt(8 * (5 - i))) & 0xffn);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Buffer.from(bytes).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export interface SubmissionBody {
  id: string;
  state: string;
  version: number;
  returnReason: string | null;
  result: Record<string, unknown> | null;
  videos: Array<{ originalSha256: string; proxySha256: string | null; frameTableSha256: string | null }>;
}

type World = Awaited<ReturnType<typeof reviewWorld>>;

/** Another submission for the world's practitioner, by its coordinator, naming `videos`; answers status and body. */
export async function createSubmission(registry: TestRegistry, world: World, videos: Array<{ originalSha256: string; proxySha256?: string | null; frameTableSha256?: string | null }>) {
  return call<SubmissionBody>(registry, world.coordinator.token, 'POST', '/v1/submissions', {
    practitionerId: world.practitionerId, certificateId: world.certificateId, schemeId: SCHEME.id, schemeVersion: SCHEME.version,
    training: { institutionId: world.institutionA, hours: 80, periodFrom: '2024-01-01', periodTo: '2024-03-01' },
    videos: videos.map((video) => ({ proxySha256: null, frameTableSha256: null, ...video })),
  });
}

/** Walks a submission through `states` as the coordinator; stops at (and returns) the first refusal. */
export async function moveSubmission(registry: TestRegistry, token: string, id: string, states: readonly string[]) {
  let last = await call<SubmissionBody>(registry, token, 'GET', `/v1/submissions/${id}`);
  for (const to of states) {
    last = await call<SubmissionBody>(registry, token, 'POST', `/v1/submissions/${id}/transitions`, { to, baseVersion: last.body.version });
    if (last.status !== 200) return last;
  }
  return last;
}
