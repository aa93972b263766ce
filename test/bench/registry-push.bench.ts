/**
 * Registry ops apply throughput (issue 3, target ≥ 2,000 ops/s on SQLite): 10 devices each push one 1,000-op batch of
 * signed decisions at once over loopback HTTP; every third decision completes a panel and runs the aggregation.
 * SQLite and PostgreSQL side by side. OSEA_BENCH_TASKS changes the batch size.
 */
import { loadavg } from 'node:os';
import { atLeast, emit } from './figures';
import { buildReviewWorld, decisionOps, pushBatch, benchDialects, startBenchRegistry } from './registry-bench-world';

const DEVICES = 10;
/** issue 3: ops apply throughput ≥ 2,000 ops/s, set for SQLite (PostgreSQL is reported beside it, without a bar) */
const TARGET_OPS_PER_S = 2000;
const BATCH = Number(process.env.OSEA_BENCH_TASKS ?? 1000);

for (const dialect of benchDialects()) {
  const registry = await startBenchRegistry(dialect);
  try {
    const world = await buildReviewWorld(registry, DEVICES, BATCH);
    const batches = world.experts.map((expert) => ({ expert, ops: decisionOps(expert, world.schemeHash) }));
    const started = process.hrtime.bigint();
    const responses = await Promise.all(batches.map(({ expert, ops }) => pushBatch(registry.url, expert, ops)));
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const applied = responses.flatMap((r) => r.results).filter((r) => r.status === 'applied').length;
    const total = batches.reduce((sum, b) => sum + b.ops.length, 0);
    if (applied !== total) throw new Error(`${dialect}: only ${applied}/${total} ops applied`);
    // The machine is shared: the 1-minute load average says how much CPU the figure had to compete for.
    emit(`registry.push.ops_per_s.${dialect}`, applied / seconds, 'ops/s', { devices: DEVICES, batch: BATCH, ...(dialect === 'sqlite' ? atLeast(applied / seconds, TARGET_OPS_PER_S) : {}), loadavg: loadavg()[0] });
  } finally {
    await registry.close();
  }
}
