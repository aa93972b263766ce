/**
 * Registry change-feed pull (issue 3, target ≥ 20,000 rows/s): after 10 devices' decisions are applied, an admin pulls
 * the whole feed over loopback HTTP in pages of 5,000, and one expert pulls their scoped feed. SQLite and PostgreSQL.
 */
import { loadavg } from 'node:os';
import { atLeast, emit } from './figures';
import { buildReviewWorld, decisionOps, pullAll, pushBatch, benchDialects, startBenchRegistry } from './registry-bench-world';

const BATCH = Number(process.env.OSEA_BENCH_TASKS ?? 1000);
/** issue 3: change-feed pull ≥ 20,000 rows/s */
const TARGET_ROWS_PER_S = 20000;

for (const dialect of benchDialects()) {
  const registry = await startBenchRegistry(dialect);
  try {
    const world = await buildReviewWorld(registry, 10, BATCH);
    for (const expert of world.experts) await pushBatch(registry.url, expert, decisionOps(expert, world.schemeHash));
    for (const [who, token] of [['admin', world.admin], ['expert', world.experts[0]!.token]] as const) {
      const started = process.hrtime.bigint();
      const rows = await pullAll(registry.url, token, 5000);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      emit(`registry.pull.rows_per_s.${who}.${dialect}`, rows / seconds, 'rows/s', { rows, ...atLeast(rows / seconds, TARGET_ROWS_PER_S), loadavg: loadavg()[0] });
    }
  } finally {
    await registry.close();
  }
}
