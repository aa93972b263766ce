import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SyncEngine } from '../../../electron/services/sync/sync-engine';
import { SyncWorker } from '../../../electron/services/sync/sync-worker';
import { EXPERT_PASSWORD, startRegistry, type LiveRegistry } from './support/registry';
import { openWorkstation } from './support/workstation-dir';

/** Nothing listens on the discard port of loopback: connections are refused at once. */
const UNREACHABLE = 'http://127.0.0.1:9';

/**
 * "Online" and "last success" in the header must come from a request the registry answered. With nothing queued the
 * push sends nothing, so an empty queue alone must never read as a fresh success (it did: "synced just now" while
 * the registry was down).
 */
describe('sync status with an empty queue', () => {
  let registry: LiveRegistry;
  beforeAll(async () => {
    registry = await startRegistry();
    await registry.createAccount('expert61');
  });
  afterAll(async () => registry.stop());

  it('reads online only after the registry answered, and an unreachable registry leaves the last success as it was', async () => {
    const ws = openWorkstation(registry.url);
    let clock = Date.parse('2026-03-02T08:00:00.000Z');
    const engine = new SyncEngine({ db: () => ws.store.db(), profiles: ws.profiles, tokens: ws.session.tokens, backoff: { baseMs: 50, capMs: 100 } });
    const worker = new SyncWorker({ engine, pollIntervalMs: 60_000, now: () => clock });
    try {
      await ws.session.signIn('expert61', EXPERT_PASSWORD);
      const profile = ws.session.requireActive();
      worker.start(profile.id);
      const reached = await worker.syncNow();
      expect(reached).toMatchObject({ online: true, registryState: 'ok', pending: 0, lastSuccessAt: '2026-03-02T08:00:00.000Z', lastError: null });

      // The registry goes away (same profile, same valid token); a minute later the queue is still empty.
      ws.store.db().prepare('UPDATE profiles SET registry_url = ? WHERE id = ?').run(UNREACHABLE, profile.id);
      clock += 60_000;
      const down = await worker.syncNow();
      expect(down).toMatchObject({ online: false, registryState: 'unreachable', pending: 0, lastSuccessAt: '2026-03-02T08:00:00.000Z' });
      expect(down.lastError).toMatch(/^unreachable:/);
      expect(down.nextAttemptAt).not.toBeNull();

      // A worker that never reached the registry has no last success to show at all.
      worker.stop();
      const fresh = new SyncWorker({ engine, pollIntervalMs: 60_000, now: () => clock });
      try {
        fresh.start(profile.id);
        expect(await fresh.syncNow()).toMatchObject({ online: false, pending: 0, lastSuccessAt: null });
      } finally {
        fresh.stop();
      }

      // Back on the registry: the pull's answer, not the empty push, is what reads online again.
      ws.store.db().prepare('UPDATE profiles SET registry_url = ? WHERE id = ?').run(registry.url, profile.id);
      clock += 60_000;
      worker.start(profile.id);
      expect(await worker.syncNow()).toMatchObject({ online: true, registryState: 'ok', lastSuccessAt: '2026-03-02T08:02:00.000Z', lastError: null, nextAttemptAt: null });
    } finally {
      worker.stop();
      ws.remove();
    }
  });
});
