/**
 * Shared set-up of the registry benches: a registry in-process (listening on loopback, as the workstation sees it) on
 * SQLite or a throwaway PostgreSQL, and a review world of 10 experts with ~1,000 open tasks each, made with direct
 * inserts (set-up speed is not what is measured).
 */
import { createHash, generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildRegistry } from '../../registry/server';
import { canonicalJson } from '../../shared/domain/canonical-json';
import { markSheetContentForSigning } from '../../shared/domain/review/decision-payload';
import type { MarkSheetInput } from '../../shared/domain/review/mark-sheet';
import { EXAMPLE_SCHEME_INPUT } from '../../shared/domain/scoring/example-scheme';
import { residentIdCheckChar } from '../../shared/domain/identity/resident-id';
import { orgCodeCheckChar, usccCheckChar } from '../../shared/domain/institution/uscc';
import { startPgCluster, type PgCluster } from '../integration/registry/support/postgres';

export type Dialect = 'sqlite' | 'postgres';
/** The ingested video every bench submission names; the decisions sign its proxy (the registry checks it). */
const BENCH_PROXY_SHA256 = 'a'.repeat(64);
const BENCH_VIDEOS = JSON.stringify([{ originalSha256: 'b'.repeat(64), proxySha256: BENCH_PROXY_SHA256, frameTableSha256: 'c'.repeat(64) }]);
/** The registry's bootstrap admin (blob and ingest benches sign in as it). */
export const BENCH_ADMIN = { username: 'admin', password: 'bench-admin-password' };

export interface BenchRegistry {
  app: FastifyInstance;
  url: string;
  /** the registry's data dir (blobs live under it on both dialects) */
  dataDir: string;
  close(): Promise<void>;
}

/** OSEA_BENCH_DIALECTS (default both), the dialects a registry bench measures, one after another. */
export function benchDialects(): Dialect[] {
  const dialects = (process.env.OSEA_BENCH_DIALECTS ?? 'sqlite,postgres').split(',').map((name) => name.trim()).filter((name) => name !== '');
  for (const dialect of dialects) if (dialect !== 'sqlite' && dialect !== 'postgres') throw new Error(`OSEA_BENCH_DIALECTS: unknown dialect ${dialect}`);
  return dialects as Dialect[];
}

