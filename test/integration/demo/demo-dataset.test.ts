/**
 * The demo dataset as `npm start` gets it: the real registry CLI with --demo on a fresh SQLite data dir. Checks what
 * the demo promises (valid synthetic IDs, valid schemes, ingested frame-strip videos, conflict-free panels, the
 * documented accounts) over HTTP and in the stored files, and that a second start reuses it instead of generating.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExpertList, InstitutionList, PractitionerList, ReviewTaskList, SchemeList, SchemeView, SubmissionList } from '../../../shared/contract/registry/domain';
import { AccountView } from '../../../shared/contract/registry/auth';
import { parseResidentId, maskResidentId } from '../../../shared/domain/identity/resident-id';
import { isValidUscc } from '../../../shared/domain/institution/uscc';
import { FrameTable } from '../../../shared/domain/media/frame-table';
import { ResidentIdVault } from '../../../registry/crypto/resident-id-vault';
import { loadServerKeys } from '../../../registry/crypto/server-secret';
import { BlobStore } from '../../../registry/media/blob-store';
import { readFrameIndexes } from '../../../resources/video/read-frame-index';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../../resources/demo/demo-cast';
import { readDemoMarker, type DemoMarker } from '../../../resources/demo/demo-marker';
import { tempDir } from '../../unit/services/temp-dir';
import { bearerFor, signIn, startDemoRegistry, type DemoRegistry } from './demo-registry';

const dir = tempDir('osea-demo-');
const dataDir = join(dir.path, 'registry');
let registry: DemoRegistry;
let marker: DemoMarker;
let adminToken: string;

async function get<T>(path: string, token: string, schema: { parse(value: unknown): T }): Promise<T> {
  const response = await fetch(`${registry.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status, `GET ${path}`).toBe(200);
  return schema.parse(await response.json());
}

async function blobBytes(sha256: string): Promise<Buffer> {
  const response = await fetch(`${registry.url}/v1/blobs/${sha256}`, { headers: { authorization: `Bearer ${adminToken}` } });
  expect(response.status, `blob ${sha256}`).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

const sha256Of = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

beforeAll(async () => {
  registry = await startDemoRegistry(dataDir);
  marker = (await readDemoMarker(dataDir))!;
  adminToken = await bearerFor(registry.url, 'admin01', DEMO_PASSWORD);
}, 300_000);

afterAll(async () => {
  await registry?.stop();
  dir.remove();
});

describe('demo dataset (registry --demo on a fresh data dir)', () => {
  it('prints only the listening line on stdout, progress on stderr, and writes the marker last', () => {
    expect(registry.stdoutLines).toEqual([expect.stringMatching(/^registry listening: http:\/\/127\.0\.0\.1:\d+$/)]);
    expect(registry.stderr()).toContain('demo: dataset ready');
    expect(marker).not.toBeNull();
    expect(marker.counts.submissions).toBeGreaterThanOrEqual(20);
  });

  it('has at least 3 institutions of different types, each with a valid unified social credit code', async () => {
    const { institutions } = await get('/v1/institutions', adminToken, InstitutionList);
    expect(institutions.length).toBeGreaterThanOrEqual(3);
    expect(institutions.every((institution) => isValidUscc(institution.uscc))).toBe(true);
    expect(new Set(institutions.map((institution) => institution.type))).toEqual(new Set(['association', 'training_org', 'school', 'enterprise']));
  });

  it('has at least 30 practitioners whose stored resident IDs pass GB 11643 and agree with the derived facts', async () => {
    const { practitioners } = await get('/v1/practitioners', adminToken, PractitionerList);
    expect(practitioners.length).toBeGreaterThanOrEqual(30);
    // the plain IDs are only inside the registry's encryption boundary: open the store with the server's keys
    const vault = new ResidentIdVault(loadServerKeys(dataDir));
    const file = new Database(join(dataDir, 'registry.sqlite'), { readonly: true });
    try {
      const rows = file.prepare('select id, resident_id_cipher, gender, birth_date from practitioners').all() as Array<{ id: string; resident_id_cipher: string; gender: string; birth_date: string }>;
      expect(rows).toHaveLength(practitioners.length);
      const ids = new Set<string>();
      for (const row of rows) {
        const residentId = vault.decrypt(row.resident_id_cipher);
        const parsed = parseResidentId(residentId);
        expect(parsed, residentId.slice(0, 6)).toMatchObject({ ok: true, gender: row.gender, birthDate: row.birth_date });
        expect(practitioners.find((p) => p.id === row.id)?.residentIdMasked).toBe(maskResidentId(residentId));
        ids.add(residentId);
      }
      expect(ids.size).toBe(rows.length);
    } finally {
      file.close();
    }
  });

  it('shows coord01 the full IDs of its own institution only, and they are valid', async () => {
    const token = await bearerFor(registry.url, 'coord01', DEMO_PASSWORD);
    const { practitioners } = await get('/v1/practitioners', token, PractitionerList);
    expect(practitioners.length).toBeGreaterThan(0);
    for (const practitioner of practitioners) expect(parseResidentId(practitioner.residentId ?? '').ok).toBe(true);
  });

  it('has two valid marking schemes shaped like national skill standards', async () => {
    const { schemes } = await get('/v1/schemes', adminToken, SchemeList);
    expect(schemes.map((scheme) => scheme.occupationCode).sort()).toEqual(['6-18-02-04', '6-31-01-03']);
    for (const summary of schemes) {
      const { scheme } = await get(`/v1/schemes/${summary.id}/versions/${summary.version}`, adminToken, SchemeView);
      const aspects = scheme.criteria.flatMap((criterion) => criterion.aspects);
      expect(scheme.passMark).toBe(60);
      expect(scheme.criteria.map((criterion) => criterion.title)).toEqual(['准备与安全', '操作过程', '质量检测', '职业素养']);
      expect(new Set(aspects.map((aspect) => aspect.kind))).toEqual(new Set(['M', 'J']));
      expect(new Set(aspects.flatMap((aspect) => (aspect.kind === 'M' ? [aspect.rule.type] : [])))).toEqual(new Set(['pass_fail', 'deduction', 'tolerance']));
      expect(aspects.some((aspect) => aspect.mandatory)).toBe(true);
      expect(scheme.vetoRules.some((veto) => veto.effect === 'fail_all')).toBe(true);
    }
  });

  it('has at least 20 submissions, each with an ingested proxy and a frame table whose hashes match', async () => {
    const { submissions } = await get('/v1/submissions', adminToken, SubmissionList);
    expect(submissions.length).toBeGreaterThanOrEqual(20);
    const originals = new Set<string>();
    for (const submission of submissions) {
      expect(submission.videos).toHaveLength(1);
      const video = submission.videos[0]!;
      originals.add(video.originalSha256);
      const tableBytes = await blobBytes(video.frameTableSha256!);
      expect(sha256Of(tableBytes)).toBe(video.frameTableSha256);
      const table = FrameTable.parse(JSON.parse(tableBytes.toString('utf8')));
      expect(table).toMatchObject({ sourceSha256: video.originalSha256, proxySha256: video.proxySha256 });
      expect(sha256Of(await blobBytes(video.proxySha256!))).toBe(video.proxySha256);
      const job = await get(`/v1/media/${video.originalSha256}`, adminToken, { parse: (value) => value as { state: string; proxySha256: string } });
      expect(job).toMatchObject({ state: 'done', proxySha256: video.proxySha256 });
    }
    expect(originals.size).toBe(submissions.length);
  });

  it('carries the frame index in the pixels of the review proxies', async () => {
    const { submissions } = await get('/v1/submissions', adminToken, SubmissionList);
    const blobs = new BlobStore(join(dataDir, 'media', 'blobs'));
    for (const submission of submissions.slice(0, 3)) {
      const video = submission.videos[0]!;
      const table = FrameTable.parse(JSON.parse((await blobBytes(video.frameTableSha256!)).toString('utf8')));
      const decoded = await readFrameIndexes(blobs.pathFor(video.proxySha256!));
      expect(decoded.indexes).toEqual(Array.from({ length: table.frameCount }, (_, i) => i));
    }
  });

  it('assigns review panels with no expert affiliated with the submitting institution, and tasks to each demo expert', async () => {
    const { submissions } = await get('/v1/submissions', adminToken, SubmissionList);
    const { experts } = await get('/v1/experts', adminToken, ExpertList);
    const { tasks } = await get('/v1/tasks', adminToken, ReviewTaskList);
    const inReview = submissions.filter((submission) => submission.state === 'in_review');
    expect(inReview.length).toBeGreaterThanOrEqual(20);
    for (const submission of inReview) {
      const panel = tasks.filter((task) => task.submissionId === submission.id && task.state === 'assigned');
      expect(panel).toHaveLength(3);
      for (const task of panel) {
        const expert = experts.find((candidate) => candidate.accountId === task.expertId);
        expect(expert?.status).toBe('approved');
        expect(expert?.affiliations).not.toContain(submission.institutionId);
      }
    }
    for (const username of ['expert01', 'expert02', 'expert03']) {
      const token = await bearerFor(registry.url, username, DEMO_PASSWORD);
      const own = await get('/v1/tasks', token, ReviewTaskList);
      expect(own.tasks.length, username).toBeGreaterThan(0);
    }
  });

  it('lets every documented demo account sign in with the demo password, holding its role', async () => {
    for (const account of DEMO_ACCOUNTS.filter((candidate) => candidate.documented)) {
      const token = await bearerFor(registry.url, account.username, DEMO_PASSWORD);
      const me = await get('/v1/auth/me', token, AccountView);
      expect(me.roles, account.username).toEqual(account.roles);
    }
    expect((await signIn(registry.url, 'expert01', 'wrong-password')).status).toBe(401);
  });

  it('does not generate again on the next start of the same data dir', async () => {
    const before = await get('/v1/institutions', adminToken, InstitutionList);
    await registry.stop();
    registry = await startDemoRegistry(dataDir);
    expect(registry.stderr()).toContain('not generating again');
    expect(await readDemoMarker(dataDir)).toEqual(marker);
    adminToken = await bearerFor(registry.url, 'admin01', DEMO_PASSWORD);
    const after = await get('/v1/institutions', adminToken, InstitutionList);
    expect(after.institutions.map((institution) => institution.id)).toEqual(before.institutions.map((institution) => institution.id));
    const { submissions } = await get('/v1/submissions', adminToken, SubmissionList);
    expect(submissions).toHaveLength(marker.counts.submissions);
  }, 120_000);
});
