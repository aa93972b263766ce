/**
 * Media transfer figures, each as a ratio to the standard tool in the same run on the same bytes:
 * - sync_download_vs_curl: our resumable, hashing, fsyncing download of a blob from a real registry process divided
 *   by `curl -o` of the same URL (throughput ratio; ≥ 0.8 is the target).
 * - sync_download_vs_curl_openssl_sync (context): the same against the standard tools doing the same durable work in
 *   turn — `curl -o`, `openssl dgst -sha256` of the file, `sync FILE` — since curl alone neither hashes nor fsyncs.
 * - sync_hash_vs_sha256sum: our streaming sha256 of a file divided by `sha256sum` of it (speed ratio).
 * OSEA_BENCH_BLOB_MB sets the size (default 64). The first downloads of a process run cold (JIT, the hash worker
 * starting, allocator growth) and took 2–3× the steady time; a workstation downloads many blobs in one long-lived
 * process, so WARMUP rounds of both tools run untimed first and the medians come from RUNS interleaved rounds.
 */
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { downloadBlob } from '../../electron/services/media-cache/download-blob';
import { sha256OfFile } from '../../electron/services/media-cache/hash-file';
import { prepareUpload, runUpload } from '../../electron/services/media-cache/upload-blob';
import { startRegistry } from '../integration/sync/support/registry';
import { openWorkstation } from '../integration/sync/support/workstation-dir';
import { emit, median, timeMs } from './figures';

const MB = Number(process.env.OSEA_BENCH_BLOB_MB ?? 64);
const WARMUP = 2;
const RUNS = 9;
const registry = await startRegistry();
const ws = openWorkstation(registry.url);
const scratch = mkdtempSync(join(tmpdir(), 'osea-bench-transfer-'));
try {
  const bytes = randomBytes(MB * 1024 * 1024);
  const sha = createHash('sha256').update(bytes).digest('hex');
  const file = join(scratch, 'blob.bin');
  writeFileSync(file, bytes);
  const admin = await registry.adminToken();
  ws.store.db().prepare(`INSERT INTO profiles (id, registry_url, username, account_id, display_name, roles, verifier, device_id,
    signing_key, public_key_spki, key_id, created_at, last_online_at) VALUES ('bench', ?, 'admin', 'a', 'a', '[]', 'v', 'd', x'00', 'k', 'k', 'n', 'n')`).run(registry.url);
  const job = await prepareUpload(() => ws.store.db(), 'bench', file);
  await runUpload(job, { db: () => ws.store.db(), registryUrl: () => registry.url, accessToken: async () => admin, profileId: 'bench', metadata: { kind: 'data' } });
  const url = `${registry.url}/v1/blobs/${sha}`;

  const ours: number[] = [];
  const curl: number[] = [];
  const curlDurable: number[] = [];
  const tool = (command: string, args: string[]): void => {
    const result = spawnSync(command, args);
    if (result.status !== 0) throw new Error(`${command}: ${result.stderr.toString()}`);
  };
  for (let run = 0; run < WARMUP + RUNS; run += 1) {
    const root = join(scratch, `ours-${run}`);
    const oursMs = await timeMs(() => downloadBlob({ url, token: admin, sha256: sha, root }));
    const out = join(scratch, `curl-${run}.bin`);
    const curlMs = await timeMs(() => tool('curl', ['-sS', '--fail', '-H', `authorization: Bearer ${admin}`, '-o', out, url]));
    const finishMs = await timeMs(() => {
      tool('openssl', ['dgst', '-sha256', out]);
      tool('sync', [out]);
    });
    if (run >= WARMUP) {
      ours.push(oursMs);
      curl.push(curlMs);
      curlDurable.push(curlMs + finishMs);
    }
    rmSync(root, { recursive: true, force: true });
    rmSync(out, { force: true });
  }
  emit('sync_download_vs_curl', median(curl) / median(ours), 'ratio', {
    mb: MB, oursMBps: Number((MB / (median(ours) / 1000)).toFixed(1)), curlMBps: Number((MB / (median(curl) / 1000)).toFixed(1)),
  });
  emit('sync_download_vs_curl_openssl_sync', median(curlDurable) / median(ours), 'ratio', { mb: MB });

  const hashOurs: number[] = [];
  const hashTool: number[] = [];
  await sha256OfFile(file); // warm the page cache for both
  for (let run = 0; run < 3; run += 1) {
    hashOurs.push(await timeMs(async () => {
      if ((await sha256OfFile(file)) !== sha) throw new Error('hash differs');
    }));
    hashTool.push(await timeMs(() => {
      const result = spawnSync('sha256sum', [file]);
      if (!result.stdout.toString().startsWith(sha)) throw new Error('sha256sum differs');
    }));
  }
  emit('sync_hash_vs_sha256sum', median(hashTool) / median(hashOurs), 'ratio', {
    mb: MB, oursMBps: Number((MB / (median(hashOurs) / 1000)).toFixed(1)), sha256sumMBps: Number((MB / (median(hashTool) / 1000)).toFixed(1)),
  });
} finally {
  ws.remove();
  rmSync(scratch, { recursive: true, force: true });
  await registry.stop();
}
