/**
 * Drains 10,000 queued ops from a real workstation store to a real registry process on loopback, end to end
 * (sealed token, canonical payloads, HTTP, the registry's transactional apply, local settle). Figure: sync_push_ops_per_s.
 */
import { SyncEngine } from '../../electron/services/sync/sync-engine';
import { EXPERT_PASSWORD, startRegistry } from '../integration/sync/support/registry';
import { openWorkstation } from '../integration/sync/support/workstation-dir';
import { bulkEnqueue } from '../reliability/support/bulk-enqueue';
import { drain } from '../reliability/support/drain';
import { emit, timeMs } from './figures';

const OPS = Number(process.env.OSEA_BENCH_OPS ?? 10_000);
const registry = await startRegistry();
const ws = openWorkstation(registry.url);
try {
  await registry.createAccount('bench01');
  await ws.session.signIn('bench01', EXPERT_PASSWORD);
  const profileId = ws.session.requireActive().id;
  bulkEnqueue(ws.store.db(), profileId, OPS, 1000);
  const engine = new SyncEngine({ db: () => ws.store.db(), profiles: ws.profiles, tokens: ws.session.tokens, batchSize: 1000 });
  const ms = await timeMs(async () => {
    if (!(await drain(engine, profileId))) throw new Error('queue did not drain');
  });
  const counts = engine.queue.counts(profileId);
  if (counts.pending + counts.inflight !== 0) throw new Error(`left over: ${JSON.stringify(counts)}`);
  emit('sync_push_ops_per_s', OPS / (ms / 1000), 'ops/s', { ops: OPS, batch: 1000, registry: 'sqlite' });
} finally {
  ws.remove();
  await registry.stop();
}
