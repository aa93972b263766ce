/**
 * `--demo`: makes sure the data dir holds the demo dataset, generating it once. A fresh SQLite data dir is built in a
 * sibling staging folder and renamed into place only when complete (marker included), so an interrupted generation
 * leaves nothing behind and the next start simply generates again. Progress goes to stderr via `progress`, never to
 * stdout (the registry's listening line must be the first thing there).
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildRegistry } from '../../registry/server';
import { MAX_FFMPEG_AT_ONCE } from './demo-videos';
import { readDemoMarker, writeDemoMarker, type DemoMarker } from './demo-marker';
import { seedDemo } from './seed-demo';

export interface EnsureDemoOptions {
  dataDir: string;
  databaseUrl?: string | undefined;
  progress?: (line: string) => void;
}

export interface EnsureDemoResult {
  generated: boolean;
  marker: DemoMarker;
}

const STAGING_INFIX = '.demo-staging-';

function isMissingOrEmpty(dir: string): boolean {
  return !existsSync(dir) || readdirSync(dir).length === 0;
}

/** Staging folders of generations that were killed part-way. */
async function removeAbandonedStaging(dataDir: string): Promise<void> {
  const parent = dirname(dataDir);
  if (!existsSync(parent)) return;
  const prefix = `${basename(dataDir)}${STAGING_INFIX}`;
  for (const name of readdirSync(parent)) {
    if (name.startsWith(prefix)) await rm(join(parent, name), { recursive: true, force: true });
  }
}

/**
 * The seeding registry's ingest queue runs MAX_FFMPEG_AT_ONCE jobs (2 on a 2-core machine keeps generation under two
 * minutes) through the registry's own knob, unless the operator set it; the variable is restored at once, so the
 * registry that serves afterwards gets the operator's setting.
 */
async function buildSeedingRegistry(dir: string, databaseUrl: string | undefined): Promise<FastifyInstance> {
  const knob = 'OSEA_INGEST_CONCURRENCY';
  const operatorValue = process.env[knob];
  if (operatorValue === undefined) process.env[knob] = String(MAX_FFMPEG_AT_ONCE);
  try {
    // demo: false — this inner registry only receives the data; it must never try to seed itself
    return await buildRegistry({ dataDir: dir, databaseUrl, demo: false, log: false });
  } finally {
    if (operatorValue === undefined) delete process.env[knob];
  }
}

async function generateInto(dir: string, databaseUrl: string | undefined, progress: (line: string) => void): Promise<DemoMarker> {
  const started = performance.now();
  const app = await buildSeedingRegistry(dir, databaseUrl);
  try {
    const counts = await seedDemo({ app, dataDir: dir, progress });
    await app.close();
    const seconds = Math.round((performance.now() - started) / 100) / 10;
    return await writeDemoMarker(dir, counts, seconds, new Date());
  } catch (error) {
    await app.close().catch(() => undefined);
    throw error;
  }
}

export async function ensureDemoDataset(options: EnsureDemoOptions): Promise<EnsureDemoResult> {
  const progress = options.progress ?? (() => undefined);
  const dataDir = resolve(options.dataDir);
  const existing = await readDemoMarker(dataDir);
  if (existing) {
    progress(`demo: dataset present (generated ${existing.generatedAt}); not generating again`);
    return { generated: false, marker: existing };
  }
  progress('demo: generating the demo dataset (once per data dir)…');
  await removeAbandonedStaging(dataDir);
  if (!options.databaseUrl && isMissingOrEmpty(dataDir)) {
    const staging = `${dataDir}${STAGING_INFIX}${process.pid}-${randomUUID().slice(0, 8)}`;
    try {
      const marker = await generateInto(staging, undefined, progress);
      // rename(2) replaces an empty directory, so an existing empty data dir is fine too
      await rename(staging, dataDir);
      progress(`demo: dataset ready in ${marker.generationSeconds} s`);
      return { generated: true, marker };
    } catch (error) {
      await rm(staging, { recursive: true, force: true });
      throw error;
    }
  }
  // PostgreSQL, or a data dir a registry already uses: seed in place (refused if an earlier attempt left demo accounts).
  const marker = await generateInto(dataDir, options.databaseUrl, progress);
  progress(`demo: dataset ready in ${marker.generationSeconds} s`);
  return { generated: true, marker };
}
