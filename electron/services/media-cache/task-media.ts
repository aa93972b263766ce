import type { Database } from 'better-sqlite3';
import type { MediaCache } from './media-cache';

const SHA = /^[0-9a-f]{64}$/;

/** Every proxy and frame table of this expert's tasks, with whether the task still needs them. */
const NEEDS_SQL = `
SELECT t.entity_id AS taskId, json_extract(t.data, '$.state') AS state, v.value AS video
FROM replica t
JOIN replica s ON s.profile_id = t.profile_id AND s.entity = 'submission' AND s.entity_id = json_extract(t.data, '$.submissionId')
JOIN json_each(s.data, '$.videos') v
WHERE t.profile_id = ? AND t.entity = 'task' AND json_extract(t.data, '$.expertId') = ?
`;

export interface TaskMediaNeed {
  taskId: string;
  active: boolean;
  sha256s: string[];
}

export function taskMediaNeeds(db: Database, profileId: string, accountId: string): TaskMediaNeed[] {
  const rows = db.prepare(NEEDS_SQL).all(profileId, accountId) as { taskId: string; state: string; video: string }[];
  const byTask = new Map<string, TaskMediaNeed>();
  for (const row of rows) {
    const need = byTask.get(row.taskId) ?? { taskId: row.taskId, active: row.state === 'assigned' || row.state === 'in_progress', sha256s: [] };
    let video: unknown;
    try {
      video = JSON.parse(row.video);
    } catch {
      continue;
    }
    for (const key of ['proxySha256', 'frameTableSha256'] as const) {
      const sha = (video as Record<string, unknown> | null)?.[key];
      if (typeof sha === 'string' && SHA.test(sha)) need.sha256s.push(sha);
    }
    byTask.set(row.taskId, need);
  }
  return [...byTask.values()];
}

/**
 * After a pull: fetch what active tasks need (in the background, bounded by the cache), and let the media of
 * finished, withdrawn or reassigned tasks become evictable. Failures are left for the next pull to retry.
 */
export function refreshTaskMedia(cache: MediaCache, db: Database, profileId: string, accountId: string, onError: (error: unknown) => void): void {
  let finished = 0;
  for (const need of taskMediaNeeds(db, profileId, accountId)) {
    if (!need.active) {
      cache.markTaskDone(profileId, need.taskId);
      finished += 1;
      continue;
    }
    for (const sha of need.sha256s) cache.ensure(sha, { profileId, taskId: need.taskId }).catch(onError);
  }
  // Finished tasks free their space now, not only when the next download happens to push the cache over its budget.
  if (finished > 0) cache.evict().catch(onError);
}
