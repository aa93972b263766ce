import type { Kysely } from 'kysely';

/**
 * Why a review task is in its state (the admin's withdraw/reassign reason, the expert's conflict-of-interest
 * declaration); published in the task's change-feed row as `statusReason`. Null for tasks moved before this existed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('review_tasks').addColumn('status_reason', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('review_tasks').dropColumn('status_reason').execute();
}
