import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SyncEngine } from '../../electron/services/sync/sync-engine';
import { EXPERT_PASSWORD, startRegistry, type LiveRegistry } from '../integration/sync/support/registry';
import { registryOps } from '../integration/sync/support/registry-ops';
import { openWorkstation } from '../integration/sync/support/workstation-dir';
import { bulkEnqueue } from './support/bulk-enqueue';
import { drain } from './support/drain';
import { startFaultProxy, type Fault } from './support/fault-proxy';
import { seededRandom } from './support/seeded-random';

const OPS = Number(process.env.OSEA_FAULT_OPS ?? 10_000);
const FAULT_RATE = 0.3;
const SEED = Number(process.env.OSEA_SEED ?? Date.now() % 1_000_000);

const FAULTS: Fault[] = [
  { kind: 'reset' }, { kind: 'dropResponse' }, { kind: 'status500' }, { kind: 'truncate' }, { kind: 'html' }, { kind: 'pass', delayMs: 40 },
];

describe('push through a fault-injecting proxy', () => {
  let registry: LiveRegistry;
  beforeAll(async () => {
    registry = await startRegistry();
    await registry.createAccount('expert31');
  });
  afterAll(async () => registry.stop());

  it(`${OPS} ops at ${FAULT_RATE * 100}% faults: the registry holds exactly the client's ops, each once (seed ${SEED})`, async () => {
    const random = seededRandom(SEED);
    let pushes = 0;
    const proxy = await startFaultProxy(registry.url, (req): Fault => {
      // Sign-in and refresh pass: the faults are aimed at the sync traffic.
      if (!req.url?.startsWith('/v1/ops') && !req.url?.startsWith('/v1/changes')) return { kind: 'pass' };
      // Every kind of fault at least once (the first pushes), then at random.
      if (req.url.startsWith('/v1/ops') && pushes < FAULTS.length) return FAULTS[pushes++]!;
      return random() < FAULT_RATE ? FAULTS[Math.floor(random() * FAULTS.length)]! : { kind: 'pass' };
    });
    const ws = openWorkstation(proxy.url);
    try {
      await ws.session.signIn('expert31', EXPERT_PASSWORD);
      const profile = ws.session.requireActive();
      const ids = bulkEnqueue(ws.store.db(), profile.id, OPS);
      const engine = new SyncEngine({
        db: () => ws.store.db(), profiles: ws.profiles, tokens: ws.session.tokens,
        backoff: { baseMs: 2, capMs: 20 }, batchSize: 250, timeoutMs: 10_000, random,
      });
      expect(await drain(engine, profile.id), `seed ${SEED}`).toBe(true);
      await engine.pull(profile.id);

      const onServer = registryOps(registry.dataDir, profile.device_id);
      expect(onServer.length, `seed ${SEED}`).toBe(OPS);
      expect(onServer.map((op) => op.op_id), `seed ${SEED}`).toEqual(ids);
      expect(onServer.map((op) => op.seq)).toEqual(ids.map((_, i) => i + 1));
      const local = ws.store.db().prepare('SELECT op_id, state FROM outbox WHERE profile_id = ? ORDER BY seq').all(profile.id) as { op_id: string; state: string }[];
      expect(local.map((op) => op.op_id)).toEqual(ids);
      // Client and registry agree on every op's outcome.
      expect(local.map((op) => op.state)).toEqual(onServer.map((op) => op.status));
      const kinds = new Set(proxy.requests.filter((r) => r.path.startsWith('/v1/ops')).map((r) => r.fault));
      expect([...kinds].sort()).toEqual(['dropResponse', 'html', 'pass', 'reset', 'status500', 'truncate']);
      expect(ws.store.db().pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      ws.remove();
      await proxy.close();
    }
  }, 300_000);
});
