import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueue } from '../../electron/services/sync/outbox';
import { startRegistry, type LiveRegistry } from '../integration/sync/support/registry';
import { registryOps } from '../integration/sync/support/registry-ops';
import { EXAMPLE_DRAFT } from '../integration/sync/support/example-draft';
import { startFaultProxy, type Fault, type FaultProxy } from './support/fault-proxy';
import { FaultPlan, ModelWorkstation } from './support/model-system';
import { adminMove, modelExpertWithTasks, modelWorld, registryDecisionCounts, registryTasksOf, type ModelWorld } from './support/model-world';

/**
 * Model-based test (fast-check commands) of the outbox sync engine against a real registry process, through a fault
 * proxy. Runs: OSEA_MODEL_RUNS (default 12). On failure fast-check prints the seed, path and the command list;
 * replay with OSEA_MODEL_SEED + OSEA_MODEL_PATH (+ OSEA_MODEL_REPLAY for the commands' replayPath). Shrinking is off by
 * default (each run is a real registry session of a few seconds); OSEA_MODEL_SHRINK=1 turns it on.
 */
const RUNS = Number(process.env.OSEA_MODEL_RUNS ?? 12);
const TASKS_PER_RUN = 4;

// ---------------------------------------------------------------------------------------------------------------------
// The model: tasks with their server state (what the registry holds) and what the workstation last pulled and queued,
// and the ops in enqueue order with the effect the registry must have given each.

type TaskState = 'assigned' | 'in_progress' | 'submitted' | 'withdrawn' | 'reassigned';
const OPEN: readonly TaskState[] = ['assigned', 'in_progress'];

interface ModelTask {
  id: string;
  /** The registry's state and status reason. */
  state: TaskState;
  reason: string | null;
  /** The state the workstation's replica shows (as of its last complete pull). */
  seen: TaskState;
  draftRevision: number;
  conflictQueued: boolean;
  decisionQueued: boolean;
  /** A decision the registry applied (exactly one decision row expected). */
  decided: boolean;
}

interface Outcome { status: 'applied' | 'rejected'; reason: string | null }

interface ModelOp {
  opId: string;
  kind: 'decision.submit' | 'task.declareConflict';
  /** null: a task id the registry never had. */
  taskIndex: number | null;
  reason: string;
  /** What the registry did with it, predicted by the model once the op reached the registry. */
  outcome: Outcome | null;
}

interface Model {
  tasks: ModelTask[];
  ops: ModelOp[];
  /** How many ops (a seq-order prefix) the registry has committed. */
  committed: number;
}

interface Real {
  station: ModelWorkstation;
  world: ModelWorld;
  expertId: string;
  faults: FaultPlan;
}

/** The registry's rule, as the model states it: an op on a task that is no longer open is rejected, with the reason. */
function predict(model: Model, op: ModelOp): Outcome {
  if (op.taskIndex === null) return { status: 'rejected', reason: 'task.notFound' };
  const task = model.tasks[op.taskIndex]!;
  if (task.state === 'withdrawn') return { status: 'rejected', reason: 'task.withdrawn' };
  if (task.state === 'reassigned') return { status: 'rejected', reason: 'task.reassigned' };
  if (task.state === 'submitted') return { status: 'rejected', reason: 'task.alreadySubmitted' };
  if (op.kind === 'task.declareConflict') {
    // Another approved expert is always free (the world makes one), so the registry hands the task on.
    task.state = 'reassigned';
    task.reason = op.reason;
  } else {
    task.state = 'submitted';
    task.reason = null;
    task.decided = true;
  }
  return { status: 'applied', reason: null };
}

const writable = (task: ModelTask) => OPEN.includes(task.seen) && !task.conflictQueued && !task.decisionQueued;

// ---------------------------------------------------------------------------------------------------------------------
// Invariants.

/**
 * After every command: nothing lost locally; the registry holds a seq-order prefix of our ops, each op id once, and
 * each newly committed op got exactly the effect the model predicts; every op the client calls settled agrees with
 * the registry's result; the queue never blocks.
 */
