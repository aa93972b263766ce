import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SyncEngine } from '../../../electron/services/sync/sync-engine';
import { enqueue } from '../../../electron/services/sync/outbox';
import { taskLock } from '../../../electron/services/sync/task-lock';
import { EXPERT_PASSWORD, startRegistry, type LiveRegistry } from './support/registry';
import { registryOps } from './support/registry-ops';
import { api, assignedTasks } from './support/review-world';
import { openWorkstation } from './support/workstation-dir';

const FAST = { baseMs: 5, capMs: 20 };

async function signedIn(registry: LiveRegistry, username: string) {
  const ws = openWorkstation(registry.url);
  await ws.session.signIn(username, EXPERT_PASSWORD);
  const profile = ws.session.requireActive();
  const engine = new SyncEngine({ db: () => ws.store.db(), profiles: ws.profiles, tokens: ws.session.tokens, backoff: FAST });
  const db = ws.store.db();
  db.exec('CREATE TABLE IF NOT EXISTS test_notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)');
  /** A domain write and its op in one transaction, as scoring will do it. */
  const write = (kind: string, payload: unknown, baseVersion: number | null = null) =>
    db.transaction(() => {
      db.prepare('INSERT INTO test_notes (text) VALUES (?)').run(kind);
      return enqueue(db, profile.id, kind, payload, baseVersion);
    })();
  return { ws, profile, engine, write };
}

