import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReviewService } from '../../../electron/services/review/review-service';
import { enqueue } from '../../../electron/services/sync/outbox';
import { SyncEngine } from '../../../electron/services/sync/sync-engine';
import { SyncWorker } from '../../../electron/services/sync/sync-worker';
import { reviewChannels } from '../../../shared/contract/ipc/review-channels';
import { startFaultProxy, type Fault, type FaultProxy } from '../../reliability/support/fault-proxy';
import { EXAMPLE_DRAFT } from './support/example-draft';
import { ingestedReviewWorld } from './support/ingested-video';
import { EXPERT_PASSWORD, startRegistry, type LiveRegistry } from './support/registry';
import { registryOps } from './support/registry-ops';
import { openWorkstation } from './support/workstation-dir';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a device key the registry has not registered never burns a signed decision', () => {
  let registry: LiveRegistry;
  let proxy: FaultProxy;
  /** What the proxy does to POST /v1/experts/me/keys; every other route passes. */
  let keyFault: Fault = { kind: 'reset' };
  beforeAll(async () => {
    registry = await startRegistry();
    proxy = await startFaultProxy(registry.url, (req) => (req.url === '/v1/experts/me/keys' ? keyFault : { kind: 'pass' }));
  });
  afterAll(async () => {
    await proxy.close();
    await registry.stop();
  });

  it('ops ahead of the decision go; the decision waits with backoff (and a refusal stops the queue) until the key is registered, then applies', { timeout: 120_000 }, async () => {
    const expertId = await registry.createAccount('expert81');
    const world = await ingestedReviewWorld(registry, [expertId]);
    const taskId = world.taskIds.get(expertId)!;
    const ws = openWorkstation(proxy.url);
    const engine = new SyncEngine({ db: () => ws.store.db(), profiles: ws.profiles, tokens: ws.session.tokens, backoff: { baseMs: 20, capMs: 2_000 } });
    const worker = new SyncWorker({ engine, pollIntervalMs: 60_000 });
    const review = createReviewService({ db: () => ws.store.db(), session: ws.session, mediaRoot: `${ws.dir}/media` });
    const call = <C extends keyof typeof review>(channel: C, input: unknown) =>
      (review[channel] as (i: unknown, ctx: { transport: 'ipc' }) => ReturnType<(typeof review)[C]>)(reviewChannels[channel].input.parse(input), { transport: 'ipc' });
    try {
      await ws.session.signIn('expert81', EXPERT_PASSWORD); // its key registration at sign-in is cut off
      const profile = ws.session.requireActive();
      expect(ws.profiles.find(profile.id)!.key_registered_at).toBeNull();
      expect(await engine.pull(profile.id)).toEqual({ kind: 'idle', reached: true });
      const db = ws.store.db();
      db.transaction(() => enqueue(db, profile.id, 'task.declareConflict', { taskId: 'not-a-task', reason: '回避' }, null))();
      await call('review.saveDraft', { taskId, baseRevision: 0, draft: EXAMPLE_DRAFT });
      const { decision } = await call('review.submitDecision', { taskId, draftRevision: 1 });

      // The op ahead of the decision is sent on its own; the decision is not.
      expect(await engine.push(profile.id)).toEqual({ kind: 'progress' });
      expect(registryOps(registry.dataDir, profile.device_id).map((op) => op.seq)).toEqual([1]);
      const first = await engine.push(profile.id);
      expect(first).toMatchObject({ kind: 'offline', held: 'deviceKeyUnregistered' });
      const waiting = () => engine.queue.list(profile.id, ['pending'], 10);
      expect(waiting()).toMatchObject([{ op_id: decision.opId, reason: 'deviceKeyUnregistered', attempts: 1 }]);
      // Retried with a growing backoff (each attempt counts although nothing was sent).
      await sleep(Math.max(0, (first as { until: number }).until - Date.now()));
      expect(await engine.push(profile.id)).toMatchObject({ kind: 'offline', held: 'deviceKeyUnregistered' });
      expect(waiting()[0]!.attempts).toBe(2);

      // The worker reports why the queue waits.
      worker.start(profile.id);
      const status = await worker.syncNow();
      expect(status).toMatchObject({ pending: 1, blockedReason: 'deviceKeyUnregistered', applied: 0 });

      // A registry that refuses the key (not transient) stops the queue with the reason, keeping the decision.
      keyFault = { kind: 'answer', status: 409, contentType: 'application/json', body: JSON.stringify({ error: { code: 'DUPLICATE', message: 'key id already registered' } }) };
      expect(await worker.syncNow()).toMatchObject({ pending: 1, registryState: 'refused', blockedReason: 'deviceKeyRefused:http:409:DUPLICATE' });
      expect(registryOps(registry.dataDir, profile.device_id)).toHaveLength(1);

      // The key route works again: the key is registered first, then the decision applies (not decision.unknownKey).
      keyFault = { kind: 'pass' };
      ws.profiles.setBlocked(profile.id, null);
      expect(await worker.syncNow()).toMatchObject({ pending: 0, applied: 1, rejected: 1, blockedReason: null, registryState: 'ok' });
      expect(ws.profiles.find(profile.id)!.key_registered_at).not.toBeNull();
      const onServer = registryOps(registry.dataDir, profile.device_id);
      expect(onServer.map((op) => [op.seq, op.op_id, op.status])).toEqual([
        [1, expect.any(String), 'rejected'],
        [2, decision.opId, 'applied'],
      ]);
      expect((await call('review.getTask', { taskId })).decision?.opState).toBe('applied');
      expect(proxy.requests.filter((r) => r.path === '/v1/experts/me/keys').length).toBeGreaterThanOrEqual(5);
    } finally {
      worker.stop();
      ws.remove();
    }
  });
});