function checkOps(model: Model, real: Real): void {
  stats.checks += 1;
  const local = real.station.outbox();
  expect(local.map((r) => r.op_id), 'every enqueued op is still in the outbox, in enqueue order').toEqual(model.ops.map((o) => o.opId));
  expect(real.station.blockedReason(), 'the queue is never blocked by these faults').toBeNull();

  const remote = registryOps(real.world.registry.dataDir, real.station.deviceId());
  expect(new Set(remote.map((r) => r.op_id)).size, 'each op id at most once at the registry').toBe(remote.length);
  expect(remote.map((r) => r.op_id), 'the registry holds a seq-order prefix of our ops').toEqual(model.ops.slice(0, remote.length).map((o) => o.opId));
  expect(remote.length, 'the registry never forgets an op').toBeGreaterThanOrEqual(model.committed);
  for (let i = model.committed; i < remote.length; i += 1) {
    const op = model.ops[i]!;
    op.outcome = predict(model, op);
  }
  model.committed = remote.length;
  remote.forEach((row, i) => {
    const result = JSON.parse(row.result) as { reason?: string };
    expect({ opId: row.op_id, status: row.status, reason: result.reason ?? null }, 'the registry gave the effect the model predicts')
      .toEqual({ opId: row.op_id, ...model.ops[i]!.outcome });
  });

  const byId = new Map(remote.map((r) => [r.op_id, r]));
  for (const row of local) {
    if (row.state !== 'applied' && row.state !== 'rejected') continue;
    const there = byId.get(row.op_id);
    expect(there, `op ${row.op_id} settled locally but unknown to the registry`).toBeDefined();
    const theirs = JSON.parse(there!.result) as { reason?: string };
    expect({ state: row.state, reason: row.reason }, `op ${row.op_id}: the client's result is the registry's`).toEqual({ state: there!.status, reason: theirs.reason ?? null });
  }
}

/**
 * After a complete pull: the replica's task rows (state, status reason, version) are the registry's for this expert,
 * the registry's are the model's, and the task list shows each task read-only exactly when the model says so.
 */
