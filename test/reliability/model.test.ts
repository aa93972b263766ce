import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_SCHEME_INPUT } from '../../shared/domain/scoring/example-scheme';
import { enqueue } from '../../electron/services/sync/outbox';
import { SyncEngine } from '../../electron/services/sync/sync-engine';
import { EXPERT_PASSWORD, startRegistry, type LiveRegistry } from '../integration/sync/support/registry';
import { registryOps } from '../integration/sync/support/registry-ops';
import { api, assignedTasks } from '../integration/sync/support/review-world';
import { openWorkstation } from '../integration/sync/support/workstation-dir';
import { drain } from './support/drain';
import { startFaultProxy, type Fault, type FaultProxy } from './support/fault-proxy';

const RUNS = Number(process.env.OSEA_MODEL_RUNS ?? 12);

type Command =
  | { kind: 'enqueue'; count: number; onTask: boolean }
  | { kind: 'sync'; fault: Fault['kind'] }
  | { kind: 'crashAndReopen' }
  | { kind: 'loseResponses'; fromEnd: number }
  | { kind: 'withdraw' }
  | { kind: 'reassign' };

const FAULT_KINDS = ['pass', 'reset', 'dropResponse', 'status500', 'truncate', 'html', 'shuffleResults', 'duplicateResults'] as const;

const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('enqueue' as const), count: fc.integer({ min: 1, max: 6 }), onTask: fc.boolean() }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('sync' as const), fault: fc.constantFrom(...FAULT_KINDS) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'crashAndReopen' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('loseResponses' as const), fromEnd: fc.integer({ min: 1, max: 8 }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'withdraw' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'reassign' as const }) },
);

describe('model-based: enqueue, sync, crash, lost/duplicated/reordered answers, server-side withdraw and reassign', () => {
  let registry: LiveRegistry;
  let expertId: string;
  let proxy: FaultProxy;
  let nextFault: Fault['kind'] = 'pass';
  beforeAll(async () => {
    registry = await startRegistry();
    expertId = await registry.createAccount('expert51');
    const other = await registry.createAccount('expert52');
    await api(registry, await registry.adminToken(), 'PUT', `/v1/experts/${other}`, {
      status: 'approved', specialties: [{ occupationCode: EXAMPLE_SCHEME_INPUT.occupationCode, level: 2 }], affiliations: [],
    });
    proxy = await startFaultProxy(registry.url, (req): Fault => {
      if (!req.url?.startsWith('/v1/ops') && !req.url?.startsWith('/v1/changes')) return { kind: 'pass' };
      const fault = nextFault;
      nextFault = 'pass'; // one faulty exchange per sync command; retries then see a healthy link
      return { kind: fault } as Fault;
    });
  });
  afterAll(async () => {
    await proxy.close();
    await registry.stop();
  });

  it('nothing is lost, every op takes effect once, client and registry converge when quiet', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 25 }), async (commands) => {
        let ws = openWorkstation(registry.url);
        await ws.session.signIn('expert51', EXPERT_PASSWORD);
        const profileId = ws.session.requireActive().id;
        ws.store.db().prepare('UPDATE profiles SET registry_url = ? WHERE id = ?').run(proxy.url, profileId);
        const engineFor = () => new SyncEngine({ db: () => ws.store.db(), profiles: ws.profiles, tokens: ws.session.tokens, backoff: { baseMs: 1, capMs: 4 }, batchSize: 7 });
        let engine = engineFor();
        const enqueued: string[] = [];
        let taskId: string | null = null;
        let admin = '';
        const task = async () => {
          if (!taskId) {
            const world = await assignedTasks(registry, [expertId]);
            taskId = world.taskIds.get(expertId)!;
            admin = world.admin;
          }
          return taskId;
        };
        try {
          for (const c of commands) {
            switch (c.kind) {
              case 'enqueue': {
                const target = c.onTask ? await task() : null;
                const db = ws.store.db();
                db.transaction(() => {
                  for (let i = 0; i < c.count; i += 1) {
                    enqueued.push(enqueue(db, profileId, 'task.declareConflict', { taskId: target ?? `none-${enqueued.length}`, reason: 'r' }, null).opId);
                  }
                })();
                break;
              }
              case 'sync':
                nextFault = c.fault;
                for (let step = 0; step < 4; step += 1) {
                  const outcome = await engine.push(profileId);
                  if (outcome.kind === 'idle' || outcome.kind === 'blocked') break;
                }
                nextFault = 'pass';
                break;
              case 'crashAndReopen':
                ws.close();
                ws = openWorkstation(proxy.url, { dir: ws.dir });
                engine = engineFor();
                engine.queue.resetInflight(profileId);
                break;
              case 'loseResponses':
                // As if the last answers never arrived: the client believes those ops are still in flight.
                ws.store.db().prepare(`UPDATE outbox SET state = 'inflight', settled_at = NULL WHERE op_id IN
                  (SELECT op_id FROM outbox WHERE state IN ('applied', 'rejected') ORDER BY seq DESC LIMIT ?)`).run(c.fromEnd);
                break;
              case 'withdraw':
              case 'reassign': {
                const id = await task();
                await fetch(new URL(`/v1/tasks/${id}/${c.kind}`, registry.url), {
                  method: 'POST', headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
                  body: JSON.stringify({ reason: 'model' }),
                }); // 409 once it is no longer active: the registry decides, the model only asks
                break;
              }
            }
            // Invariants at every step: nothing lost locally; the registry holds only our ops, each once, in seq order.
            const local = (ws.store.db().prepare('SELECT op_id FROM outbox WHERE profile_id = ? ORDER BY seq').all(profileId) as { op_id: string }[]).map((r) => r.op_id);
            expect(local).toEqual(enqueued);
            const device = ws.profiles.find(profileId)!.device_id;
            const remote = registryOps(registry.dataDir, device);
            expect(remote.map((r) => r.op_id)).toEqual(enqueued.slice(0, remote.length));
          }
          // Quiet: a healthy link drains the queue and both sides agree on every op and its outcome.
          ws.profiles.setBlocked(profileId, null);
          engine.queue.resetInflight(profileId);
          expect(await drain(engine, profileId, 1000)).toBe(true);
          const device = ws.profiles.find(profileId)!.device_id;
          const remote = registryOps(registry.dataDir, device);
          const local = ws.store.db().prepare('SELECT op_id, state FROM outbox WHERE profile_id = ? ORDER BY seq').all(profileId) as { op_id: string; state: string }[];
          expect(remote.map((r) => r.op_id)).toEqual(enqueued);
          expect(local.map((r) => r.state)).toEqual(remote.map((r) => r.status));
        } finally {
          ws.remove();
        }
      }),
      { numRuns: RUNS, verbose: 1 },
    );
  }, 600_000);
});
