/**
 * Blob Range serving (issue 3): a real registry on loopback serves a 64 MiB blob as 1 MiB Range requests, in order,
 * as the workstation's resumable download reads it; compared with reading the same byte ranges from the file
 * directly. The ratio says how much of the disk's speed survives HTTP, auth and Range handling (1 = all of it).
 */
import { randomBytes, createHash } from 'node:crypto';
import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildRegistry } from '../../registry/server';
import { mediaDb } from '../../registry/media/media-tables';
import { emit, median, timeMs } from './figures';

const SIZE = 64 * 1024 * 1024;
const CHUNK = 1024 * 1024;
const RUNS = 5;

const dataDir = await mkdtemp(join(tmpdir(), 'osea-range-bench-'));
const app = await buildRegistry({ dataDir, log: false, bootstrapAdmin: { username: 'admin', password: 'bench-password-1' } });
try {
  const bytes = randomBytes(SIZE);
  const sha = createHash('sha256').update(bytes).digest('hex');
  const upload = join(dataDir, 'upload.bin');
  await writeFile(upload, bytes);
  const path = await app.media.blobs.adopt(upload, sha);
  await mediaDb(app.registry.db)
    .insertInto('media_blobs')
    .values({ sha256: sha, size_bytes: SIZE, content_type: 'application/octet-stream', origin: 'upload', uploaded_by: null, created_at: new Date().toISOString() })
    .execute();

  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const signIn = await fetch(`${base}/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'bench-password-1' }),
  });
  const { accessToken } = (await signIn.json()) as { accessToken: string };

  const overHttp = async (): Promise<void> => {
    for (let start = 0; start < SIZE; start += CHUNK) {
      const response = await fetch(`${base}/v1/blobs/${sha}`, {
        headers: { authorization: `Bearer ${accessToken}`, range: `bytes=${start}-${start + CHUNK - 1}`, 'if-range': `"${sha}"` },
      });
      const body = await response.arrayBuffer();
      if (response.status !== 206 || body.byteLength !== CHUNK) throw new Error(`range ${start}: ${response.status} ${body.byteLength}`);
    }
  };
  const fromFile = async (): Promise<void> => {
    const handle = await open(path, 'r');
    try {
      const buffer = Buffer.alloc(CHUNK);
      for (let start = 0; start < SIZE; start += CHUNK) {
        const { bytesRead } = await handle.read(buffer, 0, CHUNK, start);
        if (bytesRead !== CHUNK) throw new Error('short read');
      }
    } finally {
      await handle.close();
    }
  };

  const wholeOverHttp = async (): Promise<void> => {
    const response = await fetch(`${base}/v1/blobs/${sha}`, { headers: { authorization: `Bearer ${accessToken}` } });
    const body = await response.arrayBuffer();
    if (response.status !== 200 || body.byteLength !== SIZE) throw new Error(`whole blob: ${response.status}`);
  };

  await overHttp(); // warm the page cache and the connection pool
  const http: number[] = [];
  const plain: number[] = [];
  const whole: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    http.push(await timeMs(overHttp));
    whole.push(await timeMs(wholeOverHttp));
    plain.push(await timeMs(fromFile));
  }
  const mib = SIZE / (1024 * 1024);
  const httpRate = mib / (median(http) / 1000);
  const plainRate = mib / (median(plain) / 1000);
  emit('media blob range serving throughput', httpRate, 'MiB/s', { rangeBytes: CHUNK });
  emit('media blob plain file read throughput', plainRate, 'MiB/s', { rangeBytes: CHUNK });
  emit('media blob range vs plain read ratio', httpRate / plainRate, 'ratio');
  emit('media blob whole-file serving throughput', mib / (median(whole) / 1000), 'MiB/s');
} finally {
  await app.close();
  await rm(dataDir, { recursive: true, force: true });
}
