import { createReviewService } from '../../../electron/services/review/review-service';
import { SyncEngine, type StepOutcome } from '../../../electron/services/sync/sync-engine';
import { reviewChannels } from '../../../shared/contract/ipc/review-channels';
import { EXPERT_PASSWORD } from '../../integration/sync/support/registry';
import { openWorkstation } from '../../integration/sync/support/workstation-dir';
import type { Fault } from './fault-proxy';

/**
 * Which exchanges of the sync protocol (/v1/ops, /v1/changes) the fault proxy spoils next: the model sets a fault
 * kind and a count, the proxy applies it to that many exchanges and passes everything else.
 */
export class FaultPlan {
  private kind: Fault['kind'] = 'pass';
  private left = 0;
  set(kind: Fault['kind'], count: number): void {
    this.kind = kind;
    this.left = count;
  }
  clear(): void {
    this.set('pass', 0);
  }
  next(path: string | undefined): Fault {
    if (!path?.startsWith('/v1/ops') && !path?.startsWith('/v1/changes')) return { kind: 'pass' };
    if (this.left <= 0) return { kind: 'pass' };
    this.left -= 1;
    return { kind: this.kind } as Fault;
  }
}

const sleepUntil = (until: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, Math.min(until - Date.now(), 200))));

/**
 * The real workstation under test: the app's store, session (signed in through the fault proxy), sync engine and
 * review handlers, on one data dir that survives CrashAndReopen.
 */
export class ModelWorkstation {
  ws: ReturnType<typeof openWorkstation>;
  engine!: SyncEngine;
  review!: ReturnType<typeof createReviewService>;
  profileId = '';
  accountId = '';

  private constructor(private readonly proxyUrl: string, private readonly username: string) {
    this.ws = openWorkstation(proxyUrl);
  }

  static async signIn(proxyUrl: string, username: string): Promise<ModelWorkstation> {
    const station = new ModelWorkstation(proxyUrl, username);
    await station.ws.session.signIn(username, EXPERT_PASSWORD);
    station.wire();
    return station;
  }

  private wire(): void {
    const active = this.ws.session.requireActive();
    this.profileId = active.id;
    this.accountId = active.account_id;
    const ws = this.ws;
    this.engine = new SyncEngine({ db: () => ws.store.db(), profiles: ws.profiles, tokens: ws.session.tokens, backoff: { baseMs: 1, capMs: 4 }, batchSize: 3 });
    this.review = createReviewService({ db: () => ws.store.db(), session: ws.session, mediaRoot: `${ws.dir}/media` });
  }

  /** A review handler called as the IPC layer calls it: input parsed by the channel's schema. */
  call<C extends keyof typeof reviewChannels>(channel: C, input: unknown): ReturnType<ReturnType<typeof createReviewService>[C]> {
    const handler = this.review[channel] as (i: unknown, ctx: { transport: 'ipc' }) => ReturnType<ReturnType<typeof createReviewService>[C]>;
    return handler(reviewChannels[channel].input.parse(input), { transport: 'ipc' });
  }

  /**
   * The process dies: the store is closed without any orderly shutdown of the engine (nothing is flushed or settled),
   * then the app starts again on the same data dir, unlocks offline, and the worker's start resets in-flight ops.
   */
  async crashAndReopen(): Promise<void> {
    const dir = this.ws.dir;
    this.ws.close();
    this.ws = openWorkstation(this.proxyUrl, { dir });
    await this.ws.session.unlock(this.username, EXPERT_PASSWORD);
    this.wire();
    this.engine.queue.resetInflight(this.profileId);
  }

  /** Up to `steps` push steps, sleeping through backoff waits; returns the last outcome. */
  async push(steps: number): Promise<StepOutcome> {
    let last: StepOutcome = { kind: 'progress' };
    for (let step = 0; step < steps; step += 1) {
      last = await this.engine.push(this.profileId);
      if (last.kind === 'idle' || last.kind === 'blocked') return last;
      if (last.kind === 'waiting' || last.kind === 'offline') await sleepUntil(last.until);
    }
    return last;
  }

  /** Pushes until the queue is empty; false when it is not after `maxSteps`. */
  async drain(maxSteps: number): Promise<boolean> {
    return (await this.push(maxSteps)).kind === 'idle';
  }

  /** Pulls until the registry's feed has been read to its end (retrying faults); throws when it never gets there. */
  async pullToEnd(maxSteps = 20): Promise<void> {
    let last: StepOutcome = { kind: 'progress' };
    for (let step = 0; step < maxSteps; step += 1) {
      last = await this.engine.pull(this.profileId);
      if (last.kind === 'idle') return;
      if (last.kind === 'blocked') throw new Error(`pull blocked: ${last.reason}`);
      if (last.kind === 'waiting' || last.kind === 'offline') await sleepUntil(last.until);
    }
    throw new Error(`pull did not reach the end of the feed in ${maxSteps} steps: ${JSON.stringify(last)}`);
  }

  /** The app's crash of the answers: ops the registry answered look in flight again, as if the answers never came. */
  loseResponses(fromEnd: number): void {
    this.ws.store.db().prepare(`UPDATE outbox SET state = 'inflight', settled_at = NULL WHERE op_id IN
      (SELECT op_id FROM outbox WHERE profile_id = ? AND state IN ('applied', 'rejected') ORDER BY seq DESC LIMIT ?)`).run(this.profileId, fromEnd);
  }

  outbox(): { op_id: string; seq: number; state: string; reason: string | null }[] {
    return this.ws.store.db().prepare('SELECT op_id, seq, state, reason FROM outbox WHERE profile_id = ? ORDER BY seq')
      .all(this.profileId) as { op_id: string; seq: number; state: string; reason: string | null }[];
  }

  deviceId(): string {
    return this.ws.profiles.find(this.profileId)!.device_id;
  }

  blockedReason(): string | null {
    return this.ws.profiles.find(this.profileId)?.blocked_reason ?? null;
  }

  /** The replica's task row as the pull wrote it (server state), straight from the store. */
  replicaTask(taskId: string): { state: unknown; statusReason: unknown; version: number | null } | null {
    const row = this.engine.replica.get(this.profileId, 'task', taskId);
    if (!row) return null;
    const data = row.data as { state?: unknown; statusReason?: unknown };
    return { state: data.state, statusReason: data.statusReason ?? null, version: row.version };
  }

  remove(): void {
    this.ws.remove();
  }
}
