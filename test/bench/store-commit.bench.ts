/**
 * Local store commit: one-row transaction (settings upsert) on the real store with its real pragmas
 * (WAL, synchronous=FULL), so every commit waits for fsync. Figures: store_commit_p50 / _p95 (ms).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WorkstationStore } from '../../electron/services/db/store';
import { emit, percentile, timeMs } from './figures';

const WARMUP = 50;
const SAMPLES = 1000;
const dir = mkdtempSync(join(tmpdir(), 'osea-bench-store-'));
const store = WorkstationStore.open(dir);
try {
  const db = store.db();
  if (db.pragma('synchronous', { simple: true }) !== 2) throw new Error('store is not synchronous=FULL');
  const upsert = db.prepare(
    `INSERT INTO settings (key, value, updated_at) VALUES ('bench', ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  );
  const commit = db.transaction((i: number) => upsert.run(JSON.stringify(i), new Date().toISOString()));
  for (let i = 0; i < WARMUP; i += 1) commit.immediate(i);
  const samples: number[] = [];
  for (let i = 0; i < SAMPLES; i += 1) samples.push(await timeMs(() => commit.immediate(i)));
  emit('store_commit_p50', percentile(samples, 50), 'ms', { samples: SAMPLES, synchronous: 'FULL', journal: 'WAL' });
  emit('store_commit_p95', percentile(samples, 95), 'ms', { samples: SAMPLES, synchronous: 'FULL', journal: 'WAL' });
} finally {
  store.close();
  rmSync(dir, { recursive: true, force: true });
}
