import type { Migration } from '../migration';

/**
 * The media cache index (files live under <data>/media/<aa>/<sha256>) and resumable uploads. A blob row exists only
 * once its file was hashed, fsynced and renamed into place; a `.part` file never has a row.
 */
export const m0004MediaCache: Migration = {
  id: 4,
  name: 'media-cache-uploads',
  up(db) {
    db.exec(`
      CREATE TABLE media_blobs (
        sha256          TEXT PRIMARY KEY NOT NULL,
        size            INTEGER NOT NULL,
        stored_at       TEXT NOT NULL,
        last_opened_at  TEXT NOT NULL
      ) STRICT;

      -- Which task needs which blob; eviction only touches blobs every one of whose tasks is done.
      CREATE TABLE media_refs (
        sha256      TEXT NOT NULL,
        profile_id  TEXT NOT NULL,
        task_id     TEXT NOT NULL,
        done        INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
        PRIMARY KEY (sha256, profile_id, task_id)
      ) STRICT;

      CREATE TABLE uploads (
        id            TEXT PRIMARY KEY NOT NULL,
        profile_id    TEXT NOT NULL,
        file_path     TEXT NOT NULL,
        sha256        TEXT NOT NULL,
        size          INTEGER NOT NULL,
        upload_url    TEXT,
        state         TEXT NOT NULL CHECK (state IN ('pending', 'uploading', 'verified', 'failed')),
        error         TEXT,
        created_at    TEXT NOT NULL,
        completed_at  TEXT
      ) STRICT;
    `);
  },
};
