/**
 * npm run media:ingest -- INPUT OUTDIR [--max-duration SECONDS]
 * Runs exactly the registry's ingest: writes OUTDIR/proxy.mp4 and OUTDIR/frames.json, or prints the rejection
 * reason as JSON and exits 2 (1 for unexpected failures) with nothing left in OUTDIR.
 */
import { parseArgs } from 'node:util';
import { ingestVideo } from './ingest';
import { IngestRejection } from './ingest-errors';

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ allowPositionals: true, options: { 'max-duration': { type: 'string' } } });
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    parsed = { positionals: [], values: {} };
  }
  const { positionals, values } = parsed as { positionals: string[]; values: { 'max-duration'?: string } };
  const [inputPath, outDir] = positionals;
  if (inputPath === undefined || outDir === undefined || positionals.length !== 2) {
    process.stderr.write('usage: npm run media:ingest -- INPUT OUTDIR [--max-duration SECONDS]\n');
    return 64;
  }
  const maxDuration = values['max-duration'] === undefined ? undefined : Number(values['max-duration']);
  if (maxDuration !== undefined && !(maxDuration > 0)) {
    process.stderr.write('--max-duration must be a positive number of seconds\n');
    return 64;
  }
  try {
    const table = await ingestVideo({ inputPath, outDir, limits: maxDuration === undefined ? {} : { maxDurationSeconds: maxDuration } });
    const { pts: _pts, ...summary } = table;
    process.stdout.write(`${JSON.stringify({ ok: true, ...summary })}\n`);
    return 0;
  } catch (error) {
    if (error instanceof IngestRejection) {
      process.stdout.write(`${JSON.stringify({ ok: false, reason: error.reason, detail: error.detail })}\n`);
      return 2;
    }
    process.stderr.write(`ingest failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

process.exitCode = await main();