describe('sync engine against a real registry process', () => {
  let registry: LiveRegistry;
  const ids = new Map<string, string>();
  beforeAll(async () => {
    registry = await startRegistry();
    for (const name of ['expert11', 'expert12', 'expert13', 'expert14', 'expert15']) ids.set(name, await registry.createAccount(name));
  });
  afterAll(async () => registry.stop());

  it('enqueues only inside the domain transaction, and the op rolls back with it', async () => {
    const { ws, profile, write } = await signedIn(registry, 'expert11');
    try {
      const db = ws.store.db();
      expect(() => enqueue(db, profile.id, 'task.declareConflict', { taskId: 'x', reason: 'r' }, null)).toThrow(/inside the domain write transaction/);
      expect(() => db.transaction(() => {
        write('task.declareConflict', { taskId: 'x', reason: 'r' });
        throw new Error('domain write failed');
      })()).toThrow('domain write failed');
      expect(db.prepare('SELECT COUNT(*) AS n FROM outbox').get()).toEqual({ n: 0 });
      expect(db.prepare('SELECT COUNT(*) AS n FROM test_notes').get()).toEqual({ n: 0 });
      const first = write('task.declareConflict', { taskId: 'x', reason: 'r' });
      const second = write('task.declareConflict', { taskId: 'y', reason: 'r' });
      // The failed transaction did not burn a seq: seqs are gap-free, which the registry requires.
      expect([first.seq, second.seq]).toEqual([1, 2]);
    } finally {
      ws.remove();
    }
  });

  it('pushes in seq order, keeps rejections with their reason, and a lost response is replayed, never applied twice', async () => {
    const { ws, profile, engine, write } = await signedIn(registry, 'expert12');
    try {
      for (let i = 0; i < 7; i += 1) write('task.declareConflict', { taskId: `missing-${i}`, reason: '亲属关系' });
      expect(await engine.push(profile.id)).toEqual({ kind: 'progress' });
      expect(await engine.push(profile.id)).toEqual({ kind: 'idle', reached: false });
      expect(engine.queue.counts(profile.id)).toEqual({ pending: 0, inflight: 0, applied: 0, rejected: 7 });
      expect(engine.queue.list(profile.id, ['rejected'], 10).map((op) => op.reason)).toEqual(Array(7).fill('task.notFound'));
      // The registry's answer was lost: the client still thinks the ops are in flight and sends them again.
      ws.store.db().prepare("UPDATE outbox SET state = 'inflight', settled_at = NULL WHERE seq >= 3").run();
      expect(await engine.push(profile.id)).toEqual({ kind: 'progress' });
      const onServer = registryOps(registry.dataDir, profile.device_id);
      expect(onServer.map((op) => op.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
      const local = engine.queue.list(profile.id, ['rejected'], 10).map((op) => op.op_id);
      expect(onServer.map((op) => op.op_id)).toEqual(local);
      // The device key is registered (at sign-in; a push retries it if that failed).
      expect(ws.profiles.find(profile.id)!.key_registered_at).not.toBeNull();
    } finally {
      ws.remove();
    }
  });

  it('a task withdrawn while scored offline: the op is rejected with the reason and the pulled task is read-only', async () => {
    const { ws, profile, engine, write } = await signedIn(registry, 'expert13');
    try {
      const { taskIds, admin } = await assignedTasks(registry, [ids.get('expert13')!]);
      const taskId = taskIds.get(ids.get('expert13')!)!;
      expect(await engine.pull(profile.id)).toEqual({ kind: 'idle', reached: true });
      expect(taskLock(engine.replica, profile.id, taskId)).toEqual({ readOnly: false });
      // Offline, the expert acts on the task; meanwhile the registry's admin withdraws it.
      write('task.declareConflict', { taskId, reason: '曾为其培训' }, engine.replica.get(profile.id, 'task', taskId)!.version);
      await api(registry, admin, 'POST', `/v1/tasks/${taskId}/withdraw`, { reason: 'duplicate submission' });
      expect(await engine.push(profile.id)).toEqual({ kind: 'progress' });
      const [op] = engine.queue.list(profile.id, ['rejected'], 10);
      expect(op).toMatchObject({ state: 'rejected', reason: 'task.withdrawn' });
      await engine.pull(profile.id);
      expect(taskLock(engine.replica, profile.id, taskId)).toEqual({ readOnly: true, reason: 'withdrawn' });
      expect(Number(ws.profiles.find(profile.id)!.pull_cursor)).toBeGreaterThan(0);
    } finally {
      ws.remove();
    }
  });

  it('an unreachable registry is the offline state: ops wait with backoff and none is lost', async () => {
    const { ws, profile, engine, write } = await signedIn(registry, 'expert14');
    try {
      for (let i = 0; i < 3; i += 1) write('task.declareConflict', { taskId: `t${i}`, reason: 'r' });
      ws.store.db().prepare('UPDATE profiles SET registry_url = ? WHERE id = ?').run('http://127.0.0.1:9', profile.id);
      const outcome = await engine.push(profile.id);
      expect(outcome).toMatchObject({ kind: 'offline' });
      expect(engine.lastObservation.reachable).toBe(false);
      const queued = engine.queue.list(profile.id, ['pending'], 10);
      expect(queued).toHaveLength(3);
      expect(queued[0]!.attempts).toBe(1);
      expect(queued[0]!.next_attempt_at).not.toBeNull();
      ws.store.db().prepare('UPDATE profiles SET registry_url = ? WHERE id = ?').run(registry.url, profile.id);
      await new Promise((resolve) => setTimeout(resolve, 40)); // past the (tiny) backoff
      expect(await engine.push(profile.id)).toEqual({ kind: 'progress' });
      expect(registryOps(registry.dataDir, profile.device_id)).toHaveLength(3);
    } finally {
      ws.remove();
    }
  });

  it('a copied data folder syncing as the same device stops with seqAhead and keeps its ops', async () => {
    const { ws, profile, write } = await signedIn(registry, 'expert15');
    write('task.declareConflict', { taskId: 'a', reason: 'r' });
    ws.close();
    const cloneDir = `${ws.dir}-copy`;
    cpSync(ws.dir, cloneDir, { recursive: true });
    const original = openWorkstation(registry.url, { dir: ws.dir });
    const clone = openWorkstation(registry.url, { dir: cloneDir });
    try {
      const engineOf = (w: typeof clone) => new SyncEngine({ db: () => w.store.db(), profiles: w.profiles, tokens: w.session.tokens, backoff: FAST });
      const add = (w: typeof clone, taskId: string) =>
        w.store.db().transaction(() => enqueue(w.store.db(), profile.id, 'task.declareConflict', { taskId, reason: 'r' }, null))();
      add(original, 'from-original');
      add(clone, 'from-clone');
      expect(await engineOf(original).push(profile.id)).toEqual({ kind: 'progress' });
      const cloneEngine = engineOf(clone);
      // The clone's seq 1 is the same op; its seq 2 is a different op where the registry already holds a seq 2. The
      // registry refuses the whole batch, and the clone keeps both ops rather than renumber over another history.
      expect(await cloneEngine.push(profile.id)).toEqual({ kind: 'blocked', reason: 'seqAhead' });
      expect(cloneEngine.queue.counts(profile.id)).toMatchObject({ pending: 2, applied: 0, rejected: 0 });
      expect(clone.profiles.find(profile.id)!.blocked_reason).toBe('seqAhead');
      expect(registryOps(registry.dataDir, profile.device_id)).toHaveLength(2);
    } finally {
      clone.remove();
      original.remove();
    }
  });

  it('a registry restored from an older backup (seq behind): the client re-sends the ops it still holds, once each', async () => {
    const own = await startRegistry();
    await own.createAccount('expert16');
    const { ws, profile, engine, write } = await signedIn(own, 'expert16');
    const backup = mkdtempSync(join(tmpdir(), 'osea-registry-backup-'));
    let restored: LiveRegistry | null = null;
    try {
      for (let i = 0; i < 3; i += 1) write('task.declareConflict', { taskId: `b${i}`, reason: 'r' });
      expect(await engine.push(profile.id)).toEqual({ kind: 'progress' });
      await own.kill();
      cpSync(own.dataDir, backup, { recursive: true }); // the backup knows seqs 1..3
      restored = await startRegistry(own.dataDir);
      ws.store.db().prepare('UPDATE profiles SET registry_url = ? WHERE id = ?').run(restored.url, profile.id);
      for (let i = 3; i < 6; i += 1) write('task.declareConflict', { taskId: `b${i}`, reason: 'r' });
      expect(await engine.push(profile.id)).toEqual({ kind: 'progress' }); // seqs 4..6 reach the registry
      await restored.kill();
      rmSync(own.dataDir, { recursive: true, force: true });
      cpSync(backup, own.dataDir, { recursive: true }); // disaster: the registry is restored to the backup
      restored = await startRegistry(own.dataDir);
      ws.store.db().prepare('UPDATE profiles SET registry_url = ? WHERE id = ?').run(restored.url, profile.id);
      write('task.declareConflict', { taskId: 'b6', reason: 'r' });
      // Seq 7 meets "expected 4": the client still holds 4..6 in full, so it re-sends them (op ids are idempotency keys).
      expect(await engine.push(profile.id)).toEqual({ kind: 'progress' });
      expect(await engine.push(profile.id)).toEqual({ kind: 'progress' });
      expect(await engine.push(profile.id)).toEqual({ kind: 'idle', reached: false });
      const local = engine.queue.list(profile.id, ['applied', 'rejected'], 10).map((op) => op.op_id);
      expect(registryOps(own.dataDir, profile.device_id).map((op) => op.op_id)).toEqual(local);
      expect(local).toHaveLength(7);
    } finally {
      ws.remove();
      await restored?.kill();
      await own.stop();
      rmSync(backup, { recursive: true, force: true });
    }
  });
});
