import type { Database } from 'better-sqlite3';
import { backoffDelay, type BackoffPolicy } from '../sync/backoff';
import { blobPaths } from './blob-paths';
import { BlobVerifier } from './blob-verifier';
import { downloadBlob, DownloadError, type TransferProgress } from './download-blob';

export interface MediaCacheOptions {
  db: () => Database;
  /** <data>/media (app/paths.ts mediaCacheDir). */
  root: string;
  /** Base URL of the registry and a live access token, asked for on every attempt (tokens rotate). */
  registryUrl: () => string;
  accessToken: () => Promise<string | null>;
  maxConcurrent?: number;
  /** Disk budget for cached media; eviction removes blobs whose tasks are all done, least recently opened first. */
  quotaBytes?: () => number;
  /** Attempts per download before `ensure` gives up (the caller may ask again later). */
  maxAttempts?: number;
  backoff?: BackoffPolicy;
  onProgress?: (progress: TransferProgress & { state: 'running' | 'done' | 'failed' }) => void;
  now?: () => Date;
}

export interface BlobNeed {
  profileId: string;
  taskId: string;
}

/**
 * The content-addressed media cache (DESIGN §7): proxies and frame tables of assigned tasks. A blob is listed in
 * media_blobs only after its bytes were verified and renamed into place, so a row always means a whole file.
 */
export class MediaCache {
  private readonly inFlight = new Map<string, Promise<string>>();
  private readonly progress = new Map<string, number>();
  private readonly waiting: (() => void)[] = [];
  private active = 0;
  readonly verifier: BlobVerifier;

  constructor(private readonly options: MediaCacheOptions) {
    this.verifier = new BlobVerifier(options.db, options.root);
  }

  /** Records that a task needs the blob and fetches it unless cached; resolves with the verified file's path. */
  ensure(sha256: string, need: BlobNeed): Promise<string> {
    this.options.db().prepare('INSERT OR IGNORE INTO media_refs (sha256, profile_id, task_id) VALUES (?, ?, ?)').run(sha256, need.profileId, need.taskId);
    if (this.isCached(sha256)) return Promise.resolve(blobPaths(this.options.root, sha256).final);
    const running = this.inFlight.get(sha256);
    if (running) return running;
    const job = this.withSlot(() => this.fetchWithRetries(sha256)).finally(() => {
      this.inFlight.delete(sha256);
      this.progress.delete(sha256);
    });
    this.inFlight.set(sha256, job);
    return job;
  }

  /**
   * The path of a cached blob, verified before it is handed out (see BlobVerifier for when that means a full hash):
   * a file damaged on disk is deleted and fetched again rather than played. Returns null when the blob is not cached
   * and `refetch` is false.
   */
  async open(sha256: string, options: { refetch?: BlobNeed } = {}): Promise<string | null> {
    if ((await this.verifier.check(sha256)) === 'ok') {
      this.touch(sha256);
      return blobPaths(this.options.root, sha256).final;
    }
    await this.forget(sha256);
    return options.refetch ? this.ensure(sha256, options.refetch) : null;
  }

  /**
   * For a task being opened: true when the blob is cached and whole. Otherwise the damaged or absent file is dropped
   * and its download queued in the background, and this resolves false at once, so the screen shows "downloading"
   * instead of waiting for (or playing) the bytes.
   */
  async verifyForTask(sha256: string, need: BlobNeed): Promise<boolean> {
    if ((await this.verifier.check(sha256)) === 'ok') {
      this.touch(sha256);
      return true;
    }
    if (!this.inFlight.has(sha256)) await this.forget(sha256);
    this.queue(sha256, need);
    return false;
  }

  /** The user asked for fresh copies: each blob is dropped (unless already downloading) and queued again. */
  async redownload(sha256s: readonly string[], need: BlobNeed): Promise<string[]> {
    for (const sha256 of sha256s) {
      if (!this.inFlight.has(sha256)) await this.forget(sha256);
      this.queue(sha256, need);
    }
    return [...sha256s];
  }

  /** A background download: its failure is already reported through onProgress('failed') and retried by the next pull. */
  private queue(sha256: string, need: BlobNeed): void {
    this.ensure(sha256, need).catch(() => undefined);
  }