async function checkTasks(model: Model, real: Real): Promise<void> {
  const registryTasks = await registryTasksOf(real.world, real.expertId);
  expect(registryTasks.map((t) => t.id).sort(), 'the registry holds exactly the model\'s tasks for this expert').toEqual(model.tasks.map((t) => t.id).sort());
  const { tasks: listed } = await real.station.call('review.listTasks', {});
  const listedById = new Map(listed.map((t) => [t.taskId, t]));
  expect([...listedById.keys()].sort(), 'the task list shows exactly the expert\'s tasks').toEqual(model.tasks.map((t) => t.id).sort());
  for (const server of registryTasks) {
    const task = model.tasks.find((t) => t.id === server.id)!;
    expect({ state: server.state, statusReason: server.statusReason ?? null }, `task ${task.id}: registry vs model`).toEqual({ state: task.state, statusReason: task.reason });
    expect(real.station.replicaTask(server.id), `task ${task.id}: replica vs registry`)
      .toEqual({ state: server.state, statusReason: server.statusReason ?? null, version: server.version });
    const row = listedById.get(server.id)!;
    const readOnly = server.state === 'withdrawn' || server.state === 'reassigned' ? server.state : task.conflictQueued ? 'conflictDeclared' : null;
    expect({ taskState: row.taskState, readOnly: row.readOnly }, `task ${task.id}: the task list`).toEqual({ taskState: server.state, readOnly });
    task.seen = task.state;
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// Commands.

type Cmd = fc.AsyncCommand<Model, Real>;

class DeclareConflict implements Cmd {
  constructor(readonly taskIndex: number, readonly reason: string) {}
  check = (m: Readonly<Model>) => writable(m.tasks[this.taskIndex]!);
  async run(m: Model, r: Real) {
    const task = m.tasks[this.taskIndex]!;
    const { opId } = await r.station.call('review.declareConflict', { taskId: task.id, reason: this.reason });
    m.ops.push({ opId, kind: 'task.declareConflict', taskIndex: this.taskIndex, reason: this.reason, outcome: null });
    task.conflictQueued = true;
    checkOps(m, r);
  }
  toString = () => `DeclareConflict(task${this.taskIndex}, ${JSON.stringify(this.reason)})`;
}

class SaveDraft implements Cmd {
  constructor(readonly taskIndex: number) {}
  check = (m: Readonly<Model>) => writable(m.tasks[this.taskIndex]!) && m.tasks[this.taskIndex]!.draftRevision === 0;
  async run(m: Model, r: Real) {
    const task = m.tasks[this.taskIndex]!;
    const { revision } = await r.station.call('review.saveDraft', { taskId: task.id, baseRevision: task.draftRevision, draft: EXAMPLE_DRAFT });
    task.draftRevision = revision;
    checkOps(m, r);
  }
  toString = () => `SaveDraft(task${this.taskIndex})`;
}

class SubmitDecision implements Cmd {
  constructor(readonly taskIndex: number) {}
  check = (m: Readonly<Model>) => writable(m.tasks[this.taskIndex]!);
  async run(m: Model, r: Real) {
    const task = m.tasks[this.taskIndex]!;
    if (task.draftRevision === 0) {
      task.draftRevision = (await r.station.call('review.saveDraft', { taskId: task.id, baseRevision: 0, draft: EXAMPLE_DRAFT })).revision;
    }
    const { decision, total } = await r.station.call('review.submitDecision', { taskId: task.id, draftRevision: task.draftRevision });
    expect(total).toBe(68);
    m.ops.push({ opId: decision.opId, kind: 'decision.submit', taskIndex: this.taskIndex, reason: '', outcome: null });
    task.decisionQueued = true;
    checkOps(m, r);
  }
  toString = () => `SubmitDecision(task${this.taskIndex})`;
}

/** Several ops in one transaction through the outbox, on task ids the registry never had: batching, and rejections. */
class EnqueueBatch implements Cmd {
  constructor(readonly count: number) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const db = r.station.ws.store.db();
    db.transaction(() => {
      for (let i = 0; i < this.count; i += 1) {
        const { opId } = enqueue(db, r.station.profileId, 'task.declareConflict', { taskId: `ghost-${m.ops.length}`, reason: 'model' }, null);
        m.ops.push({ opId, kind: 'task.declareConflict', taskIndex: null, reason: 'model', outcome: null });
      }
    })();
    checkOps(m, r);
  }
  toString = () => `EnqueueBatch(${this.count})`;
}

const FAULT_KINDS = ['pass', 'reset', 'dropResponse', 'status500', 'truncate', 'html', 'shuffleResults', 'duplicateResults'] as const;

/**
 * Push (at most `pushSteps` steps, so a sync may leave ops queued) then pull to the end of the feed, with the first
 * `faults` sync exchanges spoiled by `fault`.
 */
class Sync implements Cmd {
  constructor(readonly fault: Fault['kind'], readonly faults: number, readonly pushSteps: number) {}
  check = () => true;
  async run(m: Model, r: Real) {
    stats.syncs += 1;
    r.faults.set(this.fault, this.faults);
    try {
      await r.station.push(this.pushSteps);
      await r.station.pullToEnd();
    } finally {
      r.faults.clear();
    }
    checkOps(m, r);
    await checkTasks(m, r);
  }
  toString = () => `Sync(${this.fault}×${this.faults}, push≤${this.pushSteps})`;
}

class Pull implements Cmd {
  check = () => true;
  async run(m: Model, r: Real) {
    await r.station.pullToEnd();
    checkOps(m, r);
    await checkTasks(m, r);
  }
  toString = () => 'Pull';
}

class CrashAndReopen implements Cmd {
  check = () => true;
  async run(m: Model, r: Real) {
    stats.crashes += 1;
    await r.station.crashAndReopen();
    checkOps(m, r);
  }
  toString = () => 'CrashAndReopen';
}

class LoseResponses implements Cmd {
  constructor(readonly fromEnd: number) {}
  check = (m: Readonly<Model>) => m.committed > 0;
  async run(m: Model, r: Real) {
    r.station.loseResponses(this.fromEnd);
    checkOps(m, r);
  }
  toString = () => `LoseResponses(${this.fromEnd})`;
}

/** The operator withdraws or reassigns a task: the registry takes it only while the task is open. */
class AdminMove implements Cmd {
  constructor(readonly move: 'withdraw' | 'reassign', readonly taskIndex: number) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const task = m.tasks[this.taskIndex]!;
    const reason = `model ${this.move}`;
    stats.adminMoves += 1;
    const status = await adminMove(r.world, task.id, this.move, reason);
    if (OPEN.includes(task.state)) {
      expect(status, `${this.move} of an open task`).toBe(200);
      task.state = this.move === 'withdraw' ? 'withdrawn' : 'reassigned';
      task.reason = reason;
    } else {
      expect(status, `${this.move} of a ${task.state} task`).toBe(409);
    }
    checkOps(m, r);
  }
  toString = () => `${this.move === 'withdraw' ? 'Withdraw' : 'Reassign'}(task${this.taskIndex})`;
}

/** What the runs exercised, printed at the end (a model run that skips everything would prove nothing). */
const stats = { runs: 0, checks: 0, ops: 0, applied: 0, rejected: 0, syncs: 0, crashes: 0, adminMoves: 0 };

const taskIndex = fc.integer({ min: 0, max: TASKS_PER_RUN - 1 });
const commandArbs = [
  taskIndex.chain((i) => fc.constantFrom('曾在该机构兼职授课', '与考生有亲属关系').map((reason) => new DeclareConflict(i, reason))),
  taskIndex.map((i) => new SaveDraft(i)),
  taskIndex.map((i) => new SubmitDecision(i)),
  taskIndex.map((i) => new SubmitDecision(i)),
  fc.integer({ min: 1, max: 5 }).map((n) => new EnqueueBatch(n)),
  fc.tuple(fc.constantFrom(...FAULT_KINDS), fc.integer({ min: 1, max: 2 }), fc.integer({ min: 1, max: 3 })).map(([f, n, s]) => new Sync(f, n, s)),
  fc.tuple(fc.constantFrom(...FAULT_KINDS), fc.integer({ min: 1, max: 2 }), fc.integer({ min: 1, max: 3 })).map(([f, n, s]) => new Sync(f, n, s)),
  fc.constant(new Pull()),
  fc.constant(new CrashAndReopen()),
  fc.integer({ min: 1, max: 6 }).map((n) => new LoseResponses(n)),
  fc.tuple(fc.constantFrom('withdraw' as const, 'reassign' as const), taskIndex).map(([move, i]) => new AdminMove(move, i)),
];

