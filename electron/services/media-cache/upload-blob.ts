import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Database } from 'better-sqlite3';
import { Upload } from 'tus-js-client';
import { sha256OfFile } from './hash-file';

export interface UploadJob {
  id: string;
  sha256: string;
  size: number;
}

export interface UploadOptions {
  db: () => Database;
  registryUrl: () => string;
  accessToken: () => Promise<string | null>;
  profileId: string;
  /** tus metadata besides the sha256 (e.g. kind: 'video'). */
  metadata?: Record<string, string>;
  onProgress?: (bytes: number, total: number) => void;
  chunkSize?: number;
  retryDelays?: number[];
}

export class UploadError extends Error {
  constructor(readonly code: 'hashMismatch' | 'failed', message: string) {
    super(message);
    this.name = 'UploadError';
  }
}

/** Hashes the file and records the upload, so a crash before the first byte still leaves a resumable row. */
export async function prepareUpload(db: () => Database, profileId: string, filePath: string): Promise<UploadJob> {
  const { size } = await stat(filePath);
  const sha256 = await sha256OfFile(filePath);
  const existing = db().prepare("SELECT id FROM uploads WHERE profile_id = ? AND sha256 = ? AND file_path = ? AND state IN ('pending', 'uploading')")
    .get(profileId, sha256, filePath) as { id: string } | undefined;
  if (existing) return { id: existing.id, sha256, size };
  const id = randomUUID();
  db().prepare("INSERT INTO uploads (id, profile_id, file_path, sha256, size, state, created_at) VALUES (?, ?, ?, ?, ?, 'pending', ?)")
    .run(id, profileId, filePath, sha256, size, new Date().toISOString());
  return { id, sha256, size };
}

/**
 * Runs (or resumes) one tus upload. The upload URL is stored as soon as the registry creates it, so after a crash or
 * restart the same upload continues from the registry's offset instead of starting again. On completion the sha256
 * the registry computed (Upload-Sha256) must equal ours; anything else is a failed upload, never a silent success.
 */
export async function runUpload(job: UploadJob, options: UploadOptions): Promise<void> {
  const row = options.db().prepare('SELECT file_path, upload_url FROM uploads WHERE id = ?').get(job.id) as { file_path: string; upload_url: string | null } | undefined;
  if (!row) throw new UploadError('failed', `no upload ${job.id}`);
  if ((await sha256OfFile(row.file_path)) !== job.sha256) {
    options.db().prepare("UPDATE uploads SET state = 'failed', error = 'fileChanged' WHERE id = ?").run(job.id);
    throw new UploadError('hashMismatch', 'the file changed since it was prepared');
  }
  const token = await options.accessToken();
  let registryHash: string | undefined;
  options.db().prepare("UPDATE uploads SET state = 'uploading' WHERE id = ?").run(job.id);
  try {
    await new Promise<void>((resolve, reject) => {
      const upload: Upload = new Upload(createReadStream(row.file_path) as unknown as Buffer, {
        // tus-js-client's Node FileSource accepts an fs.ReadStream and reopens it at any offset; its typings say Buffer.
        endpoint: new URL('/v1/uploads', options.registryUrl()).toString(),
        uploadUrl: row.upload_url,
        uploadSize: job.size,
        chunkSize: options.chunkSize ?? 8 * 1024 * 1024,
        retryDelays: options.retryDelays ?? [0, 1000, 3000, 5000, 10000],
        metadata: { ...options.metadata, sha256: job.sha256 },
        headers: token ? { authorization: `Bearer ${token}` } : {},
        storeFingerprintForResuming: false,
        onUploadUrlAvailable: () => {
          options.db().prepare('UPDATE uploads SET upload_url = ? WHERE id = ?').run(upload.url, job.id);
        },
        onAfterResponse: (_req, res) => {
          registryHash = res.getHeader('Upload-Sha256') ?? registryHash;
        },
        onProgress: (bytes, total) => options.onProgress?.(bytes, total),
        onSuccess: () => resolve(),
        onError: (error) => reject(error),
      });
      upload.start();
    });
  } catch (error) {
    options.db().prepare("UPDATE uploads SET state = 'pending', error = ? WHERE id = ?").run(String((error as Error).message).slice(0, 500), job.id);
    throw new UploadError('failed', (error as Error).message);
  }
  // A resumed upload that had already finished gets no final PATCH (and no Upload-Sha256): the registry only lists
  // a blob after re-hashing it, so its presence under our sha256 is the same proof.
  if (registryHash === undefined && (await registryHasBlob(options, job.sha256, token))) registryHash = job.sha256;
  if (registryHash !== job.sha256) {
    options.db().prepare("UPDATE uploads SET state = 'failed', error = ? WHERE id = ?").run(`registry hash ${registryHash ?? 'missing'}`, job.id);
    throw new UploadError('hashMismatch', `the registry reports ${registryHash ?? 'no hash'} for ${job.sha256}`);
  }
  options.db().prepare("UPDATE uploads SET state = 'verified', completed_at = ?, error = NULL WHERE id = ?").run(new Date().toISOString(), job.id);
}

async function registryHasBlob(options: UploadOptions, sha256: string, token: string | null): Promise<boolean> {
  try {
    const response = await fetch(new URL(`/v1/blobs/${sha256}`, options.registryUrl()), {
      method: 'HEAD', headers: token ? { authorization: `Bearer ${token}` } : {}, signal: AbortSignal.timeout(15_000),
    });
    return response.status === 200 && response.headers.get('etag') === `"${sha256}"`;
  } catch {
    return false;
  }
}
