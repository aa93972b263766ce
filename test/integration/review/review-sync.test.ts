import { createPublicKey, verify } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReviewService } from '../../../electron/services/review/review-service';
import { SyncEngine } from '../../../electron/services/sync/sync-engine';
import { reviewChannels } from '../../../shared/contract/ipc/review-channels';
import { canonicalJson } from '../../../shared/domain/canonical-json';
import { spawnRegistry, type RegistryProcess } from '../registry/support/registry-process';
import { ADMIN_PASSWORD, EXPERT_PASSWORD, startRegistry, type LiveRegistry } from '../sync/support/registry';
import { api } from '../sync/support/review-world';
import { EXAMPLE_DRAFT } from '../sync/support/example-draft';
import { openWorkstation } from '../sync/support/workstation-dir';
import { cacheProxy, submissionForReview } from './support/registry-review-world';

/**
 * Issue 5 "flow", at the service level against a real registry process: sign in, pull the task, go offline, score
 * (with a veto and evidence), submit, restart the workstation, come back online, push — the registry verifies the
 * signature and its result equals the one worked by hand.
 */
const FAST = { baseMs: 5, capMs: 20 };

/** Hand-computed on the example scheme: 10 + 8 + (12 zeroed by V1) + 20 + 20 + 10 = 68 ≥ 60. */
const DRAFT = EXAMPLE_DRAFT;

function workstationFor(registry: LiveRegistry, dir?: string) {
  const ws = openWorkstation(registry.url, dir ? { dir } : {});
  const engine = new SyncEngine({ db: () => ws.store.db(), profiles: ws.profiles, tokens: ws.session.tokens, backoff: FAST });
  const review = createReviewService({ db: () => ws.store.db(), session: ws.session, mediaRoot: `${ws.dir}/media` });
  const call = <C extends keyof typeof reviewChannels>(channel: C, input: unknown) =>
    (review[channel] as (i: unknown, ctx: { transport: 'ipc' }) => ReturnType<(typeof review)[C]>)(reviewChannels[channel].input.parse(input), { transport: 'ipc' });
  return { ws, engine, call };
}

