import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blobPaths } from '../../../electron/services/media-cache/blob-paths';
import { DownloadError, downloadBlob } from '../../../electron/services/media-cache/download-blob';

/** A blob server whose first answer is cut after `cutAt` bytes (the socket destroyed), later ones honour Range. */
const BLOB = randomBytes(24 << 20);
const SHA = createHash('sha256').update(BLOB).digest('hex');
let cutAt: number | null = null;
const ranges: string[] = [];
const server: Server = createServer((req, res) => {
  const range = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
  ranges.push(req.headers.range ?? 'none');
  const start = range ? Number(range[1]) : 0;
  const body = BLOB.subarray(start);
  res.writeHead(range ? 206 : 200, {
    'content-length': body.length,
    ...(range ? { 'content-range': `bytes ${start}-${BLOB.length - 1}/${BLOB.length}` } : {}),
  });
  if (cutAt === null) return res.end(body);
  const keep = cutAt;
  cutAt = null;
  res.write(body.subarray(0, keep), () => res.socket?.destroy());
});
let url = '';
let root = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/blob`;
  root = mkdtempSync(join(tmpdir(), 'osea-download-'));
});
afterAll(() => {
  server.close();
  rmSync(root, { recursive: true, force: true });
});

describe('downloadBlob', () => {
  it('keeps every received byte of a cut transfer in the part, settles it before failing, and resumes after it', async () => {
    cutAt = 13 << 20;
    const paths = blobPaths(root, SHA);
    const error = await downloadBlob({ url, sha256: SHA, root }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DownloadError);
    expect((error as DownloadError).code).toBe('network');
    const kept = statSync(paths.part).size;
    expect(kept).toBe(13 << 20); // the server sent exactly this much before closing
    // Nothing lands in the part after the attempt has ended (a late write would corrupt the resumed file).
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(statSync(paths.part).size).toBe(kept);
    expect(readFileSync(paths.part).equals(BLOB.subarray(0, kept))).toBe(true);

    const outcome = await downloadBlob({ url, sha256: SHA, root });
    expect(outcome).toMatchObject({ resumedFrom: kept, fetched: BLOB.length - kept, size: BLOB.length });
    expect(ranges.at(-1)).toBe(`bytes=${kept}-`);
    expect(createHash('sha256').update(readFileSync(outcome.path)).digest('hex')).toBe(SHA);
  });

  it('deletes a part whose bytes do not hash to the asked sha256', async () => {
    const wrong = 'f'.repeat(64);
    const error = await downloadBlob({ url, sha256: wrong, root }).catch((e: unknown) => e);
    expect((error as DownloadError).code).toBe('hashMismatch');
    expect(() => statSync(blobPaths(root, wrong).part)).toThrow();
  });
});
