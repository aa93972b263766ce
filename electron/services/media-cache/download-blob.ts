import { mkdir, open, rename, stat, truncate, unlink } from 'node:fs/promises';
import { blobPaths } from './blob-paths';
import { requestBlob, UnreadableResponseError, type BlobResponse } from './blob-request';
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
  constructor(readonly code: 'network' | 'http' | 'hashMismatch' | 'badResponse', message: string, readonly retryable: boolean) {
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
  const { status, headers, contentLength } = response.head;
  let offset = 0;
  let total: number;
  if (status === 206 && have > 0) {
    // we asked for everything from `have` on: the range must run from there to the blob's end, and the body (framed
    // by Content-Length, which the request reads exactly) must be that long — so the part ends up exactly `total`
    const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(headers.get('content-range') ?? '');
    if (!range || Number(range[1]) !== have || Number(range[2]) + 1 !== Number(range[3]) || Number(range[3]) - have !== contentLength) {
      response.close();
      throw new DownloadError('badResponse', `unexpected content-range ${headers.get('content-range') ?? 'none'}`, true);
    }
    offset = have;
    total = Number(range[3]);
  } else if (status === 200) {
    // Full body: the server ignored the range or the validator changed; the kept part is worthless.
    total = contentLength;
    await truncate(paths.part, 0).catch(() => undefined);
  } else if (status === 416 && have > 0) {
    response.close();
    await unlink(paths.part).catch(() => undefined);
    throw new DownloadError('badResponse', 'the kept part is longer than the blob; starting over', true);
  } else {
    response.close();
    throw new DownloadError('http', `status ${status}`, status >= 500 || status === 429 || status === 408);
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
    // the sink runs on the socket's read buffer: the chunk is written before the next read reuses it
    await response.readBody((chunk) => {
      received += chunk.length;
      writer.push(chunk);
      const now = Date.now();
      if (now - lastReport > 250) {
        lastReport = now;
        report();
      }
    });
  } catch (failure) {
    response.close();
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

async function get(req: DownloadRequest, have: number): Promise<BlobResponse> {
  const headers: Record<string, string> = { 'Accept-Encoding': 'identity' };
  if (req.token) headers.Authorization = `Bearer ${req.token}`;
  if (have > 0) {
    headers.Range = `bytes=${have}-`;
    headers['If-Range'] = `"${req.sha256}"`;
  }
  try {
    return await requestBlob(new URL(req.url), { headers, idleTimeoutMs: req.idleTimeoutMs ?? 30_000, signal: req.signal });
  } catch (error) {
    // a refused connection, a reset, garbage instead of HTTP: all worth another attempt later
    throw new DownloadError(error instanceof UnreadableResponseError ? 'badResponse' : 'network', (error as Error).message, true);
  }
}

export async function fsyncPath(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
