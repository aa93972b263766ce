import type { RegistryState } from '../../../shared/contract/ipc/channels';
import type { SyncEngine, StepOutcome } from './sync-engine';

export interface SyncStatus {
  profileId: string | null;
  online: boolean;
  registryState: RegistryState;
  running: boolean;
  pending: number;
  inflight: number;
  rejected: number;
  applied: number;
  lastSuccessAt: string | null;
  lastError: string | null;
  blockedReason: string | null;
  nextAttemptAt: string | null;
}

export interface SyncWorkerOptions {
  engine: SyncEngine;
  /** Pull even when nothing is queued, so withdrawals and new tasks arrive. */
  pollIntervalMs?: number;
  now?: () => number;
  onStatus?: (status: SyncStatus) => void;
  onCycleError?: (error: unknown) => void;
  /** After a pull that reached the end of the feed (media downloads for new tasks start here). */
  afterPull?: (profileId: string) => void;
  /** The last success recorded in the store, so the status survives a restart. */
  storedLastSuccess?: (profileId: string) => string | null;
}

/**
 * The background loop for the active profile: push, then pull, then sleep until the next due time or a kick.
 * It runs on timers in the main process (or the web host), never on the UI thread; the renderer only hears events.
 * An unreachable registry is the ordinary offline state: the loop backs off and tries again, quietly.
 */
export class SyncWorker {
  private profileId: string | null = null;
  private timer: NodeJS.Timeout | null = null;
  private cycle: Promise<void> | null = null;
  private followUp: Promise<void> | null = null;
  private status: SyncStatus;
  private readonly now: () => number;

  constructor(private readonly options: SyncWorkerOptions) {
    this.now = options.now ?? Date.now;
    this.status = emptyStatus(null);
  }

  start(profileId: string): void {
    this.stop();
    this.profileId = profileId;
    // Whatever was in flight when the last process died is simply sent again: op ids make it idempotent.
    this.options.engine.queue.resetInflight(profileId);
    this.status = emptyStatus(profileId);
    this.status.lastSuccessAt = this.options.storedLastSuccess?.(profileId) ?? null;
    this.refreshCounts();
    this.kick();
  }

  stop(): void {
    this.profileId = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.status = emptyStatus(null);
    this.publish();
  }

  current(): SyncStatus {
    if (this.profileId) this.refreshCounts();
    return { ...this.status };
  }

  /**
   * Run a cycle now (after an enqueue, or the user's "sync now"); resolves when a cycle that STARTED after this call
   * is over, so whatever was committed before the call has been offered to the registry.
   */
  kick(): Promise<void> {
    if (!this.profileId) return Promise.resolve();
    if (this.cycle) {
      this.followUp ??= this.cycle.then(() => this.startCycle());
      return this.followUp;
    }
    return this.startCycle();
  }

  private startCycle(): Promise<void> {
    this.followUp = null;
    if (!this.profileId) return Promise.resolve();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.cycle = this.run().finally(() => {
      this.cycle = null;
    });
    return this.cycle;
  }

  /** "Sync now": clears a pending backoff wait, so the user's click means an attempt right away. */
  async syncNow(): Promise<SyncStatus> {
    const profileId = this.profileId;
    if (profileId) this.options.engine.queue.deferUnsettled(
      this.options.engine.queue.unsettled(profileId, 1_000_000).map((op) => op.op_id), new Date(this.now()).toISOString(), 'syncNow',
    );
    await this.kick();
    return this.current();
  }

  private async run(): Promise<void> {
    const profileId = this.profileId;
    if (!profileId) return;
    this.status.running = true;
    this.publish();
    let next: number;
    try {
      next = await this.cycleOnce(profileId);
    } catch (error) {
      // A bug or a store fault must not kill the loop (nor the process); it is reported and retried later.
      this.options.onCycleError?.(error);
      this.status.lastError = error instanceof Error ? error.message : String(error);
      next = this.now() + 5_000;
    }
    this.status.running = false;
    if (this.profileId !== profileId) return;
    this.refreshCounts();
    this.publish();
    const delay = Math.max(0, next - this.now());
    this.timer = setTimeout(() => void this.kick(), delay);
  }

  /** Push until the queue is drained or stalls, then pull; returns when the next cycle is due. */
  private async cycleOnce(profileId: string): Promise<number> {
    const { engine } = this.options;
    const poll = this.now() + (this.options.pollIntervalMs ?? 30_000);
    let pushed: StepOutcome;
    do {
      pushed = await engine.push(profileId);
      this.note(pushed, false);
      if (pushed.kind === 'progress') {
        this.refreshCounts();
        this.publish();
      }
    } while (pushed.kind === 'progress' && this.profileId === profileId);
    if (pushed.kind === 'blocked') return poll;
    if (pushed.kind === 'offline' && !engine.lastObservation.reachable) return pushed.until;
    const pulled = await engine.pull(profileId);
    // A good pull says the link works; it does not mean the queue drained, so a push that is waiting keeps its say.
    this.note(pulled, pushed.kind === 'offline' || pushed.kind === 'waiting');
    if (pulled.kind === 'idle') this.options.afterPull?.(profileId);
    const dues = [poll];
    for (const step of [pushed, pulled]) if (step.kind === 'waiting' || step.kind === 'offline') dues.push(step.until);
    return Math.min(...dues);
  }

  private note(step: StepOutcome, pushWaiting: boolean): void {
    const observation = this.options.engine.lastObservation;
    // An empty queue sends nothing, so it cannot vouch for the link: the pull that follows decides online-ness.
    if (step.kind === 'idle' && !step.reached) return;
    if (step.kind === 'idle' || step.kind === 'progress') {
      this.status.online = true;
      this.status.registryState = 'ok';
      this.status.lastSuccessAt = new Date(this.now()).toISOString();
      if (pushWaiting) return;
      this.status.lastError = null;
      this.status.blockedReason = null;
      this.status.nextAttemptAt = null;
    } else if (step.kind === 'offline' || step.kind === 'waiting') {
      if (step.kind === 'offline') {
        this.status.online = observation.reachable;
        this.status.registryState = observation.state;
        this.status.lastError = step.reason;
        this.status.blockedReason = step.held ?? null;
      }
      this.status.nextAttemptAt = new Date(step.until).toISOString();
    } else {
      // A block found in the store makes no request, so the observation (and `online`) stays what it last was.
      this.status.online = observation.reachable;
      this.status.registryState = observation.state;
      this.status.blockedReason = step.reason;
    }
  }

  private refreshCounts(): void {
    if (!this.profileId) return;
    const counts = this.options.engine.queue.counts(this.profileId);
    Object.assign(this.status, counts);
  }

  private publish(): void {
    this.options.onStatus?.({ ...this.status });
  }
}

function emptyStatus(profileId: string | null): SyncStatus {
  return {
    profileId, online: false, registryState: 'unreachable', running: false, pending: 0, inflight: 0, rejected: 0, applied: 0,
    lastSuccessAt: null, lastError: null, blockedReason: null, nextAttemptAt: null,
  };
}
