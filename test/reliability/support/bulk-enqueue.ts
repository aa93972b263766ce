import type { Database } from 'better-sqlite3';
import { enqueue } from '../../../electron/services/sync/outbox';

/** Enqueues `count` conflict declarations in transactions of `perTransaction` (as many domain writes would). */
export function bulkEnqueue(db: Database, profileId: string, count: number, perTransaction = 500, label = 'op'): string[] {
  const ids: string[] = [];
  for (let done = 0; done < count; done += perTransaction) {
    db.transaction(() => {
      for (let i = done; i < Math.min(count, done + perTransaction); i += 1) {
        ids.push(enqueue(db, profileId, 'task.declareConflict', { taskId: `${label}-${i}`, reason: '回避' }, null).opId);
      }
    })();
  }
  return ids;
}
