import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SyncEngine } from '../../../electron/services/sync/sync-engine';
import { SyncWorker } from '../../../electron/services/sync/sync-worker';
import { bulkEnqueue } from '../../reliability/support/bulk-enqueue';
import { startFaultProxy, type Fault, type FaultProxy } from '../../reliability/support/fault-proxy';
import { EXPERT_PASSWORD, startRegistry, type LiveRegistry } from './support/registry';
import { registryOps } from './support/registry-ops';
import { openWorkstation } from './support/workstation-dir';

const registryError = (status: number, code: string): Fault => ({
  kind: 'answer', status, contentType: 'application/json; charset=utf-8', body: JSON.stringify({ error: { code, message: code } }),
});

/** What stands between the workstation and the registry answers the sync routes; sign-in always passes. */
const ANSWERS: { name: string; fault: Fault; state: string; online: boolean; lastError: RegExp | null; blocked: string | null }[] = [
  { name: 'a captive portal (200 HTML)', fault: { kind: 'html' }, state: 'badResponse', online: false, lastError: /^badResponse:200:content type text\/html/, blocked: null },
  { name: 'JSON under a wrong content type', fault: { kind: 'answer', status: 200, contentType: 'text/plain', body: '{"results":[]}' }, state: 'badResponse', online: false, lastError: /^badResponse:200:content type text\/plain/, blocked: null },
  { name: 'a truncated JSON body', fault: { kind: 'answer', status: 200, contentType: 'application/json', body: '{"results":[{"opId":' }, state: 'badResponse', online: false, lastError: /^badResponse:200:body is not JSON/, blocked: null },
  { name: 'garbage JSON of the wrong shape', fault: { kind: 'answer', status: 200, contentType: 'application/json', body: '{"hello":"world"}' }, state: 'badResponse', online: false, lastError: /^badResponse:200:schema/, blocked: null },
  { name: 'a gateway 502 page', fault: { kind: 'status500' }, state: 'badResponse', online: false, lastError: /^http:500:noBody/, blocked: null },
  { name: "the registry's own 503", fault: registryError(503, 'UNAVAILABLE'), state: 'ok', online: true, lastError: /^http:503:UNAVAILABLE/, blocked: null },
  { name: "the registry's 403 refusal", fault: registryError(403, 'FORBIDDEN'), state: 'refused', online: true, lastError: null, blocked: 'forbidden' },
];

describe('the registry state the worker reports for each kind of answer', () => {
  let registry: LiveRegistry;
  let proxy: FaultProxy;
  let fault: Fault = { kind: 'pass' };
  beforeAll(async () => {
    registry = await startRegistry();
    await registry.createAccount('expert41');
    proxy = await startFaultProxy(registry.url, (req) => (req.url?.startsWith('/v1/auth') ? { kind: 'pass' } : fault));
  });
  afterAll(async () => {
    await proxy.close();
    await registry.stop();
  });

  it('bad answers read offline with a lastError and keep every op; the registry answering properly reads online and drains', async () => {
    const ws = openWorkstation(proxy.url);
    const worker = new SyncWorker({
      engine: new SyncEngine({ db: () => ws.store.db(), profiles: ws.profiles, tokens: ws.session.tokens, backoff: { baseMs: 200, capMs: 400 } }),
      pollIntervalMs: 60_000,
    });
    try {
      await ws.session.signIn('expert41', EXPERT_PASSWORD);
      const profile = ws.session.requireActive();
      const ids = bulkEnqueue(ws.store.db(), profile.id, 3);
      for (const answer of ANSWERS) {
        fault = answer.fault;
        ws.profiles.setBlocked(profile.id, null);
        if (answer === ANSWERS[0]) worker.start(profile.id);
        const status = await worker.syncNow();
        expect(status, answer.name).toMatchObject({ online: answer.online, registryState: answer.state, pending: 3, applied: 0, blockedReason: answer.blocked });
        if (answer.lastError) expect(status.lastError, answer.name).toMatch(answer.lastError);
        if (!answer.blocked) expect(status.nextAttemptAt, answer.name).not.toBeNull();
      }
      expect(registryOps(registry.dataDir, profile.device_id)).toHaveLength(0);
      fault = { kind: 'pass' };
      ws.profiles.setBlocked(profile.id, null);
      const status = await worker.syncNow();
      expect(status).toMatchObject({ online: true, registryState: 'ok', pending: 0, lastError: null, blockedReason: null });
      expect(registryOps(registry.dataDir, profile.device_id).map((op) => op.op_id)).toEqual(ids);
    } finally {
      worker.stop();
      ws.remove();
    }
  });
});
