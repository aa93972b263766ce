import type { Database } from 'better-sqlite3';
import type { SyncStatus as SyncStatusView } from '../../../shared/contract/ipc';
import { SessionManager } from '../auth/session-manager';
import type { SecretStorage } from '../crypto/secret-storage';
import type { EventHub } from '../events/event-hub';
import type { HandlerTable } from '../ipc/handler-table';
import type { Log } from '../ipc/log';
import { MediaCache } from '../media-cache/media-cache';
import { refreshTaskMedia } from '../media-cache/task-media';
import { ProfileRepository } from '../profiles/profile-repository';
import type { BackoffPolicy } from './backoff';
import { enqueue, type EnqueuedOp } from './outbox';
import { SyncEngine } from './sync-engine';
import { SyncWorker, type SyncStatus } from './sync-worker';

type SyncHandlers = Pick<HandlerTable,
  'session.current' | 'session.signIn' | 'session.unlock' | 'session.signOut' | 'session.profiles' | 'sync.status' | 'sync.now' | 'sync.ops'
  | 'media.cacheUsage'>;

export interface SyncServicesOptions {
  db: () => Database;
  events: EventHub;
  storage: SecretStorage;
  registryUrl: () => string;
  log: Log;
  backoff?: BackoffPolicy;
  pollIntervalMs?: number;
  /** <data>/media: the content-addressed cache the review screens read. */
  mediaRoot: string;
  /** The media cache's disk budget, read when it evicts (the setting can change while the app runs). */
  mediaQuotaBytes: () => number;
}

export interface SyncServices {
  handlers: SyncHandlers;
  session: SessionManager;
  worker: SyncWorker;
  engine: SyncEngine;
  media: MediaCache;
  /**
   * For domain services (scoring, votes): call INSIDE your write transaction; the worker is woken after commit.
   * Throws UNAUTHORIZED when no profile is unlocked.
   */
  enqueue(tx: Database, kind: string, payload: unknown, baseVersion: number | null): EnqueuedOp;
  /** Wake the worker after the caller's transaction committed. */
  kick(): void;
  close(): void;
}

/** Sign-in, the outbox and the background sync worker, composed once per process. */
export function createSyncServices(options: SyncServicesOptions): SyncServices {
  const profiles = new ProfileRepository(options.db);
  let worker: SyncWorker | null = null;
  const session = new SessionManager({
    profiles,
    storage: options.storage,
    registryUrl: options.registryUrl,
    onChange: (active) => (active ? worker?.start(active.profileId) : worker?.stop()),
  });
  const engine = new SyncEngine({ db: options.db, profiles, tokens: session.tokens, ...(options.backoff ? { backoff: options.backoff } : {}) });
  const media = new MediaCache({
    db: options.db,
    root: options.mediaRoot,
    registryUrl: () => session.requireActive().registry_url,
    accessToken: async () => {
      const active = session.current();
      const token = active ? await session.tokens.accessToken(active.profileId) : null;
      return token?.kind === 'token' ? token.token : null;
    },
    quotaBytes: options.mediaQuotaBytes,
    onProgress: (p) => options.events.emit('transfer.progress', {
      sha256: p.sha256, bytes: p.bytes, total: p.total, direction: 'download', rate: p.rate, etaSeconds: p.etaSeconds, state: p.state,
    }),
  });
  worker = new SyncWorker({
    engine,
    storedLastSuccess: (profileId) => {
      const profile = profiles.find(profileId);
      const times = [profile?.last_push_at, profile?.last_pull_at].filter((t): t is string => typeof t === 'string').sort();
      return times.at(-1) ?? null;
    },
    afterPull: (profileId) => {
      const profile = profiles.find(profileId);
      if (profile) refreshTaskMedia(media, options.db(), profileId, profile.account_id, (error) => options.log.warn('media download failed', { error: String(error) }));
    },
    pollIntervalMs: options.pollIntervalMs ?? 30_000,
    onStatus: (status) => options.events.emit('sync.state', toEvent(status)),
    onCycleError: (error) => options.log.error('sync cycle failed', { error: error instanceof Error ? error.message : String(error) }),
  });
  const view = (status: SyncStatus): SyncStatusView => ({ ...status, signedIn: status.profileId !== null });

  const handlers: SyncHandlers = {
    'session.current': async () => ({ profile: session.currentProfile() }),
    'session.signIn': async ({ username, password }) => ({ profile: await session.signIn(username, password) }),
    'session.unlock': async ({ username, password }) => ({ profile: await session.unlock(username, password) }),
    'session.signOut': async ({ forget }) => {
      await session.signOut(forget);
      return { signedOut: true as const };
    },
    'session.profiles': async () => ({
      profiles: session.localProfiles().map(({ username, displayName, registryUrl, lastOnlineAt }) => ({ username, displayName, registryUrl, lastOnlineAt })),
    }),
    'sync.status': async () => view(worker.current()),
    'media.cacheUsage': async () => ({ usedBytes: media.usedBytes(), quotaBytes: options.mediaQuotaBytes() }),
    'sync.now': async () => {
      const active = session.requireActive();
      // A user's "sync now" retries a stopped queue too, except when only a fresh sign-in can help.
      if (active.blocked_reason && active.blocked_reason !== 'signInRequired') profiles.setBlocked(active.id, null);
      return view(await worker.syncNow());
    },
    'sync.ops': async ({ states, limit }) => {
      const active = session.requireActive();
      return {
        ops: engine.queue.list(active.id, states, limit).map((op) => ({
          opId: op.op_id, seq: op.seq, kind: op.kind, state: op.state, attempts: op.attempts,
          nextAttemptAt: op.next_attempt_at, reason: op.reason, createdAt: op.created_at, settledAt: op.settled_at,
        })),
      };
    },
  };

  return {
    handlers,
    session,
    worker,
    engine,
    media,
    enqueue: (tx, kind, payload, baseVersion) => enqueue(tx, session.requireActive().id, kind, payload, baseVersion),
    kick: () => void worker.kick(),
    close: () => worker.stop(),
  };
}

function toEvent(status: SyncStatus) {
  return {
    online: status.online, registryState: status.registryState, pending: status.pending, lastSuccessAt: status.lastSuccessAt, inflight: status.inflight,
    rejected: status.rejected, running: status.running, blockedReason: status.blockedReason, lastError: status.lastError,
    nextAttemptAt: status.nextAttemptAt,
  };
}
