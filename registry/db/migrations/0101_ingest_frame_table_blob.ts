import type { Kysely } from 'kysely';

/**
 * A finished ingest now stores its frames.json as a blob too (content type application/json), so a submission can
 * name its frame table by sha256 and the workstation downloads it like the proxy. Jobs finished before this migration
 * keep null here (their frame table stays in `frame_table`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('ingest_jobs').addColumn('frame_table_sha256', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('ingest_jobs').dropColumn('frame_table_sha256').execute();
}
