import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkstationStore } from '../../electron/services/db/store';
import { blobPaths } from '../../electron/services/media-cache/blob-paths';
import { prepareUpload, runUpload } from '../../electron/services/media-cache/upload-blob';
import { SyncEngine } from '../../electron/services/sync/sync-engine';
import { EXPERT_PASSWORD, startRegistry, type LiveRegistry } from '../integration/sync/support/registry';
import { registryOps } from '../integration/sync/support/registry-ops';
import { openWorkstation } from '../integration/sync/support/workstation-dir';
import { drain } from './support/drain';
import { seededRandom } from './support/seeded-random';

const CYCLES = Number(process.env.OSEA_KILL_CYCLES ?? 200);
const SEED = Number(process.env.OSEA_SEED ?? Date.now() % 1_000_000);
const SECRET = 'kill-loop-secret';
const ROOT = join(import.meta.dirname, '../..');

describe('kill -9 loop of a real sync worker process', () => {
  let registry: LiveRegistry;
  let childScript: string;
  beforeAll(async () => {
    registry = await startRegistry();
    await registry.createAccount('expert41');
    // Bundled once, so each cycle pays a plain `node` start instead of a TypeScript loader.
    const outDir = join(ROOT, 'node_modules/.cache/osea-reliability');
    mkdirSync(outDir, { recursive: true });
    childScript = join(outDir, `sync-worker-child-${process.pid}.mjs`);
    buildSync({
      entryPoints: [join(import.meta.dirname, 'support/sync-worker-child.ts')], bundle: true, platform: 'node', format: 'esm',
      target: 'node20', outfile: childScript, external: ['better-sqlite3'], logLevel: 'error',
    });
  });
  afterAll(async () => {
    rmSync(childScript, { force: true });
    await registry.stop();
  });

  it(`${CYCLES} cycles: no acknowledged op lost, none applied twice, store intact, no partial file complete (seed ${SEED})`, async () => {
    const random = seededRandom(SEED);
    const key = createHash('sha256').update(SECRET).digest();
    const ws = openWorkstation(registry.url, { key });
    await ws.session.signIn('expert41', EXPERT_PASSWORD);
    const profileId = ws.session.requireActive().id;
    ws.store.db().exec('CREATE TABLE kill_notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)');
    // An 8 MB blob in the registry for the worker to download (and be killed in the middle of).
    const blob = randomBytes(8 * 1024 * 1024);
    const sha = createHash('sha256').update(blob).digest('hex');
    writeFileSync(join(ws.dir, 'blob.bin'), blob);
    const admin = await registry.adminToken();
    const job = await prepareUpload(() => ws.store.db(), profileId, join(ws.dir, 'blob.bin'));
    await runUpload(job, { db: () => ws.store.db(), registryUrl: () => registry.url, accessToken: async () => admin, profileId, metadata: { kind: 'data' } });
    ws.close();

    const acked = new Set<string>();
    let killedWithPart = 0;
    let startupMs = 0;
    for (let cycle = 0; cycle < CYCLES; cycle += 1) {
      const child = spawn(process.execPath, [childScript], {
        cwd: ROOT,
        env: { ...process.env, OSEA_DATA_DIR: ws.dir, OSEA_PROFILE_ID: profileId, OSEA_SECRET_KEY: SECRET, OSEA_BLOB_SHA: sha },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      let err = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      const spawnedAt = Date.now();
      await new Promise<void>((resolve) => {
        const check = () => (out.includes('ready\n') ? resolve() : undefined);
        child.stdout.on('data', check);
        void exited.then(() => resolve());
      });
      startupMs += Date.now() - spawnedAt;
      await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 300)));
      child.kill('SIGKILL');
      const code = await exited;
      expect(code, `cycle ${cycle} seed ${SEED}: worker died on its own: ${err}`).toBeNull();
      for (const line of out.split('\n')) if (line.startsWith('ack ')) acked.add(line.slice(4));

      const store = WorkstationStore.open(ws.dir);
      try {
        expect(store.status().state, `cycle ${cycle} seed ${SEED}`).toBe('ok');
        const db = store.db();
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        const ids = new Set((db.prepare('SELECT op_id FROM outbox').all() as { op_id: string }[]).map((r) => r.op_id));
        for (const id of acked) expect(ids.has(id), `cycle ${cycle} seed ${SEED}: acked op ${id} lost`).toBe(true);
        const seqs = db.prepare('SELECT MIN(seq) AS lo, MAX(seq) AS hi, COUNT(*) AS n FROM outbox').get() as { lo: number; hi: number; n: number };
        expect(seqs.n === 0 || (seqs.lo === 1 && seqs.hi === seqs.n)).toBe(true);
        // A listed blob is always whole and correct; a .part may exist but is never listed.
        const paths = blobPaths(join(ws.dir, 'media'), sha);
        if (db.prepare('SELECT 1 FROM media_blobs WHERE sha256 = ?').get(sha)) {
          expect(createHash('sha256').update(readFileSync(paths.final)).digest('hex')).toBe(sha);
        }
        if (existsSync(paths.part)) killedWithPart += 1;
      } finally {
        store.close();
      }
    }

    // Quiet: drain what is left, then the registry must hold exactly the client's ops, each once.
    const final = openWorkstation(registry.url, { dir: ws.dir, key });
    try {
      const engine = new SyncEngine({ db: () => final.store.db(), profiles: final.profiles, tokens: final.session.tokens, backoff: { baseMs: 2, capMs: 10 } });
      engine.queue.resetInflight(profileId);
      expect(await drain(engine, profileId)).toBe(true);
      const local = (final.store.db().prepare('SELECT op_id FROM outbox WHERE profile_id = ? ORDER BY seq').all(profileId) as { op_id: string }[]).map((r) => r.op_id);
      const device = final.profiles.find(profileId)!.device_id;
      const remote = registryOps(registry.dataDir, device).map((r) => r.op_id);
      expect(remote, `seed ${SEED}`).toEqual(local);
      expect(new Set(remote).size).toBe(remote.length);
      for (const id of acked) expect(remote.includes(id)).toBe(true);
      expect(acked.size).toBeGreaterThan(0);
      // The kills must have landed mid-download too (a .part left behind), or "no partial file complete" proved nothing.
      expect(killedWithPart, `seed ${SEED}`).toBeGreaterThan(0);
      console.log(JSON.stringify({ cycles: CYCLES, seed: SEED, acked: acked.size, ops: local.length, killedWithPart, meanStartupMs: Math.round(startupMs / CYCLES) }));
    } finally {
      final.remove();
    }
  }, 600_000);
});
