import { createHash, randomBytes } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { blobPaths } from '../../electron/services/media-cache/blob-paths';
import { MediaCache } from '../../electron/services/media-cache/media-cache';
import { prepareUpload, runUpload } from '../../electron/services/media-cache/upload-blob';
import { EXPERT_PASSWORD, startRegistry, type LiveRegistry } from '../integration/sync/support/registry';
import { openWorkstation } from '../integration/sync/support/workstation-dir';
import { startFaultProxy, type Fault } from './support/fault-proxy';
import { seededRandom } from './support/seeded-random';

/** 200 MB by default (the size the issue asks for in CI); OSEA_TRANSFER_MB sets another size (e.g. 1024 for a longer run). */
const SIZE = Number(process.env.OSEA_TRANSFER_MB ?? 200) * 1024 * 1024;
const INTERRUPTIONS = 20;
/** Ceiling for the steps that move the whole blob: 4 minutes at 200 MB (about 20 s alone on a 2-core machine), more for larger runs. */
const BLOB_TIMEOUT = 120_000 + (SIZE / 1024 / 1024) * 600;
const SEED = Number(process.env.OSEA_SEED ?? Date.now() % 1_000_000);

describe('resumable, verified media transfers through a faulty link', () => {
  let registry: LiveRegistry;
  let ws: ReturnType<typeof openWorkstation>;
  let sha256: string;
  let blobBytes: Buffer;

  beforeAll(async () => {
    registry = await startRegistry();
    await registry.createAccount('expert21');
    ws = openWorkstation(registry.url);
    await ws.session.signIn('expert21', EXPERT_PASSWORD);
    // The blob reaches the registry through the workstation's own tus uploader, signed in as an admin.
    blobBytes = randomBytes(SIZE);
    const file = join(ws.dir, 'upload.bin');
    writeFileSync(file, blobBytes);
    sha256 = createHash('sha256').update(blobBytes).digest('hex');
    const admin = await registry.adminToken();
    const job = await prepareUpload(() => ws.store.db(), ws.session.requireActive().id, file);
    expect(job.sha256).toBe(sha256);
    await runUpload(job, { db: () => ws.store.db(), registryUrl: () => registry.url, accessToken: async () => admin, profileId: 'x', metadata: { kind: 'data' } });
    expect(ws.store.db().prepare('SELECT state, upload_url FROM uploads WHERE id = ?').get(job.id)).toMatchObject({ state: 'verified' });
  }, BLOB_TIMEOUT);
  afterAll(async () => {
    ws?.remove();
    await registry?.stop();
  });

  // Each test gets its own cache folder, so it starts from an empty cache index too.
  beforeEach(() => ws.store.db().exec('DELETE FROM media_blobs; DELETE FROM media_refs;'));

  const cacheVia = (url: string, root: string) => new MediaCache({
    db: () => ws.store.db(),
    root,
    registryUrl: () => url,
    accessToken: async () => {
      const t = await ws.session.tokens.accessToken(ws.session.requireActive().id);
      return t.kind === 'token' ? t.token : null;
    },
    maxAttempts: 40,
    backoff: { baseMs: 1, capMs: 5 },
  });

  it(`survives ${INTERRUPTIONS} interruptions at random offsets: sha256 matches, one range request per interruption (seed ${SEED})`, async () => {
    const random = seededRandom(SEED);
    let blobGets = 0;
    const proxy = await startFaultProxy(registry.url, (req): Fault => {
      if (!req.url?.startsWith('/v1/blobs/')) return { kind: 'pass' };
      blobGets += 1;
      return blobGets <= INTERRUPTIONS ? { kind: 'cutAt', bytes: Math.floor(random() * (SIZE / INTERRUPTIONS)) } : { kind: 'pass' };
    });
    const root = mkdtempSync(join(tmpdir(), 'osea-media-'));
    try {
      const cache = cacheVia(proxy.url, root);
      const path = await cache.ensure(sha256, { profileId: ws.session.requireActive().id, taskId: 'task-1' });
      expect(createHash('sha256').update(readFileSync(path)).digest('hex'), `seed ${SEED}`).toBe(sha256);
      const gets = proxy.requests.filter((r) => r.path.startsWith('/v1/blobs/'));
      // One range request per interruption, each resuming from what the .part kept: range starts never go backwards.
      // At most one further request is allowed, for a connection that failed without an injected cut (seen once in a
      // full suite on a loaded machine); the fault log below names every request if that bound is ever exceeded.
      const starts = gets.map((r) => Number(/^bytes=(\d+)-$/.exec(r.range ?? 'bytes=0-')?.[1] ?? 0));
      expect(starts, `seed ${SEED}`).toEqual([...starts].sort((a, b) => a - b));
      expect(gets.filter((r) => r.fault === 'cutAt')).toHaveLength(INTERRUPTIONS);
      expect(gets.length, `seed ${SEED}: ${JSON.stringify(gets.map((g) => [g.range, g.fault]))}`).toBeLessThanOrEqual(INTERRUPTIONS + 2);
      expect(readdirSync(blobPaths(root, sha256).dir)).toEqual([sha256]); // no .part left beside it
      expect(await cache.open(sha256)).toBe(path);
    } finally {
      await proxy.close();
      rmSync(root, { recursive: true, force: true });
    }
  }, BLOB_TIMEOUT);

  it('detects a bit flipped in transit and on disk, and fetches the blob again', async () => {
    let blobGets = 0;
    const proxy = await startFaultProxy(registry.url, (req): Fault => {
      if (!req.url?.startsWith('/v1/blobs/')) return { kind: 'pass' };
      blobGets += 1;
      return blobGets === 1 ? { kind: 'flipBit', at: Math.floor(SIZE / 3) } : { kind: 'pass' };
    });
    const root = mkdtempSync(join(tmpdir(), 'osea-media-'));
    try {
      const cache = cacheVia(proxy.url, root);
      const need = { profileId: ws.session.requireActive().id, taskId: 'task-2' };
      const path = await cache.ensure(sha256, need);
      expect(blobGets).toBe(2);
      expect(createHash('sha256').update(readFileSync(path)).digest('hex')).toBe(sha256);
      // Damage on disk after the fact: opening re-checks, refuses the file and fetches it again.
      const fd = openSync(path, 'r+');
      writeSync(fd, Buffer.from([blobBytes[1234]! ^ 0xff]), 0, 1, 1234);
      closeSync(fd);
      expect(await cache.open(sha256)).toBeNull();
      expect(cache.isCached(sha256)).toBe(false);
      const again = await cache.open(sha256, { refetch: need });
      expect(again).toBe(path);
      expect(createHash('sha256').update(readFileSync(path)).digest('hex')).toBe(sha256);
      expect(blobGets).toBe(3);
    } finally {
      await proxy.close();
      rmSync(root, { recursive: true, force: true });
    }
  }, BLOB_TIMEOUT);

  it('evicts only media whose tasks are done, least recently opened first', async () => {
    const root = mkdtempSync(join(tmpdir(), 'osea-media-'));
    try {
      const cache = cacheVia(registry.url, root);
      const profileId = ws.session.requireActive().id;
      await cache.ensure(sha256, { profileId, taskId: 'open-task' });
      expect(await cache.evict(0)).toEqual([]);
      cache.markTaskDone(profileId, 'open-task');
      expect(await cache.evict(SIZE)).toEqual([]); // within quota: nothing to do
      expect(await cache.evict(0)).toEqual([sha256]);
      expect(cache.isCached(sha256)).toBe(false);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, BLOB_TIMEOUT);
});

describe('resumable uploads', () => {
  let registry: LiveRegistry;
  beforeAll(async () => {
    registry = await startRegistry();
  });
  afterAll(async () => registry.stop());

  it('an upload cut off mid-way resumes from the stored URL in a later run, and the registry hash is checked', async () => {
    const ws = openWorkstation(registry.url);
    let patches = 0;
    const proxy = await startFaultProxy(registry.url, (req): Fault => {
      if (req.method === 'PATCH') {
        patches += 1;
        if (patches === 3) return { kind: 'reset' };
      }
      return { kind: 'pass' };
    });
    try {
      ws.store.db().prepare(`INSERT INTO profiles (id, registry_url, username, account_id, display_name, roles, verifier, device_id,
        signing_key, public_key_spki, key_id, created_at, last_online_at) VALUES ('p', ?, 'admin', 'a', 'a', '[]', 'v', 'd', x'00', 'k', 'k', 'n', 'n')`).run(registry.url);
      const bytes = randomBytes(6 * 1024 * 1024);
      const file = join(ws.dir, 'video.bin');
      writeFileSync(file, bytes);
      const admin = await registry.adminToken();
      const options = { db: () => ws.store.db(), registryUrl: () => proxy.url, accessToken: async () => admin, profileId: 'p', metadata: { kind: 'data' }, chunkSize: 1024 * 1024 };
      const job = await prepareUpload(() => ws.store.db(), 'p', file);
      await expect(runUpload(job, { ...options, retryDelays: [] })).rejects.toMatchObject({ code: 'failed' });
      const row = ws.store.db().prepare('SELECT state, upload_url FROM uploads WHERE id = ?').get(job.id) as { state: string; upload_url: string | null };
      expect(row.state).toBe('pending');
      expect(row.upload_url).toMatch(/\/v1\/uploads\//);
      // A later run (after a restart) finds the same job and continues at the registry's offset.
      const again = await prepareUpload(() => ws.store.db(), 'p', file);
      expect(again.id).toBe(job.id);
      await runUpload(again, options);
      expect(ws.store.db().prepare('SELECT state FROM uploads WHERE id = ?').get(job.id)).toEqual({ state: 'verified' });
      expect(proxy.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
      expect(proxy.requests.filter((r) => r.method === 'HEAD').length).toBeGreaterThanOrEqual(1);
      // Not re-sent from zero: the resumed run sent fewer PATCHes than the whole file needs.
      expect(patches).toBeLessThan(3 + 6);
    } finally {
      await proxy.close();
      ws.remove();
    }
  });
});
