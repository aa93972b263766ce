import type { Kysely } from 'kysely';
import type { RegistryDb } from '../db/connection';

/** Tables of migration 0100_media (kept here, with the module that owns them). */
export type MediaBlobsTable = {
  sha256: string;
  size_bytes: number;
  content_type: string;
  /** 'upload' (an original over tus) | 'proxy' | 'frame_table' (made by ingest) */
  origin: string;
  uploaded_by: string | null;
  created_at: string;
};

export type IngestJobsTable = {
  source_sha256: string;
  /** queued | running | done | rejected | failed */
  state: string;
  attempts: number;
  reason: string | null;
  detail: string | null;
  proxy_sha256: string | null;
  frame_table: string | null;
  /** sha256 of frames.json stored as a blob (migration 0101); null before it and until done */
  frame_table_sha256: string | null;
  queued_at: string;
  updated_at: string;
};

export type MediaTables = {
  media_blobs: MediaBlobsTable;
  ingest_jobs: IngestJobsTable;
};

export type MediaDb = Kysely<MediaTables>;

export const mediaDb = (db: RegistryDb): MediaDb => db.withTables<MediaTables>() as unknown as MediaDb;
