import { mkdir, open, rename, stat, truncate, unlink } from 'node:fs/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { blobPaths } from './blob-paths';
import { hashGrowingFile, type GrowingFileHasher } from './growing-file-hasher';
import { PartWriter } from './part-writer';

export interface TransferProgress {
  sha256: string;
  bytes: number;
  total: number;
  /** bytes per second over this attempt */
  rate: number;
  etaSeconds: number | null;
}

export class DownloadError extends Error {
  constructor(readonly code: 'network' | 'http' | 'hashMismatch' | 'sizeMismatch' | 'badResponse', message: string, readonly retryable: boolean) {
    super(message);
    this.name = 'DownloadError';
  }
}

export interface DownloadRequest {
  url: string;
  token?: string | undefined;
  sha256: string;
  root: string;
  onProgress?: (progress: TransferProgress) => void;
  signal?: AbortSignal;
  /** No byte for this long → the attempt fails (and resumes later). */
  idleTimeoutMs?: number;
}

export interface DownloadOutcome {
  path: string;
  size: number;
  /** Bytes fetched in this call (a resumed download fetches only the rest). */
  fetched: number;
  resumedFrom: number;
}

/**
 * Downloads one content-addressed blob into `<sha>.part`, resuming from the part's length with
 * `Range: bytes=N-` + `If-Range: "<sha256>"` (the registry's strong ETag). The bytes are hashed as they arrive (on a worker thread, from the
 * written part, kept prefix included); only a file whose sha256 matches is fsynced and renamed to its final name,
 * and the directory is fsynced so the rename survives a power cut. A mismatch deletes the part: the next attempt
 * starts from zero. A `.part` is never mistaken for a complete file, because only the rename makes one.
 */
export async function downloadBlob(req: DownloadRequest): Promise<DownloadOutcome> {
  const paths = blobPaths(req.root, req.sha256);
  await mkdir(paths.dir, { recursive: true });
  const have = await stat(paths.part).then((s) => s.size, () => 0);
  const response = await get(req, have);
  let offset = 0;
  let total: number;
  if (response.statusCode === 206 && have > 0) {
    const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(response.headers['content-range'] ?? '');
    if (!range || Number(range[1]) !== have) {
      response.resume();
      throw new DownloadError('badResponse', `unexpected content-range ${response.headers['content-range'] ?? 'none'}`, true);
    }
    offset = have;
    total = Number(range[3]);
  } else if (response.statusCode === 200) {
    // Full body: the server ignored the range or the validator changed; the kept part is worthless.
    total = Number(response.headers['content-length'] ?? NaN);
    await truncate(paths.part, 0).catch(() => undefined);
  } else if (response.statusCode === 416 && have > 0) {
    response.resume();
    await unlink(paths.part).catch(() => undefined);
    throw new DownloadError('badResponse', 'the kept part is longer than the blob; starting over', true);
  } else {
    response.resume();
    const status = response.statusCode ?? 0;
    throw new DownloadError('http', `status ${status}`, status >= 500 || status === 429 || status === 408);
  }
  if (!Number.isFinite(total) || total < 0) {
    response.resume();
    throw new DownloadError('badResponse', 'no usable length', true);
  }

  let received = 0;
  const started = Date.now();
  let lastReport = 0;
  const report = () => {
    const elapsed = (Date.now() - started) / 1000;
    const rate = elapsed > 0 ? received / elapsed : 0;
    const bytes = offset + received;
    req.onProgress?.({ sha256: req.sha256, bytes, total, rate, etaSeconds: rate > 0 ? (total - bytes) / rate : null });
  };
  // Every byte that arrived before a failure is in the part when the attempt ends (the writer writes each chunk as
  // it comes), so the next attempt resumes after it and no late write can land once it has measured the part.
  // The hash is taken on a worker thread from what is written (the kept prefix first), overlapping the transfer.
  let hasher: GrowingFileHasher | null = null;
  const writer = PartWriter.open(paths.part, offset > 0, (written) => hasher?.advance(offset + written));
  hasher = hashGrowingFile(paths.part);
  hasher.advance(offset);
  try {
    for await (const chunk of response as AsyncIterable<Buffer>) {
      received += chunk.length;
      if (offset + received > total) throw new DownloadError('sizeMismatch', 'more bytes than announced', true);
      writer.push(chunk);
      const now = Date.now();
      if (now - lastReport > 250) {
        lastReport = now;
        report();
      }
    }
    if (offset + received !== total) throw new DownloadError('network', `body ended at ${offset + received} of ${total}`, true);
  } catch (failure) {
    response.destroy();
    hasher.abandon();
    await writer.close().catch(() => undefined);
    if (failure instanceof DownloadError) throw failure;
    throw new DownloadError('network', `interrupted at ${offset + received} of ${total}: ${(failure as Error).message}`, true);
  }
  report();
  let digest: string;
  try {
    [digest] = await Promise.all([hasher.digest(total), writer.sync()]);
  } finally {
    await writer.close();
  }
  if (digest !== req.sha256) {
    await unlink(paths.part).catch(() => undefined);
    throw new DownloadError('hashMismatch', 'downloaded bytes do not hash to the requested sha256', true);
  }
  await rename(paths.part, paths.final);
  await fsyncPath(paths.dir);
  return { path: paths.final, size: total, fetched: received, resumedFrom: offset };
}

function get(req: DownloadRequest, have: number): Promise<IncomingMessage> {
  const url = new URL(req.url);
  const headers: Record<string, string> = { 'accept-encoding': 'identity' };
  if (req.token) headers.authorization = `Bearer ${req.token}`;
  if (have > 0) {
    headers.range = `bytes=${have}-`;
    headers['if-range'] = `"${req.sha256}"`;
  }
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const outgoing = send(url, { method: 'GET', headers, ...(req.signal ? { signal: req.signal } : {}) }, (response) => {
      response.setTimeout(req.idleTimeoutMs ?? 30_000, () => response.destroy(new Error('idle timeout')));
      resolve(response);
    });
    outgoing.setTimeout(req.idleTimeoutMs ?? 30_000, () => outgoing.destroy(new Error('connect timeout')));
    outgoing.on('error', (error) => reject(new DownloadError('network', error.message, true)));
    outgoing.end();
  });
}

export async function fsyncPath(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
