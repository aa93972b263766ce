import type { Database } from 'better-sqlite3';
import { needsKeyRegistration, registerDeviceKey } from '../auth/device-key-registration';
import type { TokenKeeper } from '../auth/token-keeper';
import type { ProfileRepository, ProfileRow } from '../profiles/profile-repository';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import { ChangesResponse, PushResponse, type PushRequest } from '../../../shared/contract/registry/sync';
import { OutboxQueue, type OutboxRow } from './outbox';
import { callRegistry, isTransient, type RegistryOutcome } from './registry-http';
import { describe, observationOf, retryAfter, type EngineObservation } from './registry-observation';
import { Replica } from './replica';

/** Ops whose payload carries the device key's signature, which the registry checks against the registered key. */
const SIGNED_KINDS = new Set(['decision.submit']);
export const DEVICE_KEY_UNREGISTERED = 'deviceKeyUnregistered';

/** What one push or pull step came to; the worker decides when to run the next one from it. */
export type StepOutcome =
  /**
   * Nothing (more) to do. `reached`: this step got its answer from the registry (a pull read the feed to its end);
   * false for a push that found the queue empty and sent nothing, which says nothing about the link.
   */
  | { kind: 'idle'; reached: boolean }
  | { kind: 'progress' }
  | { kind: 'waiting'; until: number }
  /** `held`: why the queue waits although the link may be fine (e.g. deviceKeyUnregistered), shown as the blocked reason. */
  | { kind: 'offline'; reason: string; until: number; held?: string }
  | { kind: 'blocked'; reason: string };

export type { EngineObservation } from './registry-observation';

export interface SyncEngineOptions {
  db: () => Database;
  profiles: ProfileRepository;
  tokens: TokenKeeper;
  backoff?: BackoffPolicy;
  batchSize?: number;
  pullPageSize?: number;
  timeoutMs?: number;
  now?: () => number;
  random?: () => number;
}

/**
 * One profile's push and pull against the registry (DESIGN §7). Everything that must survive a crash (queue,
 * attempts, next attempt, cursor) lives in the store; only the pull's failure count is kept in memory.
 */
export class SyncEngine {
  readonly queue: OutboxQueue;
  readonly replica: Replica;
  lastObservation: EngineObservation = { reachable: false, state: 'unreachable', detail: null };
  private readonly backoff: BackoffPolicy;
  private readonly now: () => number;
  /**
   * Failed pulls in a row, per profile. In memory, unlike push attempts (which live on the ops): a pull has no row of
   * its own, and after a restart starting again from the first, short backoff step is what we want anyway.
   */
  private readonly pullAttempts = new Map<string, number>();

  constructor(private readonly options: SyncEngineOptions) {
    this.queue = new OutboxQueue(options.db);
    this.replica = new Replica(options.db);
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.now = options.now ?? Date.now;
  }

  async push(profileId: string): Promise<StepOutcome> {
    const profile = this.options.profiles.find(profileId);
    if (!profile) return { kind: 'blocked', reason: 'noProfile' };
    if (profile.blocked_reason) return { kind: 'blocked', reason: profile.blocked_reason };
    let batch = this.queue.unsettled(profileId, this.options.batchSize ?? 500);
    const head = batch[0];
    if (!head) return { kind: 'idle', reached: false };
    if (head.next_attempt_at && Date.parse(head.next_attempt_at) > this.now()) {
      return { kind: 'waiting', until: Date.parse(head.next_attempt_at) };
    }
    const token = await this.token(profile);
    if (token.kind !== 'token') return this.deferOrBlock(batch, token);

    const keyed = await this.withDeviceKey(profile, token.token, batch);
    if (keyed.kind !== 'send') return keyed.outcome;
    batch = keyed.batch;

    this.queue.markInflight(batch.map((op) => op.op_id));
    const request: PushRequest = {
      deviceId: profile.device_id,
      ops: batch.map((op) => ({
        opId: op.op_id, seq: op.seq, kind: op.kind, payload: JSON.parse(op.payload) as unknown,
        payloadHash: op.payload_hash, baseVersion: op.base_version,
      })),
    };
    let outcome = await this.post(profile, token.token, request);
    if (outcome.kind === 'error' && outcome.status === 401) {
      const fresh = await this.options.tokens.accessToken(profileId, { forceRefresh: true });
      if (fresh.kind !== 'token') return this.deferOrBlock(batch, fresh);
      outcome = await this.post(profile, fresh.token, request);
    }
    return this.handlePush(profile, batch, outcome);
  }

