import { Worker } from 'node:worker_threads';

/**
 * sha256 of a file that is still being written, computed on a worker thread that reads back what the writer has
 * already put in the page cache. Hashing 64 MB costs ~40–80 ms of CPU; on the receiving thread it came on top of the
 * transfer, here it overlaps it. One worker serves every download of the process and is kept only while in use.
 *
 * The worker is an inline CommonJS script so it runs unchanged under electron-vite's bundle, tsx and vitest (a file
 * entry would need its own build step in each).
 */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { openSync, readSync, closeSync } = require('node:fs');
const jobs = new Map();
const buffer = Buffer.allocUnsafe(1 << 20);
function drop(id) {
  const job = jobs.get(id);
  if (!job) return;
  jobs.delete(id);
  closeSync(job.fd);
}
parentPort.on('message', (m) => {
  try {
    if (m.type === 'open') {
      jobs.set(m.id, { fd: openSync(m.path, 'r'), hash: createHash('sha256'), done: 0 });
      return;
    }
    if (m.type === 'drop') return drop(m.id);
    const job = jobs.get(m.id);
    if (!job) throw new Error('no such hash job');
    while (job.done < m.upTo) {
      const n = readSync(job.fd, buffer, 0, Math.min(buffer.length, m.upTo - job.done), job.done);
      if (n === 0) throw new Error('the file ended at ' + job.done + ' of ' + m.upTo + ' bytes');
      job.hash.update(buffer.subarray(0, n));
      job.done += n;
    }
    if (m.type === 'digest') {
      drop(m.id);
      parentPort.postMessage({ id: m.id, digest: job.hash.digest('hex') });
    }
  } catch (error) {
    drop(m.id);
    parentPort.postMessage({ id: m.id, error: String(error && error.message || error) });
  }
});
`;

/** The worker is told of new bytes in steps of this much. */
const ADVANCE_STEP = 1 << 20;

type Reply = { id: number; digest?: string; error?: string };

let worker: Worker | null = null;
let nextId = 1;
const waiting = new Map<number, { resolve: (digest: string) => void; reject: (error: Error) => void }>();
let openJobs = 0;

function hashWorker(): Worker {
  if (worker) return worker;
  const started = new Worker(WORKER_SOURCE, { eval: true });
  started.on('message', (reply: Reply) => {
    const waiter = waiting.get(reply.id);
    if (!waiter) return;
    waiting.delete(reply.id);
    if (reply.error !== undefined) waiter.reject(new Error(reply.error));
    else waiter.resolve(reply.digest ?? '');
  });
  const fail = (error: Error) => {
    worker = null;
    for (const waiter of waiting.values()) waiter.reject(error);
    waiting.clear();
  };
  started.on('error', fail);
  started.on('exit', (code) => fail(new Error(`hash worker exited with ${code}`)));
  started.unref();
  worker = started;
  return started;
}

/** The worker keeps the process alive only while a job is open, so an idle cache never blocks exit. */
function track(delta: 1 | -1): void {
  openJobs += delta;
  if (openJobs === 1 && delta === 1) worker?.ref();
  if (openJobs === 0) worker?.unref();
}

export interface GrowingFileHasher {
  /** The file now holds at least this many bytes; hash them when the worker gets to it. */
  advance(length: number): void;
  /** The sha256 of the file's first `length` bytes; ends the job. */
  digest(length: number): Promise<string>;
  /** Ends the job without a digest (the transfer failed). */
  abandon(): void;
}

/** Starts hashing `path` from its first byte; the file must exist. */
export function hashGrowingFile(path: string): GrowingFileHasher {
  const id = nextId++;
  const thread = hashWorker();
  thread.postMessage({ type: 'open', id, path });
  track(1);
  let ended = false;
  let posted = 0;
  const end = () => {
    if (ended) return false;
    ended = true;
    track(-1);
    return true;
  };
  return {
    advance: (length) => {
      // a message per 64 KB chunk would cost more than the hashing it asks for; the digest takes the rest
      if (ended || length - posted < ADVANCE_STEP) return;
      posted = length;
      thread.postMessage({ type: 'advance', id, upTo: length });
    },
    digest: (length) => {
      if (ended) return Promise.reject(new Error('hash job already ended'));
      return new Promise<string>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        thread.postMessage({ type: 'digest', id, upTo: length });
      }).finally(end);
    },
    abandon: () => {
      if (end()) thread.postMessage({ type: 'drop', id });
    },
  };
}
