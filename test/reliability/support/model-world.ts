import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { ReviewTaskView } from '../../../shared/contract/registry/domain';
import { uploadAndIngest } from '../../integration/sync/support/ingested-video';
import type { LiveRegistry } from '../../integration/sync/support/registry';
import { api, approveExperts, submissionParty, submitAndAssign, type SubmissionParty } from '../../integration/sync/support/review-world';

/**
 * What every model run shares, made once over the registry's real HTTP API: one video through the real ingest, an
 * institution with a coordinator, a practitioner with a certificate, the example scheme, and one more approved expert
 * so a conflict declaration or an admin reassignment always has someone to hand the task to.
 */
export interface ModelWorld extends SubmissionParty {
  registry: LiveRegistry;
  originalSha256: string;
}

export async function modelWorld(registry: LiveRegistry): Promise<ModelWorld> {
  const originalSha256 = await uploadAndIngest(registry);
  const party = await submissionParty(registry, '赵六');
  const other = await registry.createAccount(`mother${process.pid}`);
  await approveExperts(registry, party.admin, [other]);
  return { registry, ...party, originalSha256 };
}

let expertSerial = 0;

/**
 * A fresh expert for one model run (so the model knows every task the registry holds for them) and `count` real
 * review tasks on the ingested video, each a submission of its own assigned to exactly that expert.
 */
export async function modelExpertWithTasks(world: ModelWorld, count: number): Promise<{ username: string; expertId: string; taskIds: string[] }> {
  const { registry, admin } = world;
  expertSerial += 1;
  const username = `mexpert${process.pid}x${expertSerial}`;
  const expertId = await registry.createAccount(username);
  await approveExperts(registry, admin, [expertId]);
  const video = { originalSha256: world.originalSha256, proxySha256: null, frameTableSha256: null };
  const oneTask = async (): Promise<string> => (await submitAndAssign(registry, world, [expertId], [video])).taskIds.get(expertId)!;
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
