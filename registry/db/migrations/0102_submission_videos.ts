import { sql, type Kysely } from 'kysely';

/**
 * Which submissions name which uploaded original, so the end of an ingest job finds the submissions to update with
 * an index instead of scanning every submission's videos JSON. Filled for existing submissions here.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('submission_videos')
    .addColumn('submission_id', 'text', (c) => c.notNull().references('submissions.id'))
    .addColumn('original_sha256', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('submission_videos_pk', ['submission_id', 'original_sha256'])
    .execute();
  await db.schema.createIndex('submission_videos_original').on('submission_videos').column('original_sha256').execute();

  const rows = await sql<{ id: string; videos: string }>`select id, videos from submissions`.execute(db);
  for (const row of rows.rows) {
    const videos = JSON.parse(row.videos) as Array<{ originalSha256?: unknown }>;
    const shas = [...new Set(videos.map((video) => video.originalSha256).filter((sha): sha is string => typeof sha === 'string'))];
    for (const sha of shas) {
      await sql`insert into submission_videos (submission_id, original_sha256) values (${row.id}, ${sha})`.execute(db);
    }
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('submission_videos').execute();
}
