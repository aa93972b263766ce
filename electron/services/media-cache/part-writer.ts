import { open, type FileHandle } from 'node:fs/promises';

/** More queued than this and the sender should pause; the writer says when it has drained below half. */
const HIGH_WATER = 16 << 20;
/** Written bytes flushed to the disk as the transfer goes, so the final fsync has little left to do. */
const SYNC_EVERY = 16 << 20;
/** Stay well under IOV_MAX (1024) per writev. */
const MAX_IOVECS = 512;

/**
 * Appends received chunks to a `.part` file in arrival order, one `writev` in flight at a time, coalescing whatever
 * arrived meanwhile. Unlike a destroyed fs.WriteStream it never drops queued bytes on a failed transfer and never
 * writes after `close()` has resolved: a resumed attempt that stats the part afterwards sees its final length.
 */
export class PartWriter {
  private queue: Buffer[] = [];
  private queued = 0;
  private flushing: Promise<void> | null = null;
  private failure: Error | null = null;
  private drainWaiters: Array<() => void> = [];
  private written = 0;
  private unsynced = 0;

  private constructor(
    private readonly handle: FileHandle,
    private readonly onWritten: (bytes: number) => void,
  ) {}

  /** `onWritten` hears the count of bytes this writer has put in the file so far, after each write. */
  static async open(path: string, append: boolean, onWritten: (bytes: number) => void = () => undefined): Promise<PartWriter> {
    return new PartWriter(await open(path, append ? 'a' : 'w'), onWritten);
  }

  /** Queues a chunk; false means "pause the source until `drained()` resolves". */
  push(chunk: Buffer): boolean {
    if (this.failure) throw this.failure;
    this.queue.push(chunk);
    this.queued += chunk.length;
    this.flushing ??= this.drainQueue();
    return this.queued < HIGH_WATER;
  }

  drained(): Promise<void> {
    if (this.queued < HIGH_WATER / 2 || this.failure) return Promise.resolve();
    return new Promise((resolve) => this.drainWaiters.push(resolve));
  }

  /** Resolves once everything queued is in the file; rejects if any write failed. */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
    if (this.failure) throw this.failure;
  }

  /** fsync: the file's bytes and length are on the disk. */
  async sync(): Promise<void> {
    await this.flush();
    await this.handle.sync();
  }

  /** Writes everything queued and closes the file (even if a write failed, which it then reports). */
  async close(): Promise<void> {
    try {
      await this.flush();
    } finally {
      await this.handle.close();
    }
  }

  private async drainQueue(): Promise<void> {
    try {
      while (this.queue.length > 0 && !this.failure) {
        const batch = this.queue.splice(0, MAX_IOVECS);
        const bytes = batch.reduce((sum, b) => sum + b.length, 0);
        await this.writeAll(batch, bytes);
        this.queued -= bytes;
        this.written += bytes;
        this.onWritten(this.written);
        this.unsynced += bytes;
        if (this.unsynced >= SYNC_EVERY) {
          // Spreads the disk flush over the transfer instead of one long fsync before the rename.
          this.unsynced = 0;
          await this.handle.datasync();
        }
        if (this.queued < HIGH_WATER / 2) this.releaseWaiters();
      }
    } catch (error) {
      this.failure = error as Error;
      this.queue = [];
      this.queued = 0;
    } finally {
      this.flushing = null;
      this.releaseWaiters();
    }
  }

  /** writev may write less than asked (e.g. a disk filling up): go on from where it stopped, or fail. */
  private async writeAll(batch: Buffer[], bytes: number): Promise<void> {
    let pending = batch;
    let left = bytes;
    for (;;) {
      const { bytesWritten } = await this.handle.writev(pending);
      if (bytesWritten === left) return;
      if (bytesWritten === 0) throw new Error('the disk accepted no bytes');
      pending = [Buffer.concat(pending).subarray(bytesWritten)];
      left -= bytesWritten;
    }
  }

  private releaseWaiters(): void {
    const waiters = this.drainWaiters;
    this.drainWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
