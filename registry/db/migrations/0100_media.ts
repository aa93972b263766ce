import type { Kysely } from 'kysely';

/** Media: stored blobs (uploaded originals and review proxies, by sha256) and the persisted ingest job queue. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('media_blobs')
    .addColumn('sha256', 'text', (c) => c.primaryKey())
    // bigint: originals pass 2 GiB, PostgreSQL's integer does not
    .addColumn('size_bytes', 'bigint', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('ingest_jobs')
    .addColumn('source_sha256', 'text', (c) => c.primaryKey())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('detail', 'text')
    .addColumn('proxy_sha256', 'text')
    .addColumn('frame_table', 'text')
    .addColumn('queued_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ingest_jobs_state').on('ingest_jobs').columns(['state', 'queued_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('ingest_jobs').execute();
  await db.schema.dropTable('media_blobs').execute();
}
