/**
 * Blob Range serving (issue 3): a real registry on loopback serves a 64 MiB blob as 1 MiB Range requests, in order,
 * as the workstation's resumable download reads it; compared with reading the same byte ranges from the file
 * directly. The ratio says how much of the disk's speed survives HTTP, auth and Range handling (1 = all of it).
 * Every request signs in by token and looks the blob up in media_blobs, so SQLite and PostgreSQL are measured side by
 * side (OSEA_BENCH_DIALECTS); the plain read is taken again next to each dialect's runs, on the same machine load.
 */
import { randomBytes, createHash } from 'node:crypto';
import { open, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { mediaDb } from '../../registry/media/media-tables';
import { emit, median, timeMs } from './figures';
import { BENCH_ADMIN, benchDialects, signIn, startBenchRegistry } from './registry-bench-world';

const SIZE = 64 * 1024 * 1024;
const CHUNK = 1024 * 1024;
const RUNS = 5;

const bytes = randomBytes(SIZE);
const sha = createHash('sha256').update(bytes).digest('hex');

for (const dialect of benchDialects()) {
  const registry = await startBenchRegistry(dialect);
  try {
    const { app, url: base } = registry;
    const upload = join(registry.dataDir, 'upload.bin');
    await writeFile(upload, bytes);
    const path = await app.media.blobs.adopt(upload, sha);
    await mediaDb(app.registry.db)
      .insertInto('media_blobs')
      .values({ sha256: sha, size_bytes: SIZE, content_type: 'application/octet-stream', origin: 'upload', uploaded_by: null, created_at: new Date().toISOString() })
      .execute();
    const accessToken = await signIn(base, BENCH_ADMIN.username, BENCH_ADMIN.password);

    const overHttp = async (): Promise<void> => {
      for (let start = 0; start < SIZE; start += CHUNK) {
        const response = await fetch(`${base}/v1/blobs/${sha}`, {
          headers: { authorization: `Bearer ${accessToken}`, range: `bytes=${start}-${start + CHUNK - 1}`, 'if-range': `"${sha}"` },
        });
        const body = await response.arrayBuffer();
        if (response.status !== 206 || body.byteLength !== CHUNK) throw new Error(`${dialect} range ${start}: ${response.status} ${body.byteLength}`);
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
      if (response.status !== 200 || body.byteLength !== SIZE) throw new Error(`${dialect} whole blob: ${response.status}`);
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
    // The machine is shared: the 1-minute load average says how much CPU the figures had to compete for.
    const context = { runs: RUNS, loadavg: loadavg()[0] };
    emit(`media.blob.range_serving.mib_per_s.${dialect}`, httpRate, 'MiB/s', { rangeBytes: CHUNK, blobBytes: SIZE, ...context });
    emit(`media.blob.plain_read.mib_per_s.${dialect}`, plainRate, 'MiB/s', { rangeBytes: CHUNK, blobBytes: SIZE, ...context });
    emit(`media.blob.range_vs_plain_ratio.${dialect}`, httpRate / plainRate, 'ratio', context);
    emit(`media.blob.whole_serving.mib_per_s.${dialect}`, mib / (median(whole) / 1000), 'MiB/s', { blobBytes: SIZE, ...context });
  } finally {
    await registry.close();
  }
}