describe('model-based: enqueue, sync, crash, lost/duplicated/reordered answers, server-side withdraw and reassign', () => {
  let registry: LiveRegistry;
  let world: ModelWorld;
  let proxy: FaultProxy;
  const faults = new FaultPlan();
  beforeAll(async () => {
    registry = await startRegistry();
    world = await modelWorld(registry);
    proxy = await startFaultProxy(registry.url, (req) => faults.next(req.url));
  }, 180_000);
  afterAll(async () => {
    await proxy?.close();
    await registry?.stop();
  });

  it('nothing is lost, every op takes effect once as the model predicts, client and registry converge when quiet', async () => {
    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(fc.commands(commandArbs, { maxCommands: 40, size: 'max', ...(process.env.OSEA_MODEL_REPLAY ? { replayPath: process.env.OSEA_MODEL_REPLAY } : {}) }), async (cmds) => {
        faults.clear();
        const { username, expertId, taskIds } = await modelExpertWithTasks(world, TASKS_PER_RUN);
        const station = await ModelWorkstation.signIn(proxy.url, username);
        try {
          await station.pullToEnd();
          const model: Model = {
            tasks: taskIds.map((id) => ({ id, state: 'assigned', reason: null, seen: 'assigned', draftRevision: 0, conflictQueued: false, decisionQueued: false, decided: false })),
            ops: [],
            committed: 0,
          };
          const real: Real = { station, world, expertId, faults };
          await fc.asyncModelRun(() => ({ model, real }), cmds);

          // Quiet: a healthy link, the queue drained and the feed read to its end; both sides agree on everything.
          faults.clear();
          expect(await real.station.drain(200), 'a healthy link drains the queue').toBe(true);
          await real.station.pullToEnd();
          checkOps(model, real);
          await checkTasks(model, real);
          expect(model.committed, 'every op reached the registry exactly once').toBe(model.ops.length);
          stats.runs += 1;
          stats.ops += model.ops.length;
          stats.applied += model.ops.filter((o) => o.outcome?.status === 'applied').length;
          stats.rejected += model.ops.filter((o) => o.outcome?.status === 'rejected').length;
          expect(real.station.outbox().every((r) => r.state === 'applied' || r.state === 'rejected'), 'every op is settled').toBe(true);
          const decisions = registryDecisionCounts(world.registry.dataDir, taskIds);
          expect(model.tasks.map((t) => [t.id, decisions.get(t.id)]), 'an applied decision is stored once, a rejected one never')
            .toEqual(model.tasks.map((t) => [t.id, t.decided ? 1 : 0]));
          // A task taken away while the expert had a mark sheet: the sheet stays, read-only, and is exportable.
          for (const task of model.tasks.filter((t) => t.draftRevision > 0)) {
            const detail = await real.station.call('review.getTask', { taskId: task.id });
            expect(detail.draft, `task ${task.id}: the mark sheet stays`).toEqual(EXAMPLE_DRAFT);
            const exported = JSON.parse((await real.station.call('review.exportTask', { taskId: task.id })).json) as { draft: { draft: unknown } | null };
            expect(exported.draft?.draft, `task ${task.id}: the mark sheet is exported`).toEqual(EXAMPLE_DRAFT);
          }
        } finally {
          faults.clear();
          station.remove();
        }
      }),
      {
        numRuns: RUNS,
        includeErrorInReport: true,
        endOnFailure: process.env.OSEA_MODEL_SHRINK !== '1',
        ...(process.env.OSEA_MODEL_SEED ? { seed: Number(process.env.OSEA_MODEL_SEED) } : {}),
        ...(process.env.OSEA_MODEL_PATH ? { path: process.env.OSEA_MODEL_PATH } : {}),
      },
    );
    const injected: Record<string, number> = {};
    for (const request of proxy.requests) if (request.fault !== 'pass') injected[request.fault] = (injected[request.fault] ?? 0) + 1;
    console.log(`model-based: ${RUNS} runs in ${((Date.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(stats)}; faults injected: ${JSON.stringify(injected)}`);
  }, 900_000);
});
