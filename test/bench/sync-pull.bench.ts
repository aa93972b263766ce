/**
 * Pulls 100,000 change rows from a real registry process into the workstation replica (rows + cursor per page in one
 * transaction). The rows are written into the registry's changes table directly (seeding through the API would take
 * minutes); reading them back goes through the real GET /v1/changes. Figure: sync_pull_rows_per_s.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SyncEngine } from '../../electron/services/sync/sync-engine';
import { EXPERT_PASSWORD, startRegistry } from '../integration/sync/support/registry';
import { openWorkstation } from '../integration/sync/support/workstation-dir';
import { emit, timeMs } from './figures';

const ROWS = Number(process.env.OSEA_BENCH_ROWS ?? 100_000);
const registry = await startRegistry();
const ws = openWorkstation(registry.url);
try {
  await registry.createAccount('bench02');
  await ws.session.signIn('bench02', EXPERT_PASSWORD);
  const profileId = ws.session.requireActive().id;
  const seed = new Database(join(registry.dataDir, 'registry.sqlite'));
  seed.pragma('busy_timeout = 10000');
  const insert = seed.prepare(`INSERT INTO changes (entity, entity_id, data, scope_account_id, scope_institution_id, scope_all, created_at)
    VALUES ('institution', ?, ?, NULL, NULL, 1, ?)`);
  seed.transaction(() => {
    for (let i = 0; i < ROWS; i += 1) {
      const id = `inst-${i}`;
      insert.run(id, JSON.stringify({ id, name: `机构${i}`, type: 'training_org', provinceCode: '35', version: 1 }), new Date().toISOString());
    }
  })();
  seed.close();
  const engine = new SyncEngine({ db: () => ws.store.db(), profiles: ws.profiles, tokens: ws.session.tokens, pullPageSize: 5000 });
  const ms = await timeMs(async () => {
    const outcome = await engine.pull(profileId);
    if (outcome.kind !== 'idle') throw new Error(`pull: ${JSON.stringify(outcome)}`);
  });
  const stored = engine.replica.count(profileId);
  if (stored < ROWS) throw new Error(`only ${stored} rows in the replica`);
  emit('sync_pull_rows_per_s', ROWS / (ms / 1000), 'rows/s', { rows: ROWS, page: 5000, registry: 'sqlite' });
} finally {
  ws.remove();
  await registry.stop();
}
