import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueue } from '../../electron/services/sync/outbox';
import { SyncEngine } from '../../electron/services/sync/sync-engine';
import { EXPERT_PASSWORD, startRegistry, type LiveRegistry } from '../integration/sync/support/registry';
import { registryOps } from '../integration/sync/support/registry-ops';
import { openWorkstation } from '../integration/sync/support/workstation-dir';
import { drain } from './support/drain';
import { startFaultProxy, type Fault } from './support/fault-proxy';
import { realTasksFor } from './support/real-tasks';
import { seededRandom } from './support/seeded-random';

const OPS = Number(process.env.OSEA_FAULT_OPS ?? 10_000);
/** Real tasks assigned to the expert: the first conflict declared on each is applied (the task is reassigned). */
const REAL_TASKS = Number(process.env.OSEA_FAULT_TASKS ?? 300);
const FAULT_RATE = 0.3;
/**
 * Small pushes so the fault rate bites often: 10,000 ops in batches of 8 are at least 1,250 answered pushes, so at
 * 30 % about 535 faulted requests (each fault costs one request; the batch is sent again).
 */
const BATCH = 8;
const SEED = Number(process.env.OSEA_SEED ?? Date.now() % 1_000_000);
const REASON = '与被评人同单位';

type Label = 'reset' | 'dropResponse' | 'status500' | 'truncate' | 'html' | 'delay';
const FAULTS: { label: Label; fault: Fault }[] = [
  { label: 'reset', fault: { kind: 'reset' } },
  { label: 'dropResponse', fault: { kind: 'dropResponse' } },
  { label: 'status500', fault: { kind: 'status500' } },
  { label: 'truncate', fault: { kind: 'truncate' } },
  { label: 'html', fault: { kind: 'html' } },
  { label: 'delay', fault: { kind: 'pass', delayMs: 40 } },
];

/** What each queued op is and what the registry must make of it. */
type Planned =
  | { kind: 'first'; taskId: string } // the expert's first declaration on a real task: applied, task reassigned
  | { kind: 'repeat'; taskId: string } // a later one on the same task: rejected, it is already reassigned
  | { kind: 'unknown'; taskId: string }; // a task the registry never had: rejected

function plan(taskIds: readonly string[], ops: number, random: () => number): Planned[] {
  const repeats = Math.floor(taskIds.length / 2);
  const slots: Planned['kind'][] = [
    ...Array<Planned['kind']>(taskIds.length).fill('first'),
    ...Array<Planned['kind']>(repeats).fill('repeat'),
    ...Array<Planned['kind']>(Math.max(0, ops - taskIds.length - repeats)).fill('unknown'),
  ];
  for (let i = slots.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [slots[i], slots[j]] = [slots[j]!, slots[i]!];
  }
  const fresh = [...taskIds];
  const declared: string[] = [];
  return slots.map((slot, i): Planned => {
    if (slot === 'first') {
      const taskId = fresh.shift()!;
      declared.push(taskId);
      return { kind: 'first', taskId };
    }
    // A repeat before any first declaration has nothing to repeat: the slot becomes a never-seen task instead.
    if (slot === 'repeat' && declared.length > 0) return { kind: 'repeat', taskId: declared[Math.floor(random() * declared.length)]! };
    return { kind: 'unknown', taskId: `no-such-task-${i}` };
  });
}

interface TaskRow { id: string; expert_account_id: string; state: string; replaced_by: string | null; status_reason: string | null; submission_id: string }

function registryTasks(dataDir: string): TaskRow[] {
  const db = new Database(join(dataDir, 'registry.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT id, expert_account_id, state, replaced_by, status_reason, submission_id FROM review_tasks').all() as TaskRow[];
  } finally {
    db.close();
  }
}

