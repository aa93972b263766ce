import type { Kysely } from 'kysely';

/** Aggregation reads a round's decisions after every submitted decision; without this it scans them all. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('decisions_submission_round').on('decisions').columns(['submission_id', 'round']).execute();
  await db.schema.createIndex('expert_keys_account').on('expert_keys').column('account_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('expert_keys_account').execute();
  await db.schema.dropIndex('decisions_submission_round').execute();
}