  async pull(profileId: string): Promise<StepOutcome> {
    const profile = this.options.profiles.find(profileId);
    if (!profile) return { kind: 'blocked', reason: 'noProfile' };
    if (profile.blocked_reason) return { kind: 'blocked', reason: profile.blocked_reason };
    const token = await this.token(profile);
    if (token.kind === 'sign-in-required') return { kind: 'blocked', reason: 'signInRequired' };
    if (token.kind === 'offline') return this.pullFailed(profileId, token.reason, null);
    let cursor = Number(profile.pull_cursor ?? '0');
    const fetchPage = (from: number) => callRegistry(profile.registry_url, {
      method: 'GET', path: `/v1/changes?cursor=${from}&limit=${this.options.pullPageSize ?? 1000}`, token: token.token,
      timeoutMs: this.options.timeoutMs,
    }, ChangesResponse);
    let pending = fetchPage(cursor);
    for (;;) {
      const outcome = await pending;
      this.observe(outcome);
      if (outcome.kind !== 'ok') {
        return isTransient(outcome)
          ? this.pullFailed(profileId, describe(outcome), retryAfter(outcome))
          : { kind: 'blocked', reason: `pullRefused:${describe(outcome)}` };
      }
      const page = outcome.value;
      // A cursor that goes backwards is not an answer we can trust: re-applying old rows would undo newer ones.
      if (page.cursor < cursor || page.changes.some((c) => c.seq <= cursor || c.seq > page.cursor)) {
        this.lastObservation = { reachable: false, state: 'badResponse', detail: 'badResponse:cursor' };
        return this.pullFailed(profileId, 'badResponse:cursor', null);
      }
      // The next page is requested before this one is written, so the registry and the local store work in parallel;
      // pages are still applied strictly in order, each with its cursor in one transaction.
      if (page.hasMore) pending = fetchPage(page.cursor);
      this.replica.applyChanges(profileId, page.changes, page.cursor, new Date(this.now()).toISOString());
      cursor = page.cursor;
      if (!page.hasMore) {
        this.pullAttempts.delete(profileId);
        return { kind: 'idle', reached: true };
      }
    }
  }

  /**
   * The registry verifies every decision against the expert's registered device key and rejects one signed with an
   * unknown key for good (`decision.unknownKey`), so no decision leaves before the key is registered. Ops ahead of the
   * first decision still go (seq order is kept); a batch headed by a decision waits with backoff. A registration the
   * registry refuses (not transient) stops the queue visibly instead of retrying forever.
   */
  private async withDeviceKey(profile: ProfileRow, token: string, batch: OutboxRow[]): Promise<{ kind: 'send'; batch: OutboxRow[] } | { kind: 'hold'; outcome: StepOutcome }> {
    if (!needsKeyRegistration(profile)) return { kind: 'send', batch };
    let outcome = await registerDeviceKey(this.options.profiles, profile, token, this.now);
    if (outcome.kind === 'error' && outcome.status === 401) {
      const fresh = await this.options.tokens.accessToken(profile.id, { forceRefresh: true });
      if (fresh.kind === 'token') outcome = await registerDeviceKey(this.options.profiles, profile, fresh.token, this.now);
    }
    if (outcome.kind === 'ok') return { kind: 'send', batch };
    this.observe(outcome);
    const firstDecision = batch.findIndex((op) => SIGNED_KINDS.has(op.kind));
    if (firstDecision === -1) return { kind: 'send', batch };
    if (firstDecision > 0) return { kind: 'send', batch: batch.slice(0, firstDecision) };
    if (!isTransient(outcome)) {
      return { kind: 'hold', outcome: this.refuse(profile, batch, `deviceKeyRefused:${describe(outcome)}`) };
    }
    return { kind: 'hold', outcome: this.defer(batch, DEVICE_KEY_UNREGISTERED, retryAfter(outcome), { countAttempt: true, held: DEVICE_KEY_UNREGISTERED }) };
  }

  /** The pull's own exponential backoff with jitter: a registry that keeps failing is asked less and less often. */
  private pullFailed(profileId: string, reason: string, retryAfterMs: number | null): StepOutcome {
    const attempts = (this.pullAttempts.get(profileId) ?? 0) + 1;
    this.pullAttempts.set(profileId, attempts);
    return { kind: 'offline', reason, until: this.now() + backoffDelay(this.backoff, attempts, retryAfterMs, this.options.random) };
  }

  private post(profile: ProfileRow, token: string, request: PushRequest): Promise<RegistryOutcome<PushResponse>> {
    return callRegistry(profile.registry_url, { method: 'POST', path: '/v1/ops', token, body: request, timeoutMs: this.options.timeoutMs }, PushResponse);
  }