describe('push through a fault-injecting proxy', () => {
  let registry: LiveRegistry;
  let expertId: string;
  let backupId: string;
  let taskIds: string[];
  beforeAll(async () => {
    registry = await startRegistry();
    expertId = await registry.createAccount('expert31');
    backupId = await registry.createAccount('backup31');
    const started = Date.now();
    taskIds = await realTasksFor(registry, expertId, REAL_TASKS, { others: [backupId] });
    console.info(`fault-injection: ${REAL_TASKS} real tasks set up in ${Date.now() - started} ms`);
  }, 180_000);
  afterAll(async () => registry?.stop());

  it(`${OPS} ops (${REAL_TASKS} applied) at ${FAULT_RATE * 100}% faults: the registry holds exactly the client's ops, each applied once (seed ${SEED})`, async () => {
    const random = seededRandom(SEED);
    const faults = new Map<Label | 'none', number>();
    let pushes = 0;
    const proxy = await startFaultProxy(registry.url, (req): Fault => {
      // Sign-in and refresh pass: the faults are aimed at the sync traffic.
      if (!req.url?.startsWith('/v1/ops') && !req.url?.startsWith('/v1/changes')) return { kind: 'pass' };
      let chosen: { label: Label | 'none'; fault: Fault };
      // Every kind of fault at least once (the first pushes), then at random.
      if (req.url.startsWith('/v1/ops') && pushes < FAULTS.length) chosen = FAULTS[pushes++]!;
      else chosen = random() < FAULT_RATE ? FAULTS[Math.floor(random() * FAULTS.length)]! : { label: 'none', fault: { kind: 'pass' } };
      if (req.url.startsWith('/v1/ops')) faults.set(chosen.label, (faults.get(chosen.label) ?? 0) + 1);
      return chosen.fault;
    });
    const ws = openWorkstation(proxy.url);
    const context = `seed ${SEED}`;
    try {
      await ws.session.signIn('expert31', EXPERT_PASSWORD);
      const profile = ws.session.requireActive();
      const planned = plan(taskIds, OPS, random);
      const db = ws.store.db();
      const ids: string[] = [];
      // Queued as domain writes would queue them: many ops per transaction.
      for (let done = 0; done < planned.length; done += 500) {
        db.transaction(() => {
          for (const op of planned.slice(done, done + 500)) {
            ids.push(enqueue(db, profile.id, 'task.declareConflict', { taskId: op.taskId, reason: REASON }, null).opId);
          }
        })();
      }
      const engine = new SyncEngine({
        db: () => ws.store.db(), profiles: ws.profiles, tokens: ws.session.tokens,
        backoff: { baseMs: 2, capMs: 20 }, batchSize: BATCH, timeoutMs: 10_000, random,
      });
      const started = Date.now();
      expect(await drain(engine, profile.id), context).toBe(true);
      let pulled = await engine.pull(profile.id);
      for (let i = 0; i < 50 && pulled.kind !== 'idle'; i += 1) pulled = await engine.pull(profile.id);
      expect(pulled.kind, context).toBe('idle');
      const faulted = [...faults].filter(([label]) => label !== 'none').reduce((sum, [, n]) => sum + n, 0);
      console.info(`fault-injection: drained ${OPS} ops in ${Date.now() - started} ms; /v1/ops requests by fault: ${JSON.stringify(Object.fromEntries(faults))} (${context})`);

      // The faults were many, of every kind: at least 40 % of the expected count of each, three quarters in all.
      const expectedFaults = (Math.ceil(OPS / BATCH) / (1 - FAULT_RATE)) * FAULT_RATE;
      expect(faulted, context).toBeGreaterThanOrEqual(Math.floor(expectedFaults * 0.75));
      for (const { label } of FAULTS) {
        expect(faults.get(label) ?? 0, `${label} faults, ${context}`).toBeGreaterThanOrEqual(Math.max(1, Math.floor((expectedFaults / FAULTS.length) * 0.4)));
      }

      // The registry's ops table and the client's outbox are the same ops, in the same order, with the same outcomes.
      const onServer = registryOps(registry.dataDir, profile.device_id);
      const local = db.prepare('SELECT op_id, seq, state, result, reason FROM outbox WHERE profile_id = ? ORDER BY seq').all(profile.id) as
        { op_id: string; seq: number; state: string; result: string | null; reason: string | null }[];
      expect(local.map((op) => op.op_id), context).toEqual(ids);
      expect(onServer.length, context).toBe(OPS);
      expect(onServer.map((op) => op.op_id), context).toEqual(ids);
      expect(onServer.map((op) => op.seq), context).toEqual(local.map((op) => op.seq));
      expect(local.map((op) => ({ state: op.state, result: op.result === null ? undefined : JSON.parse(op.result) as unknown, reason: op.reason ?? undefined })), context)
        .toEqual(onServer.map((op) => {
          const stored = JSON.parse(op.result) as { status: string; result?: unknown; reason?: string };
          return { state: op.status, result: stored.result, reason: stored.reason };
        }));

      // Each op came to what it had to: first declarations applied, everything else rejected for the right reason.
      const outcomes = local.map((op, i) => ({ planned: planned[i]!, state: op.state, reason: op.reason }));
      const expected = planned.map((p) => (p.kind === 'first'
        ? { planned: p, state: 'applied', reason: null }
        : { planned: p, state: 'rejected', reason: p.kind === 'repeat' ? 'task.reassigned' : 'task.notFound' }));
      expect(outcomes, context).toEqual(expected);
      expect(local.filter((op) => op.state === 'applied')).toHaveLength(REAL_TASKS);

      // The state the applied ops changed, read from the registry's own database: every real task reassigned once, with
      // the declared reason, to exactly one replacement task — the one the client was told about.
      const tasks = registryTasks(registry.dataDir);
      const byId = new Map(tasks.map((t) => [t.id, t]));
      const replacementOf = new Map(local.flatMap((op, i) => {
        const p = planned[i]!;
        return p.kind === 'first' ? [[p.taskId, (JSON.parse(op.result!) as { replacementTaskId: string | null }).replacementTaskId] as const] : [];
      }));
      for (const taskId of taskIds) {
        const task = byId.get(taskId);
        expect(task, `${taskId}, ${context}`).toMatchObject({ expert_account_id: expertId, state: 'reassigned', status_reason: REASON });
        expect(task!.replaced_by, `${taskId}, ${context}`).toBe(replacementOf.get(taskId));
        expect(byId.get(task!.replaced_by!), `${taskId}, ${context}`).toMatchObject({ expert_account_id: backupId, state: 'assigned', submission_id: task!.submission_id });
      }
      // Applied once: one replacement per task, and no task of the expert's left active or touched twice.
      expect(tasks.filter((t) => t.expert_account_id === backupId), context).toHaveLength(REAL_TASKS);
      expect(tasks.filter((t) => t.expert_account_id === expertId).map((t) => t.state).filter((s) => s !== 'reassigned'), context).toEqual([]);

      // After a pull the workstation sees what the registry decided.
      for (const taskId of taskIds) {
        expect((engine.replica.get(profile.id, 'task', taskId)?.data as { state?: string } | undefined)?.state, `${taskId}, ${context}`).toBe('reassigned');
      }
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      ws.remove();
      await proxy.close();
    }
  }, 300_000);
});