export async function startBenchRegistry(dialect: Dialect): Promise<BenchRegistry> {
  const dataDir = mkdtempSync(join(tmpdir(), 'osea-bench-registry-'));
  let cluster: PgCluster | undefined;
  let databaseUrl: string | undefined;
  if (dialect === 'postgres') {
    cluster = await startPgCluster();
    databaseUrl = await cluster.createDatabase();
  }
  // production settings: POST /v1/ops has its own body limit (registry/sync/ops-body-limit.ts), nothing raised here
  const app = await buildRegistry({ dataDir, databaseUrl, log: false, bootstrapAdmin: BENCH_ADMIN });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    app,
    dataDir,
    url,
    async close() {
      await app.close();
      await cluster?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function api<T>(url: string, token: string | null, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status >= 400) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export const signIn = async (url: string, username: string, password: string) =>
  (await api<{ accessToken: string }>(url, null, 'POST', '/v1/auth/sign-in', { username, password })).accessToken;

export interface BenchExpert {
  id: string;
  token: string;
  deviceId: string;
  keyId: string;
  privateKey: KeyObject;
  tasks: Array<{ id: string; round: number }>;
}

export async function buildReviewWorld(registry: BenchRegistry, experts: number, tasksPerExpert: number) {
  const { url } = registry;
  const db = registry.app.registry.db;
  const admin = await signIn(url, BENCH_ADMIN.username, BENCH_ADMIN.password);
  const body = 'MA000001';
  const uscc17 = `91350100${body}${orgCodeCheckChar(body)}`;
  const institution = await api<{ id: string }>(url, admin, 'POST', '/v1/institutions', { name: '基准机构', uscc: uscc17 + usccCheckChar(uscc17), type: 'training_org', provinceCode: '35', filingReference: 'B-1' });
  const other17 = `91350100MA000002${orgCodeCheckChar('MA000002')}`;
  const otherInstitution = await api<{ id: string }>(url, admin, 'POST', '/v1/institutions', { name: '另一机构', uscc: other17 + usccCheckChar(other17), type: 'school', provinceCode: '35', filingReference: 'B-2' });
  const rid17 = '11010519850612123';
  const practitioner = await api<{ id: string }>(url, admin, 'POST', '/v1/practitioners', { institutionId: institution.id, name: '基准', residentId: rid17 + residentIdCheckChar(rid17) });
  const certificate = await api<{ id: string }>(url, admin, 'POST', '/v1/certificates', { practitionerId: practitioner.id, number: 'B-1', kind: 'skill_level', occupationCode: EXAMPLE_SCHEME_INPUT.occupationCode, occupationName: '焊工', level: EXAMPLE_SCHEME_INPUT.level, issuer: 'X', issueDate: '2024-01-01' });
  const scheme = await api<{ contentHash: string }>(url, admin, 'POST', '/v1/schemes', { scheme: EXAMPLE_SCHEME_INPUT });

  const handles: BenchExpert[] = [];
  for (let e = 0; e < experts; e += 1) {
    const username = `bench-expert-${e}`;
    const account = await api<{ id: string }>(url, admin, 'POST', '/v1/accounts', { username, password: 'bench-password', displayName: username, roles: ['expert'] });
    await api(url, admin, 'PUT', `/v1/experts/${account.id}`, { status: 'approved', specialties: [{ occupationCode: EXAMPLE_SCHEME_INPUT.occupationCode, level: 2 }], affiliations: [otherInstitution.id] });
    const token = await signIn(url, username, 'bench-password');
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const keyId = `bench-key-${e}`;
    await api(url, token, 'POST', '/v1/experts/me/keys', { keyId, deviceId: `bench-device-${e}`, publicKey: (publicKey.export({ format: 'jwk' }) as { x: string }).x });
    handles.push({ id: account.id, token, deviceId: `bench-device-${e}`, keyId, privateKey, tasks: [] });
  }

  // Each submission has 3 tasks from consecutive experts, so each expert ends up with tasksPerExpert tasks.
  const submissions = Math.ceil((experts * tasksPerExpert) / 3);
  const now = new Date().toISOString();
  for (let start = 0; start < submissions; start += 200) {
    const subRows = [];
    const taskRows = [];
    for (let s = start; s < Math.min(submissions, start + 200); s += 1) {
      const id = randomUUID();
      subRows.push({
        id, institution_id: institution.id, practitioner_id: practitioner.id, certificate_id: certificate.id, scheme_id: EXAMPLE_SCHEME_INPUT.id,
        scheme_version: EXAMPLE_SCHEME_INPUT.version, state: 'in_review', training: JSON.stringify({ institutionId: institution.id, hours: 10, periodFrom: '2024-01-01', periodTo: '2024-02-01' }),
        videos: BENCH_VIDEOS, round: 1, result: null, version: 1, created_at: now, updated_at: now,
      });
      for (let k = 0; k < 3; k += 1) {
        const expert = handles[(s + k) % experts]!;
        if (expert.tasks.length >= tasksPerExpert) continue;
        const taskId = randomUUID();
        expert.tasks.push({ id: taskId, round: 1 });
        taskRows.push({
          id: taskId, submission_id: id, expert_account_id: expert.id, scheme_id: EXAMPLE_SCHEME_INPUT.id, scheme_version: EXAMPLE_SCHEME_INPUT.version,
          round: 1, state: 'assigned', due_at: '2030-01-01', version: 1, replaced_by: null, created_at: now, updated_at: now,
        });
      }
    }
    await db.insertInto('submissions').values(subRows).execute();
    if (taskRows.length > 0) await db.insertInto('review_tasks').values(taskRows).execute();
  }
  return { admin, experts: handles, schemeHash: scheme.contentHash };
}

export function decisionOps(expert: BenchExpert, schemeHash: string): unknown[] {
  return expert.tasks.map((task, index) => {
    const sheet: MarkSheetInput = {
      taskId: task.id, schemeId: EXAMPLE_SCHEME_INPUT.id, schemeVersion: EXAMPLE_SCHEME_INPUT.version, schemeHash, proxySha256: BENCH_PROXY_SHA256, round: task.round,
      marks: [
        { aspectId: 'A1', value: true }, { aspectId: 'A2', value: 1 }, { aspectId: 'A3', value: 50.2 },
        { aspectId: 'A4', value: 2 }, { aspectId: 'A5', value: 2 }, { aspectId: 'A6', value: 2 },
      ],
      vetoHits: [], verdict: 'pass', comment: '', previousDecisionHash: null,
    };
    const payload = { sheet, signature: { keyId: expert.keyId, alg: 'Ed25519', signature: sign(null, Buffer.from(markSheetContentForSigning(sheet)), expert.privateKey).toString('base64') } };
    return { opId: randomUUID(), seq: index + 1, kind: 'decision.submit', payload, payloadHash: createHash('sha256').update(canonicalJson(payload)).digest('hex'), baseVersion: null };
  });
}

export async function pushBatch(url: string, expert: BenchExpert, ops: unknown[]): Promise<{ results: Array<{ status: string; reason?: string }> }> {
  return api(url, expert.token, 'POST', '/v1/ops', { deviceId: expert.deviceId, ops });
}

export async function pullAll(url: string, token: string, limit: number): Promise<number> {
  let cursor = 0;
  let rows = 0;
  for (;;) {
    const page = await api<{ changes: unknown[]; cursor: number; hasMore: boolean }>(url, token, 'GET', `/v1/changes?cursor=${cursor}&limit=${limit}`);
    rows += page.changes.length;
    cursor = page.cursor;
    if (!page.hasMore) return rows;
  }
}
