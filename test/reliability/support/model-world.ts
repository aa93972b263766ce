import { join } from 'node:path';
import Database from 'better-sqlite3';
import { residentIdCheckChar } from '../../../shared/domain/identity/resident-id';
import { orgCodeCheckChar, usccCheckChar } from '../../../shared/domain/institution/uscc';
import { EXAMPLE_SCHEME_INPUT } from '../../../shared/domain/scoring/example-scheme';
import type { ReviewTaskView } from '../../../shared/contract/registry/domain';
import { uploadAndIngest } from '../../integration/sync/support/ingested-video';
import type { LiveRegistry } from '../../integration/sync/support/registry';
import { api, signInToken } from '../../integration/sync/support/review-world';

const APPROVED = { status: 'approved', specialties: [{ occupationCode: EXAMPLE_SCHEME_INPUT.occupationCode, level: 2 }], affiliations: [] };

/**
 * What every model run shares, made once over the registry's real HTTP API: one video through the real ingest, an
 * institution with a coordinator, a practitioner with a certificate, the example scheme, and one more approved expert
 * so a conflict declaration or an admin reassignment always has someone to hand the task to.
 */
export interface ModelWorld {
  registry: LiveRegistry;
  admin: string;
  coord: string;
  institutionId: string;
  practitionerId: string;
  certificateId: string;
  originalSha256: string;
}

export async function modelWorld(registry: LiveRegistry): Promise<ModelWorld> {
  const originalSha256 = await uploadAndIngest(registry);
  const admin = await registry.adminToken();
  const n = 7000 + Math.floor(Math.random() * 900);
  const body = `MM${String(n).padStart(6, '0')}`;
  const usccFirst17 = `91350100${body}${orgCodeCheckChar(body)}`;
  const institution = await api<{ id: string }>(registry, admin, 'POST', '/v1/institutions', {
    name: `模型机构${n}`, uscc: usccFirst17 + usccCheckChar(usccFirst17), type: 'training_org', provinceCode: '35', filingReference: `MM-${n}`,
  });
  await registry.createAccount(`mcoord${n}`, ['coordinator'], 'coord-password-1', institution.id);
  const coord = await signInToken(registry, `mcoord${n}`, 'coord-password-1');
  const idFirst17 = `11010519${80 + (n % 20)}0${1 + (n % 9)}1${n % 10}${String(n % 1000).padStart(3, '0')}`;
  const practitioner = await api<{ id: string }>(registry, coord, 'POST', '/v1/practitioners', {
    institutionId: institution.id, name: '赵六', residentId: idFirst17 + residentIdCheckChar(idFirst17),
  });
  const certificate = await api<{ id: string }>(registry, coord, 'POST', '/v1/certificates', {
    practitionerId: practitioner.id, number: `MC-${n}`, kind: 'skill_level', occupationCode: EXAMPLE_SCHEME_INPUT.occupationCode,
    occupationName: '焊工', level: EXAMPLE_SCHEME_INPUT.level, issuer: '福建省职业技能鉴定中心', issueDate: '2024-05-01',
  });
  await fetch(new URL('/v1/schemes', registry.url), {
    method: 'POST', headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' }, body: JSON.stringify({ scheme: EXAMPLE_SCHEME_INPUT }),
  }); // 409 when it already exists: fine
  const other = await registry.createAccount(`mother${n}`);
  await api(registry, admin, 'PUT', `/v1/experts/${other}`, APPROVED);
  return { registry, admin, coord, institutionId: institution.id, practitionerId: practitioner.id, certificateId: certificate.id, originalSha256 };
}

let expertSerial = 0;

/**
 * A fresh expert for one model run (so the model knows every task the registry holds for them) and `count` real
 * review tasks on the ingested video, each a submission of its own assigned to exactly that expert.
 */
export async function modelExpertWithTasks(world: ModelWorld, count: number): Promise<{ username: string; expertId: string; taskIds: string[] }> {
  const { registry, admin, coord } = world;
  expertSerial += 1;
  const username = `mexpert${process.pid}x${expertSerial}`;
  const expertId = await registry.createAccount(username);
  await api(registry, admin, 'PUT', `/v1/experts/${expertId}`, APPROVED);
  const oneTask = async (): Promise<string> => {
    const submission = await api<{ id: string; version: number }>(registry, coord, 'POST', '/v1/submissions', {
      practitionerId: world.practitionerId, certificateId: world.certificateId, schemeId: EXAMPLE_SCHEME_INPUT.id, schemeVersion: EXAMPLE_SCHEME_INPUT.version,
      training: { institutionId: world.institutionId, hours: 80, periodFrom: '2024-01-01', periodTo: '2024-03-01' },
      videos: [{ originalSha256: world.originalSha256, proxySha256: null, frameTableSha256: null }],
    });
    let version = submission.version;
    for (const to of ['validated', 'uploaded', 'submitted']) {
      version = (await api<{ version: number }>(registry, coord, 'POST', `/v1/submissions/${submission.id}/transitions`, { to, baseVersion: version })).version;
    }
    const { tasks } = await api<{ tasks: { id: string; expertId: string }[] }>(registry, admin, 'POST', `/v1/submissions/${submission.id}/assignments`, { expertIds: [expertId] });
    const task = tasks.find((t) => t.expertId === expertId);
    if (!task || tasks.length !== 1) throw new Error(`assignment of ${submission.id}: ${JSON.stringify(tasks)}`);
    return task.id;
  };
  const taskIds = await Promise.all(Array.from({ length: count }, oneTask));
  return { username, expertId, taskIds };
}

/** The registry's own view of one expert's tasks (admin API, straight to the registry, not through the fault proxy). */
export async function registryTasksOf(world: ModelWorld, expertId: string): Promise<ReviewTaskView[]> {
  const { tasks } = await api<{ tasks: ReviewTaskView[] }>(world.registry, world.admin, 'GET', '/v1/tasks');
  return tasks.filter((t) => t.expertId === expertId);
}

/** An admin move on a task; the status says whether the registry took it (409 once the task is no longer open). */
export async function adminMove(world: ModelWorld, taskId: string, move: 'withdraw' | 'reassign', reason: string): Promise<number> {
  const response = await fetch(new URL(`/v1/tasks/${taskId}/${move}`, world.registry.url), {
    method: 'POST', headers: { authorization: `Bearer ${world.admin}`, 'content-type': 'application/json' }, body: JSON.stringify({ reason }),
  });
  await response.arrayBuffer();
  return response.status;
}

/** Decisions the registry stored per task (read from its SQLite file, read-only): an applied decision is there once. */
export function registryDecisionCounts(dataDir: string, taskIds: readonly string[]): Map<string, number> {
  const db = new Database(join(dataDir, 'registry.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const count = db.prepare('SELECT COUNT(*) AS n FROM decisions WHERE task_id = ?');
    return new Map(taskIds.map((id) => [id, (count.get(id) as { n: number }).n]));
  } finally {
    db.close();
  }
}
