import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventName } from '../../../shared/contract/ipc';
import { silentLog } from '../../../electron/services/ipc/log';
import { createWorkstation, type Workstation } from '../../../electron/services/workstation';
import { tempDir } from '../../unit/services/temp-dir';
import { EXPERT_PASSWORD, startRegistry, type LiveRegistry } from './support/registry';
import { registryOps } from './support/registry-ops';

const ctx = { transport: 'web' as const };

describe('session.* and sync.* through the workstation dispatcher', () => {
  let registry: LiveRegistry;
  let dir: ReturnType<typeof tempDir>;
  let ws: Workstation;
  const events: { event: EventName; payload: unknown }[] = [];
  beforeAll(async () => {
    registry = await startRegistry();
    await registry.createAccount('expert61');
    dir = tempDir('osea-sync-ws-');
    ws = createWorkstation({
      dataDir: dir.path, mode: 'web', version: '0.0.0', registryUrl: registry.url,
      openExternal: async () => true, quit: () => {}, log: silentLog,
    });
    ws.events.subscribe((event, payload) => events.push({ event, payload }));
  });
  afterAll(async () => {
    ws.close();
    dir.remove();
    await registry.stop();
  });

  const call = async (channel: string, input: unknown = {}) => ws.dispatch(channel, input, ctx);

  it('signs in, reports the real profile, syncs queued ops and lists them with reasons', async () => {
    expect(await call('session.current')).toEqual({ ok: true, value: { profile: null } });
    expect(await call('sync.status')).toMatchObject({ ok: true, value: { signedIn: false, pending: 0 } });
    expect(await call('sync.ops')).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(await call('session.signIn', { username: 'expert61', password: 'wrong-one' })).toMatchObject({
      ok: false, error: { code: 'UNAUTHORIZED', messageKey: 'errors.signIn.invalidCredentials' },
    });
    expect(await call('session.signIn', { username: 'expert61', password: EXPERT_PASSWORD })).toEqual({
      ok: true, value: { profile: { username: 'expert61', displayName: 'expert61 专家', roles: ['expert'] } },
    });
    expect(await call('session.current')).toMatchObject({ ok: true, value: { profile: { username: 'expert61' } } });

    // A domain service writes and enqueues in one transaction, then wakes the worker.
    const db = ws.store.db();
    db.transaction(() => {
      for (let i = 0; i < 3; i += 1) ws.sync.enqueue(db, 'task.declareConflict', { taskId: `nope-${i}`, reason: '回避' }, null);
    })();
    const status = await call('sync.now');
    expect(status).toMatchObject({ ok: true, value: { signedIn: true, online: true, pending: 0, inflight: 0, rejected: 3, blockedReason: null } });
    const ops = await call('sync.ops', { states: ['rejected'] });
    expect(ops.ok && (ops.value as { ops: { reason: string; state: string; seq: number }[] }).ops.map((op) => [op.seq, op.state, op.reason])).toEqual([
      [1, 'rejected', 'task.notFound'], [2, 'rejected', 'task.notFound'], [3, 'rejected', 'task.notFound'],
    ]);
    expect(registryOps(registry.dataDir)).toHaveLength(3);
    const states = events.filter((e) => e.event === 'sync.state').map((e) => e.payload as { online: boolean; rejected?: number });
    expect(states.at(-1)).toMatchObject({ online: true, rejected: 3 });

    expect(await call('session.profiles')).toMatchObject({ ok: true, value: { profiles: [{ username: 'expert61', registryUrl: registry.url }] } });
    expect(await call('session.signOut', {})).toEqual({ ok: true, value: { signedOut: true } });
    expect(await call('session.current')).toEqual({ ok: true, value: { profile: null } });
    expect(await call('session.unlock', { username: 'expert61', password: EXPERT_PASSWORD })).toMatchObject({ ok: true });
    expect(await call('session.signOut', { forget: 'yes' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