  private touch(sha256: string): void {
    this.options.db().prepare('UPDATE media_blobs SET last_opened_at = ? WHERE sha256 = ?').run(this.nowIso(), sha256);
  }

  isCached(sha256: string): boolean {
    return this.options.db().prepare('SELECT 1 FROM media_blobs WHERE sha256 = ?').get(sha256) !== undefined;
  }

  /** A task finished (decision applied, withdrawn, reassigned): its media become evictable. */
  markTaskDone(profileId: string, taskId: string): void {
    this.options.db().prepare('UPDATE media_refs SET done = 1 WHERE profile_id = ? AND task_id = ?').run(profileId, taskId);
  }

  usedBytes(): number {
    return (this.options.db().prepare('SELECT COALESCE(SUM(size), 0) AS n FROM media_blobs').get() as { n: number }).n;
  }

  /** Frees space down to the quota, never touching a blob that an unfinished task still needs. */
  async evict(quotaBytes = this.options.quotaBytes?.() ?? Number.POSITIVE_INFINITY): Promise<string[]> {
    let used = this.usedBytes();
    const evicted: string[] = [];
    if (used <= quotaBytes) return evicted;
    const candidates = this.options.db().prepare(`SELECT b.sha256, b.size FROM media_blobs b
      WHERE NOT EXISTS (SELECT 1 FROM media_refs r WHERE r.sha256 = b.sha256 AND r.done = 0)
      ORDER BY b.last_opened_at`).all() as { sha256: string; size: number }[];
    for (const blob of candidates) {
      if (used <= quotaBytes || this.inFlight.has(blob.sha256)) continue;
      await this.forget(blob.sha256);
      used -= blob.size;
      evicted.push(blob.sha256);
    }
    return evicted;
  }

  private forget(sha256: string): Promise<void> {
    return this.verifier.drop(sha256);
  }

  /** Percent of a download in progress (for the task list), null when none is running for this blob. */
  progressPercent(sha256: string): number | null {
    return this.inFlight.has(sha256) ? (this.progress.get(sha256) ?? 0) : null;
  }

  private async fetchWithRetries(sha256: string): Promise<string> {
    const maxAttempts = this.options.maxAttempts ?? 8;
    for (let attempt = 1; ; attempt += 1) {
      try {
        const token = await this.options.accessToken();
        const outcome = await downloadBlob({
          url: new URL(`/v1/blobs/${sha256}`, this.options.registryUrl()).toString(),
          token: token ?? undefined,
          sha256,
          root: this.options.root,
          onProgress: (p) => {
            if (p.total > 0) this.progress.set(sha256, (100 * p.bytes) / p.total);
            this.options.onProgress?.({ ...p, state: 'running' });
          },
        });
        this.options.db().prepare('INSERT OR REPLACE INTO media_blobs (sha256, size, stored_at, last_opened_at) VALUES (?, ?, ?, ?)')
          .run(sha256, outcome.size, this.nowIso(), this.nowIso());
        await this.verifier.remember(sha256);
        this.options.onProgress?.({ sha256, bytes: outcome.size, total: outcome.size, rate: 0, etaSeconds: 0, state: 'done' });
        await this.evict();
        return outcome.path;
      } catch (error) {
        const retryable = !(error instanceof DownloadError) || error.retryable;
        if (!retryable || attempt >= maxAttempts) {
          this.options.onProgress?.({ sha256, bytes: 0, total: 0, rate: 0, etaSeconds: null, state: 'failed' });
          throw error;
        }
        const delay = backoffDelay(this.options.backoff ?? { baseMs: 500, capMs: 30_000 }, attempt, null);
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  /** Bounded concurrency: at most `maxConcurrent` downloads share the link; the rest queue in order. */
  private async withSlot<T>(work: () => Promise<T>): Promise<T> {
    if (this.active >= (this.options.maxConcurrent ?? 2)) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active += 1;
    try {
      return await work();
    } finally {
      this.active -= 1;
      this.waiting.shift()?.();
    }
  }

  private nowIso(): string {
    return (this.options.now?.() ?? new Date()).toISOString();
  }
}