  private handlePush(profile: ProfileRow, batch: OutboxRow[], outcome: RegistryOutcome<PushResponse>): StepOutcome {
    this.observe(outcome);
    const nowIso = new Date(this.now()).toISOString();
    if (outcome.kind === 'ok') {
      const sent = new Set(batch.map((op) => op.op_id));
      if (outcome.value.results.some((r) => !sent.has(r.opId))) {
        // Results for ops we did not send: a confused registry or a proxy mixing responses. Act on none of them.
        return this.badAnswer(batch, 'badResponse:foreignResult');
      }
      this.queue.settle(outcome.value.results.map((r) => ({
        opId: r.opId, state: r.status, result: r.result, reason: r.status === 'rejected' ? r.reason : null,
      })), nowIso);
      this.options.db().prepare('UPDATE profiles SET last_push_at = ? WHERE id = ?').run(nowIso, profile.id);
      return outcome.value.results.length > 0 ? { kind: 'progress' } : this.badAnswer(batch, 'badResponse:noResults');
    }
    if (outcome.kind === 'error') {
      const code = outcome.body?.error.code;
      if (outcome.status === 409 && code === 'SEQ_GAP' && outcome.body?.error.expectedSeq !== undefined) {
        return this.seqGap(profile, batch, outcome.body.error.expectedSeq);
      }
      if (outcome.status === 422 && code === 'OP_ID_CONFLICT') return this.refuse(profile, batch, 'opIdConflict');
      if (outcome.status === 401) return this.refuse(profile, batch, 'signInRequired');
      if (outcome.status === 403) return this.refuse(profile, batch, code === 'DEVICE_NOT_YOURS' ? 'deviceNotYours' : 'forbidden');
    }
    if (isTransient(outcome)) return this.defer(batch, describe(outcome), retryAfter(outcome));
    return this.refuse(profile, batch, `registryRefused:${describe(outcome)}`);
  }

  /** The batch goes back to pending (it was not applied) and the queue stops with the registry's reason. */
  private refuse(profile: ProfileRow, batch: OutboxRow[], reason: string): StepOutcome {
    this.queue.deferUnsettled(batch.map((op) => op.op_id), new Date(this.now()).toISOString(), reason);
    return this.block(profile, reason);
  }

  /**
   * 409 with the seq the registry expects next (E) for a batch starting at F.
   * E < F: the registry lacks ops we hold as settled (it was restored from a backup). We still hold every op in full,
   *   and op ids are idempotency keys, so re-sending E..F-1 is safe: it cannot apply anything twice.
   * E > F: the registry already holds ops at our seqs that it did not recognise as ours by op id — another copy of
   *   this data folder is syncing as the same device, or this store was restored from an older backup. Renumbering
   *   would silently interleave two histories, so the queue stops with a visible reason and keeps every op.
   */
  private seqGap(profile: ProfileRow, batch: OutboxRow[], expectedSeq: number): StepOutcome {
    const first = batch[0]!.seq;
    if (expectedSeq < first && expectedSeq >= 1 && this.queue.rewind(profile.id, profile.device_id, expectedSeq, first)) {
      this.queue.deferUnsettled(batch.map((op) => op.op_id), new Date(this.now()).toISOString(), 'resentAfterRegistryGap');
      // The 409 was the registry telling us where to resume, not a refusal.
      this.lastObservation = { reachable: true, state: 'ok', detail: null };
      return { kind: 'progress' };
    }
    this.queue.deferUnsettled(batch.map((op) => op.op_id), new Date(this.now()).toISOString(), `seqGap:expected ${expectedSeq}`);
    return this.block(profile, expectedSeq > first ? 'seqAhead' : 'seqBehindUnrecoverable');
  }

  /**
   * `countAttempt`: nothing was sent (markInflight did not count it), but the wait must still grow, or a failure that
   * happens before the send would retry at the first backoff step forever.
   */
  private defer(batch: OutboxRow[], reason: string, retryAfterMs: number | null, options: { countAttempt?: boolean; held?: string } = {}): StepOutcome {
    const attempts = (batch[0]?.attempts ?? 0) + 1;
    const until = this.now() + backoffDelay(this.backoff, attempts, retryAfterMs, this.options.random);
    this.queue.deferUnsettled(batch.map((op) => op.op_id), new Date(until).toISOString(), reason, { countAttempt: options.countAttempt ?? false });
    return { kind: 'offline', reason, until, ...(options.held ? { held: options.held } : {}) };
  }

  /** A well-formed body that makes no sense for what we sent: not the registry we trust, so not "online". */
  private badAnswer(batch: OutboxRow[], reason: string): StepOutcome {
    this.lastObservation = { reachable: false, state: 'badResponse', detail: reason };
    return this.defer(batch, reason, null);
  }

  private deferOrBlock(batch: OutboxRow[], token: { kind: 'offline' | 'sign-in-required'; reason: string }): StepOutcome {
    if (token.kind === 'sign-in-required') return { kind: 'blocked', reason: 'signInRequired' };
    return this.defer(batch, `offline:${token.reason}`, null, { countAttempt: true });
  }

  private block(profile: ProfileRow, reason: string): StepOutcome {
    this.options.profiles.setBlocked(profile.id, reason);
    return { kind: 'blocked', reason };
  }

  private async token(profile: ProfileRow) {
    const token = await this.options.tokens.accessToken(profile.id);
    if (token.kind === 'offline') {
      // The token keeper words a bad answer to the refresh as "status N" and a network fault by its code.
      const state = token.reason.startsWith('status ') ? 'badResponse' : 'unreachable';
      this.lastObservation = { reachable: false, state, detail: token.reason };
    }
    return token;
  }

  private observe(outcome: RegistryOutcome<unknown>): void {
    this.lastObservation = observationOf(outcome);
  }
}
