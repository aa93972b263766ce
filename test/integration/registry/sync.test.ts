import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BODY_LIMIT_BYTES } from '../../../registry/config';
import { OPS_BODY_LIMIT_BYTES, OPS_PER_PUSH, realisticMaxDecisionOp } from '../../../registry/sync/ops-body-limit';
import { canonicalJson } from '../../../shared/domain/canonical-json';
import type { TestRegistry } from './support/harness';
import { DIALECTS, registryHarness } from './support/harness';
import { FIXTURE_VIDEO, SCHEME, call, markSheet, opOf, reviewWorld, signedDecision, uuidv7 } from './support/fixtures';
import { pullAll, push, type Results } from './support/sync-client';

type TaskBody = { id: string; round: number; state: string; expertId: string; statusReason?: string | null; replacedBy: string | null };

async function roundTasks(registry: TestRegistry, admin: string, submissionId: string, round: number) {
  const tasks = await call<{ tasks: TaskBody[] }>(registry, admin, 'GET', `/v1/tasks?submissionId=${submissionId}`);
  return tasks.body.tasks.filter((task) => task.round === round);
}

describe.each(DIALECTS)('sync: ops and change feed on %s', (dialect) => {
  const harness = registryHarness(dialect);

  it('applies signed decisions once, replays duplicates, and certifies after the last expert', async () => {
    const registry = await harness.start();
    const world = await reviewWorld(registry);
    const byExpert = new Map(world.experts.map((expert) => [expert.id, expert]));
    let lastOutcome: unknown;
    for (const task of world.tasks) {
      const expert = byExpert.get(task.expertId)!;
      const op = opOf(signedDecision(expert, markSheet(task, world.schemeHash)), 1, 'decision.submit', task.version);
      const first = await push(registry, expert, [op]);
      expect(first.status).toBe(200);
      expect(first.body.results[0]).toMatchObject({ opId: op.opId, status: 'applied' });
      lastOutcome = first.body.results[0]!.result!.roundOutcome;
      // The client lost the response and sends the op again: same stored result, nothing applied twice.
      const again = await push(registry, expert, [op]);
      expect(again.body.results[0]).toEqual(first.body.results[0]);
    }
    expect(lastOutcome).toBe('certified');
    const submission = await call<{ state: string; result: { total: number } }>(registry, world.admin, 'GET', `/v1/submissions/${world.submissionId}`);
    expect(submission.body.state).toBe('certified');
    expect(submission.body.result.total).toBeGreaterThan(60);
    const decisions = await registry.app.registry.db.selectFrom('decisions').select('id').execute();
    expect(decisions).toHaveLength(3);
  });

  it('answers 422 for a reused op id with another payload and 409 with the expected seq for a gap', async () => {
    const registry = await harness.start();
    const world = await reviewWorld(registry);
    const expert = world.experts.find((e) => e.id === world.tasks[0]!.expertId)!;
    const task = world.tasks[0]!;
    const op = opOf(signedDecision(expert, markSheet(task, world.schemeHash)), 1);
    expect((await push(registry, expert, [op])).status).toBe(200);

    const otherPayload = opOf({ taskId: task.id, reason: 'different' }, 1, 'task.declareConflict');
    const reused = await push(registry, expert, [{ ...otherPayload, opId: op.opId }]);
    expect(reused).toMatchObject({ status: 422, body: { error: { code: 'OP_ID_CONFLICT', field: 'body.ops.0.opId' } } });

    const gap = await push(registry, expert, [opOf({ taskId: task.id, reason: 'x' }, 3, 'task.declareConflict')]);
    expect(gap).toMatchObject({ status: 409, body: { error: { code: 'SEQ_GAP', expectedSeq: 2 } } });

    const lying = { ...opOf({ taskId: task.id, reason: 'x' }, 2, 'task.declareConflict'), payloadHash: 'f'.repeat(64) };
    expect(await push(registry, expert, [lying])).toMatchObject({ status: 422, body: { error: { field: 'body.ops.0.payloadHash' } } });

    const otherAccount = world.experts.find((e) => e.id !== expert.id)!;
    expect(await push(registry, otherAccount, [opOf({ taskId: task.id, reason: 'x' }, 1, 'task.declareConflict')], expert.deviceId))
      .toMatchObject({ status: 403, body: { error: { code: 'DEVICE_NOT_YOURS' } } });
  });

  it('turns withdrawn tasks, stale versions, foreign tasks and bad signatures into per-op rejections', async () => {
    const registry = await harness.start();
    const world = await reviewWorld(registry);
    const [t0, t1, t2] = world.tasks as [typeof world.tasks[0], typeof world.tasks[0], typeof world.tasks[0]];
    const expertOf = (task: { expertId: string }) => world.experts.find((e) => e.id === task.expertId)!;
    await call(registry, world.admin, 'POST', `/v1/tasks/${t0.id}/withdraw`, { reason: 'admin' });

    const e0 = expertOf(t0);
    const e1 = expertOf(t1);
    const forged = signedDecision(e1, markSheet(t1, world.schemeHash));
    forged.sheet = { ...forged.sheet, comment: 'changed after signing' };
    const batch = [
      opOf(signedDecision(e0, markSheet(t0, world.schemeHash)), 1, 'decision.submit'),
      opOf(signedDecision(e0, markSheet(t2, world.schemeHash)), 2, 'decision.submit'),
    ];
    const results = (await push(registry, e0, batch)).body.results;
    expect(results.map((r) => r.reason)).toEqual(['task.withdrawn', 'task.notYours']);

    // Signed well, but with another expert's key id: not a key of this account.
    const foreignKey = signedDecision(e1, markSheet(t1, world.schemeHash));
    foreignKey.signature = { ...foreignKey.signature, keyId: e0.keyId };
    const e1Results = (await push(registry, e1, [
      opOf(forged, 1),
      opOf(signedDecision(e1, markSheet(t1, world.schemeHash)), 2, 'decision.submit', t1.version + 5),
      opOf(signedDecision(e1, markSheet(t1, 'b'.repeat(64))), 3),
      opOf({ sheet: { nonsense: true } }, 4),
      opOf({}, 5, 'vote.cast'),
      opOf(foreignKey, 6),
    ])).body.results;
    expect(e1Results.map((r) => r.reason)).toEqual(['decision.badSignature', 'task.staleVersion', 'decision.schemeMismatch', 'op.invalidPayload', 'op.unknownKind', 'decision.unknownKey']);
    // Rejections advance the device seq like any applied op: the next op is seq 7.
    const next = await push(registry, e1, [opOf(signedDecision(e1, markSheet(t1, world.schemeHash)), 7)]);
    expect(next.body.results[0]!.status).toBe('applied');
  });

  it('withdraws open tasks when the operator returns a submission under review, so late decisions are rejected', async () => {
    const registry = await harness.start();
    const world = await reviewWorld(registry);
    const current = await call<{ version: number }>(registry, world.admin, 'GET', `/v1/submissions/${world.submissionId}`);
    const returned = await call<{ state: string }>(registry, world.admin, 'POST', `/v1/submissions/${world.submissionId}/transitions`, { to: 'returned', baseVersion: current.body.version, reason: 'media.unreadable' });
    expect(returned.body.state).toBe('returned');
    const task = world.tasks[0]!;
    const expert = world.experts.find((e) => e.id === task.expertId)!;
    const late = await push(registry, expert, [opOf(signedDecision(expert, markSheet(task, world.schemeHash)), 1)]);
    expect(late.body.results[0]).toMatchObject({ status: 'rejected', reason: 'task.withdrawn' });
  });

  it('opens a new round for the same experts when judgement scores spread too far, keeping the first', async () => {
    const registry = await harness.start();
    const world = await reviewWorld(registry);
    const scores = [0, 3, 3];
    for (const [index, task] of world.tasks.entries()) {
      const expert = world.experts.find((e) => e.id === task.expertId)!;
      await push(registry, expert, [opOf(signedDecision(expert, markSheet(task, world.schemeHash, scores[index])), 1)]);
    }
    const tasks = await call<{ tasks: Array<{ round: number; state: string; expertId: string }> }>(registry, world.admin, 'GET', `/v1/tasks?submissionId=${world.submissionId}`);
    const round1 = tasks.body.tasks.filter((t) => t.round === 1);
    const round2 = tasks.body.tasks.filter((t) => t.round === 2);
    expect(round1.every((t) => t.state === 'submitted')).toBe(true);
    expect(new Set(round2.map((t) => t.expertId))).toEqual(new Set(round1.map((t) => t.expertId)));
    expect(round2.every((t) => t.state === 'assigned')).toBe(true);
    const submission = await call<{ state: string; round: number; result: { outcome: string } }>(registry, world.admin, 'GET', `/v1/submissions/${world.submissionId}`);
    expect(submission.body).toMatchObject({ state: 'in_review', round: 2, result: { outcome: 'discrepancy' } });
  });

  it('hands a task to another eligible expert when its expert declares a conflict', async () => {
    const registry = await harness.start();
    const world = await reviewWorld(registry, { experts: 4 });
    const task = world.tasks[0]!;
    const expert = world.experts.find((e) => e.id === task.expertId)!;
    const result = (await push(registry, expert, [opOf({ taskId: task.id, reason: '曾为该机构授课' }, 1, 'task.declareConflict')])).body.results[0]!;
    expect(result.status).toBe('applied');
    const replacement = await call<{ expertId: string }>(registry, world.admin, 'GET', `/v1/tasks/${String(result.result!.replacementTaskId)}`);
    expect(replacement.body.expertId).not.toBe(expert.id);
    expect(replacement.body.expertId).not.toBe(world.affiliatedExpert.id);
  });

  it('scopes the change feed to what each caller may see, paged by cursor', async () => {
    const registry = await harness.start();
    const world = await reviewWorld(registry, { experts: 4 });
    const assigned = new Set(world.tasks.map((t) => t.expertId));
    const idle = world.experts.find((e) => !assigned.has(e.id))!;
    const busy = world.experts.find((e) => assigned.has(e.id))!;
    const otherCoordinator = await registry.account(['coordinator'], { institutionId: world.institutionB });

    const admin = await pullAll(registry, world.admin);
    const mine = await pullAll(registry, busy.token);
    const idleRows = await pullAll(registry, idle.token);
    const coordinatorA = await pullAll(registry, world.coordinator.token);
    const coordinatorB = await pullAll(registry, otherCoordinator.token);

    expect(admin.rows.map((r) => r.seq)).toEqual([...admin.rows.map((r) => r.seq)].sort((a, b) => a - b));
    expect(mine.rows.filter((r) => r.entity === 'task').map((r) => r.data.expertId)).toEqual([busy.id]);
    expect(mine.rows.some((r) => r.entity === 'practitioner' && r.entityId === world.practitionerId)).toBe(true);
    expect(mine.rows.some((r) => r.entity === 'scheme')).toBe(true);
    expect(idleRows.rows.some((r) => ['task', 'submission', 'practitioner'].includes(r.entity))).toBe(false);
    expect(coordinatorA.rows.some((r) => r.entity === 'submission' && r.entityId === world.submissionId)).toBe(true);
    expect(coordinatorA.rows.some((r) => r.entity === 'task')).toBe(false);
    expect(coordinatorB.rows.some((r) => ['submission', 'practitioner', 'certificate'].includes(r.entity))).toBe(false);
    for (const pulled of [admin, mine, coordinatorA]) {
      for (const row of pulled.rows.filter((r) => r.entity === 'practitioner')) expect(row.data.residentId).toBeUndefined();
    }
    const again = await call<{ changes: unknown[]; cursor: number; hasMore: boolean }>(registry, busy.token, 'GET', `/v1/changes?cursor=${mine.cursor}`);
    expect(again.body).toEqual({ changes: [], cursor: mine.cursor, hasMore: false });
  });

  it('rejects a decision signed over another video than the submission\'s proxy as a result, not an error', async () => {
    const registry = await harness.start();
    const world = await reviewWorld(registry);
    const submission = await call<{ videos: unknown[] }>(registry, world.admin, 'GET', `/v1/submissions/${world.submissionId}`);
    expect(submission.body.videos).toEqual([FIXTURE_VIDEO]);
    const task = world.tasks[0]!;
    const expert = world.experts.find((e) => e.id === task.expertId)!;
    const other = await push(registry, expert, [opOf(signedDecision(expert, markSheet(task, world.schemeHash, 2, 'e'.repeat(64))), 1)]);
    expect(other.status).toBe(200);
    expect(other.body.results[0]).toMatchObject({ status: 'rejected', reason: 'decision.proxyMismatch', result: { proxySha256: [FIXTURE_VIDEO.proxySha256] } });
    const right = await push(registry, expert, [opOf(signedDecision(expert, markSheet(task, world.schemeHash)), 2)]);
    expect(right.body.results[0]!.status).toBe('applied');
  });

  it('stores why a task was withdrawn, reassigned or handed on for a conflict, and publishes it as statusReason', async () => {
    const registry = await harness.start();
    const world = await reviewWorld(registry, { experts: 5 });
    const [t0, t1, t2] = world.tasks;
    if (!t0 || !t1 || !t2) throw new Error('the world assigns three tasks');
    const expertOf = (task: { expertId: string }) => world.experts.find((e) => e.id === task.expertId)!;
    expect((await call(registry, world.admin, 'POST', `/v1/tasks/${t0.id}/withdraw`, { reason: '专家病假' })).status).toBe(200);
    const reassigned = await call<{ replacement: TaskBody }>(registry, world.admin, 'POST', `/v1/tasks/${t1.id}/reassign`, { reason: 'workload' });
    expect(reassigned.status).toBe(200);
    expect(reassigned.body.replacement.statusReason).toBeNull();
    const declared = await push(registry, expertOf(t2), [opOf({ taskId: t2.id, reason: '曾为该机构授课' }, 1, 'task.declareConflict')]);
    expect(declared.body.results[0]!.status).toBe('applied');

    for (const [task, reason, state] of [[t0, '专家病假', 'withdrawn'], [t1, 'workload', 'reassigned'], [t2, '曾为该机构授课', 'reassigned']] as const) {
      expect((await call<TaskBody>(registry, world.admin, 'GET', `/v1/tasks/${task.id}`)).body).toMatchObject({ state, statusReason: reason });
      // the expert's workstation learns it from the change feed: the latest row of the task carries the reason
      const feed = await pullAll(registry, expertOf(task).token);
      const rows = feed.rows.filter((row) => row.entity === 'task' && row.entityId === task.id);
      expect(rows.at(-1)!.data).toMatchObject({ state, statusReason: reason });
    }
  });

  it('checks the panel again for a new round: a suspended expert is replaced by one who was not on the submission', async () => {
    const registry = await harness.start();
    const world = await reviewWorld(registry, { experts: 4 });
    const assigned = new Set(world.tasks.map((t) => t.expertId));
    const spare = world.experts.find((e) => !assigned.has(e.id))!;
    const scores = [0, 3, 3];
    for (const [index, task] of world.tasks.entries()) {
      const expert = world.experts.find((e) => e.id === task.expertId)!;
      if (index === 2) {
        // after deciding round 1, the first expert is suspended
        await call(registry, world.admin, 'PUT', `/v1/experts/${world.tasks[0]!.expertId}`, { status: 'suspended', specialties: [{ occupationCode: SCHEME.occupationCode, level: 2 }], affiliations: [] });
      }
      const result = await push(registry, expert, [opOf(signedDecision(expert, markSheet(task, world.schemeHash, scores[index])), 1)]);
      expect(result.body.results[0]!.status).toBe('applied');
    }
    const round2 = await roundTasks(registry, world.admin, world.submissionId, 2);
    expect(new Set(round2.map((t) => t.expertId))).toEqual(new Set([world.tasks[1]!.expertId, world.tasks[2]!.expertId, spare.id]));
  });

  it('opens a short round when nobody eligible is free, and lets the operator top it up', async () => {
    const registry = await harness.start();
    const world = await reviewWorld(registry, { experts: 3 });
    const scores = [0, 3, 3];
    for (const [index, task] of world.tasks.entries()) {
      const expert = world.experts.find((e) => e.id === task.expertId)!;
      // before the round ends, the last expert becomes affiliated with the submitting institution
      if (index === 2) await call(registry, world.admin, 'PUT', `/v1/experts/${expert.id}`, { status: 'approved', specialties: [{ occupationCode: SCHEME.occupationCode, level: 2 }], affiliations: [world.institutionA] });
      const result = await push(registry, expert, [opOf(signedDecision(expert, markSheet(task, world.schemeHash, scores[index])), 1)]);
      expect(result.body.results[0]!.status).toBe('applied');
    }
    const round2 = await roundTasks(registry, world.admin, world.submissionId, 2);
    expect(round2.map((t) => t.expertId).sort()).toEqual([world.tasks[0]!.expertId, world.tasks[1]!.expertId].sort());
    const fresh = await world.makeExpert([]);
    const topUp = await call<{ tasks: TaskBody[] }>(registry, world.admin, 'POST', `/v1/submissions/${world.submissionId}/assignments`, {});
    expect(topUp.status).toBe(201);
    expect(topUp.body.tasks).toMatchObject([{ expertId: fresh.id, round: 2, state: 'assigned' }]);
    expect(await call(registry, world.admin, 'POST', `/v1/submissions/${world.submissionId}/assignments`, {})).toMatchObject({ status: 409, body: { error: { code: 'ILLEGAL_TRANSITION' } } });
  });

  it('takes 1,000 realistic max-size ops in one push under the ops route\'s own body limit, and refuses a byte more', async () => {
    const registry = await harness.start();
    const expert = await registry.account(['expert']);
    const ops = Array.from({ length: OPS_PER_PUSH }, (_, i) => {
      const op = realisticMaxDecisionOp(i + 1);
      return { ...op, opId: uuidv7(), payloadHash: createHash('sha256').update(canonicalJson(op.payload)).digest('hex') };
    });
    const body = JSON.stringify({ deviceId: 'd'.repeat(128), ops });
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(OPS_BODY_LIMIT_BYTES);
    expect(Buffer.byteLength(body)).toBeGreaterThan(16 * DEFAULT_BODY_LIMIT_BYTES);
    const headers = { authorization: `Bearer ${expert.token}`, 'content-type': 'application/json' };
    const accepted = await registry.app.inject({ method: 'POST', url: '/v1/ops', headers, payload: body });
    expect(accepted.statusCode).toBe(200);
    const results = (accepted.json() as Results).results;
    expect(results).toHaveLength(OPS_PER_PUSH);
    // every decision was parsed in full and then refused on its (made-up) task: business results, not errors
    expect(new Set(results.map((r) => r.reason))).toEqual(new Set(['task.notFound']));

    const prefix = '{"deviceId":"d","ops":[],"pad":"';
    const over = `${prefix}${'x'.repeat(OPS_BODY_LIMIT_BYTES + 1 - prefix.length - 2)}"}`;
    expect(Buffer.byteLength(over)).toBe(OPS_BODY_LIMIT_BYTES + 1);
    const refused = await registry.app.inject({ method: 'POST', url: '/v1/ops', headers, payload: over });
    expect(refused.statusCode).toBe(413);
    expect(refused.json()).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
    // every other route keeps the registry-wide limit
    const admin = await registry.adminToken();
    const big = await registry.app.inject({
      method: 'POST', url: '/v1/institutions', headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'x'.repeat(DEFAULT_BODY_LIMIT_BYTES + 1) }),
    });
    expect(big.statusCode).toBe(413);
  }, 120_000);
});
