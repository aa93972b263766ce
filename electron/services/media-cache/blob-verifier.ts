import { stat, unlink } from 'node:fs/promises';
import type { Database } from 'better-sqlite3';
import { blobPaths } from './blob-paths';
import { sha256OfFile } from './hash-file';

export type BlobCheck = 'ok' | 'missing' | 'corrupt';

interface FileIdentity {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

/**
 * Checks a cached blob before it is handed to the player (DESIGN §7 "integrity re-checked on open").
 *
 * The size against the index is checked on every open (a stat: free). The sha256 is checked once per process per
 * blob: a 1080p proxy is hundreds of MB, and re-hashing it every time the expert opens the task would stall the
 * review screen for seconds. After one verified hash (or a verified download in this process) the file's identity
 * (size, mtime, ctime, inode) is remembered, and the blob is hashed again only when that identity changes — any
 * write through the file system (a truncation, an editor, a partial copy, another program replacing the file)
 * changes it. What this does not catch within one process is silent media decay that leaves metadata untouched;
 * the next start of the app hashes again, which bounds how long such a file can go unnoticed.
 */
export class BlobVerifier {
  private readonly verified = new Map<string, FileIdentity>();
  private readonly checking = new Map<string, Promise<BlobCheck>>();
  /** Full hashes run by this verifier (diagnostics, and how tests see that a repeat open did not re-hash). */
  hashCount = 0;

  constructor(
    private readonly db: () => Database,
    private readonly root: string,
  ) {}

  /** Concurrent checks of one blob (the list and the screen opening at once) share one hash. */
  check(sha256: string): Promise<BlobCheck> {
    const running = this.checking.get(sha256);
    if (running) return running;
    const job = this.run(sha256).finally(() => this.checking.delete(sha256));
    this.checking.set(sha256, job);
    return job;
  }

  /** A blob this process just downloaded was hashed on the way in; no need to hash it again on first open. */
  async remember(sha256: string): Promise<void> {
    const identity = await this.identity(sha256);
    if (identity) this.verified.set(sha256, identity);
  }

  /** Index row first: a crash between the two leaves an orphan file (overwritten by the next fetch), never a row without a file. */
  async drop(sha256: string): Promise<void> {
    this.verified.delete(sha256);
    this.db().prepare('DELETE FROM media_blobs WHERE sha256 = ?').run(sha256);
    await unlink(blobPaths(this.root, sha256).final).catch(() => undefined);
  }

  private async run(sha256: string): Promise<BlobCheck> {
    const row = this.db().prepare('SELECT size FROM media_blobs WHERE sha256 = ?').get(sha256) as { size: number } | undefined;
    if (!row) return 'missing';
    const identity = await this.identity(sha256);
    if (!identity) return 'missing';
    if (identity.size !== row.size) {
      this.verified.delete(sha256);
      return 'corrupt';
    }
    const seen = this.verified.get(sha256);
    if (seen && sameIdentity(seen, identity)) return 'ok';
    this.hashCount += 1;
    if ((await sha256OfFile(blobPaths(this.root, sha256).final)) !== sha256) {
      this.verified.delete(sha256);
      return 'corrupt';
    }
    this.verified.set(sha256, identity);
    return 'ok';
  }

  private async identity(sha256: string): Promise<FileIdentity | null> {
    try {
      const s = await stat(blobPaths(this.root, sha256).final);
      return { size: s.size, mtimeMs: s.mtimeMs, ctimeMs: s.ctimeMs, ino: s.ino };
    } catch {
      return null;
    }
  }
}

const sameIdentity = (a: FileIdentity, b: FileIdentity): boolean =>
  a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino;