describe('review against a real registry', () => {
  let registry: LiveRegistry;
  const accounts = new Map<string, string>();
  beforeAll(async () => {
    registry = await startRegistry();
    for (const name of ['expert21', 'expert22', 'expert23']) accounts.set(name, await registry.createAccount(name));
  }, 60_000);
  let revived: RegistryProcess | null = null;
  afterAll(async () => {
    if (revived && revived.child.exitCode === null) {
      revived.child.kill('SIGKILL');
      await revived.exited;
    }
    await registry?.stop();
  });

  it('scores offline, survives a restart, syncs once online; the registry verifies and aggregates to the hand-computed result', async () => {
    const world = await submissionForReview(registry, [...accounts.values()]);
    const { media } = world;

    // Online: each expert signs in and downloads the task (the media cache is filled as a download would).
    const experts = [];
    for (const [name, accountId] of accounts) {
      const station = workstationFor(registry);
      await station.ws.session.signIn(name, EXPERT_PASSWORD);
      const profile = station.ws.session.requireActive();
      expect(await station.engine.pull(profile.id)).not.toMatchObject({ kind: 'blocked' });
      cacheProxy(station.ws.store, station.ws.dir, media);
      experts.push({ name, station, profile, taskId: world.taskIds.get(accountId)! });
    }

    // The registry goes away (killed), and everything below works without it.
    registry.process.child.kill('SIGKILL');
    await registry.process.exited;
    for (const { station, profile, taskId } of experts) {
      const { tasks } = await station.call('review.listTasks', {});
      expect(tasks.map((t) => [t.taskId, t.media.state, t.scoring])).toEqual([[taskId, 'ready', 'new']]);
      expect(tasks[0]).toMatchObject({ practitionerName: '陈明', occupationCode: '6-18-02-04', level: 3 });
      expect((await station.call('review.getTask', { taskId })).blocked).toBeNull();
      await station.call('review.saveDraft', { taskId, baseRevision: 0, draft: DRAFT });
      expect((await station.call('review.submitDecision', { taskId, draftRevision: 1 })).total).toBe(68);
      expect(await station.engine.push(profile.id)).toMatchObject({ kind: 'offline' });
      station.ws.close();
    }

    // Restart every workstation on its data dir (offline unlock), then the registry comes back on the same address.
    const restarted = [];
    for (const { name, station, profile, taskId } of experts) {
      const again = workstationFor(registry, station.ws.dir);
      await again.ws.session.unlock(name, EXPERT_PASSWORD);
      expect((await again.call('review.getTask', { taskId })).decision?.opState).toBe('pending');
      restarted.push({ again, profile, taskId });
    }
    const port = new URL(registry.url).port;
    revived = await spawnRegistry(['--data-dir', registry.dataDir, '--port', port, '--log-level', 'warn'], { OSEA_REGISTRY_ADMIN_PASSWORD: ADMIN_PASSWORD });
    try {
      for (const { again, profile, taskId } of restarted) {
        expect(await again.engine.push(profile.id)).toEqual({ kind: 'progress' });
        const after = await again.call('review.getTask', { taskId });
        expect(after.decision?.opState).toBe('applied');
        const op = again.ws.store.db().prepare("SELECT payload, result FROM outbox WHERE kind = 'decision.submit'").get() as { payload: string; result: string };
        expect(JSON.parse(op.result)).toMatchObject({ total: 68, decisionHash: after.decision!.decisionHash });
        const payload = JSON.parse(op.payload) as { sheet: unknown; signature: { signature: string } };
        const key = createPublicKey({ key: Buffer.from(profile.public_key_spki, 'base64'), format: 'der', type: 'spki' });
        expect(verify(null, Buffer.from(canonicalJson(payload.sheet)), key, Buffer.from(payload.signature.signature, 'base64'))).toBe(true);
      }
    } finally {
      for (const { again } of restarted) again.ws.remove();
    }

    // Three experts decided the same marks: the registry's aggregate is the hand-computed 68, certified.
    const submission = await api<{ state: string; result: { total: number; pass: boolean; outcome: string } }>(registry, world.admin, 'GET', `/v1/submissions/${world.submissionId}`);
    expect(submission.state).toBe('certified');
    expect(submission.result).toMatchObject({ total: 68, pass: true, outcome: 'certified' });
  }, 120_000);

  it('a conflict-of-interest declaration reaches the registry, which reassigns; the pulled task is read-only with the reason', async () => {
    const extra = await registry.createAccount('expert24');
    const world = await submissionForReview(registry, [accounts.get('expert21')!, accounts.get('expert22')!, accounts.get('expert23')!]);
    // A fourth approved expert, so the registry can hand the task on instead of withdrawing it.
    await api(registry, world.admin, 'PUT', `/v1/experts/${extra}`, {
      status: 'approved', specialties: [{ occupationCode: '6-18-02-04', level: 2 }], affiliations: [],
    });
    const station = workstationFor(registry);
    try {
      await station.ws.session.signIn('expert21', EXPERT_PASSWORD);
      const profile = station.ws.session.requireActive();
      await station.engine.pull(profile.id);
      const taskId = world.taskIds.get(accounts.get('expert21')!)!;
      await station.call('review.saveDraft', { taskId, baseRevision: 0, draft: { ...DRAFT, verdict: null } });
      await station.call('review.declareConflict', { taskId, reason: '曾在该机构兼职授课' });
      expect(await station.engine.push(profile.id)).toEqual({ kind: 'progress' });
      await station.engine.pull(profile.id);
      const detail = await station.call('review.getTask', { taskId });
      expect(detail.row.taskState).toBe('reassigned');
      expect(detail.row.readOnly).toBe('reassigned');
      // The registry publishes why it moved the task (here the declared conflict) and the pull carries it through.
      expect(reviewChannels['review.getTask'].output.parse(detail).row.statusReason).toBe('曾在该机构兼职授课');
      expect((await station.call('review.listTasks', {})).tasks.find((row) => row.taskId === taskId)?.statusReason).toBe('曾在该机构兼职授课');
      expect(detail.conflict).toMatchObject({ reason: '曾在该机构兼职授课', opState: 'applied' });
      // The draft stays, read-only and exportable.
      expect(detail.draft?.marks).toHaveLength(6);
      expect(JSON.parse((await station.call('review.exportTask', { taskId })).json))
        .toMatchObject({ task: { readOnly: 'reassigned', statusReason: '曾在该机构兼职授课' } });
    } finally {
      station.ws.remove();
    }
  }, 60_000);
});
