import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IngestJobView } from '../../../shared/domain/media/ingest-job';
import { cachedFrameStripVideo } from '../../../resources/video/frame-strip-video';
import { openRegistryDb } from '../../../registry/db/connection';
import { migrateToLatest } from '../../../registry/db/migrator';
import { BlobStore } from '../../../registry/media/blob-store';
import { ingestVideo } from '../../../registry/media/ingest';
import { IngestQueue } from '../../../registry/media/ingest-queue';
import { mediaDb } from '../../../registry/media/media-tables';
import { DIALECTS, type Dialect } from '../registry/support/harness';
import { startPgCluster, type PgCluster } from '../registry/support/postgres';
import { tusUpload } from './tus-upload';
import { VIDEO_CACHE } from './video-cache';

const ADMIN_PASSWORD = 'restart-admin-password-1';

interface Running {
  child: ChildProcess;
  url: string;
}

/** The real CLI in its own process group, so a kill -9 takes its ffmpeg children with it, as a service manager would. */
async function startRegistry(dataDir: string, databaseUrl?: string): Promise<Running> {
  const database = databaseUrl === undefined ? [] : ['--database-url', databaseUrl];
  const child = spawn(process.execPath, ['--import', 'tsx', 'registry/cli.ts', '--data-dir', dataDir, '--port', '0', ...database], {
    cwd: process.cwd(),
    env: { ...process.env, OSEA_REGISTRY_ADMIN_PASSWORD: ADMIN_PASSWORD, OSEA_INGEST_CONCURRENCY: '1' },
    stdio: ['ignore', 'pipe', 'ignore'],
    detached: true,
  });
  let stdout = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /registry listening: (http:\/\/[\d.]+:\d+)/.exec(stdout);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`registry exited ${code} before listening`)));
  });
  return { child, url };
}

async function killGroup(running: Running): Promise<void> {
  const exited = once(running.child, 'exit');
  process.kill(-running.child.pid!, 'SIGKILL');
  await exited;
}

async function signIn(url: string): Promise<string> {
  const response = await fetch(`${url}/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
  });
  return ((await response.json()) as { accessToken: string }).accessToken;
}

async function pollJob(url: string, token: string, sha: string, until: (job: IngestJobView) => boolean): Promise<IngestJobView> {
  for (let i = 0; i < 3000; i += 1) {
    const response = await fetch(`${url}/v1/media/${sha}`, { headers: { authorization: `Bearer ${token}` } });
    if (response.status === 200) {
      const job = IngestJobView.parse(await response.json());
      if (until(job)) return job;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the ingest job never reached the expected state');
}

/** The job row as the database holds it, read around the (killed) registry. */
async function jobRow(dialect: Dialect, dataDir: string, databaseUrl: string | undefined, sha: string): Promise<unknown> {
  if (dialect === 'sqlite') {
    const file = new Database(join(dataDir, 'registry.sqlite'), { readonly: true });
    try {
      return file.prepare('select state, attempts from ingest_jobs where source_sha256 = ?').get(sha);
    } finally {
      file.close();
    }
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query('select state, attempts from ingest_jobs where source_sha256 = $1', [sha])).rows[0];
  } finally {
    await client.end();
  }
}

describe.each(DIALECTS)('ingest job queue (%s)', (dialect) => {
  let dataDir: string;
  let cluster: PgCluster | undefined;
  let databaseUrl: string | undefined;
  const started: Running[] = [];
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'osea-queue-'));
    if (dialect === 'postgres') {
      cluster = await startPgCluster();
      databaseUrl = await cluster.createDatabase();
    }
  });
  afterAll(async () => {
    for (const running of started) if (running.child.exitCode === null && running.child.signalCode === null) await killGroup(running);
    await cluster?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('a job running when the registry is killed -9 is queued again at restart and completes', async () => {
    // six seconds of 1080p: an ingest long enough to be caught running on a fast machine too
    const video = await cachedFrameStripVideo(VIDEO_CACHE, 'hd1080', 6);
    const bytes = await readFile(video.path);
    const sha = createHash('sha256').update(bytes).digest('hex');

    const first = await startRegistry(dataDir, databaseUrl);
    started.push(first);
    const token = await signIn(first.url);
    expect(await tusUpload(`${first.url}/v1/uploads`, token, bytes, { sha256: sha, kind: 'video' })).toMatchObject({ ok: true });
    await pollJob(first.url, token, sha, (job) => job.state === 'running');
    await killGroup(first);

    expect(await jobRow(dialect, dataDir, databaseUrl, sha)).toEqual({ state: 'running', attempts: 1 });

    const second = await startRegistry(dataDir, databaseUrl);
    started.push(second);
    const job = await pollJob(second.url, await signIn(second.url), sha, (j) => j.state !== 'queued' && j.state !== 'running');
    expect(job).toMatchObject({ state: 'done', attempts: 2, reason: null });
    expect(job.frameTable?.frameCount).toBe(video.frameCount);
    expect(await readdir(join(dataDir, 'media', 'ingest')).catch(() => [])).toEqual([]);
    await killGroup(second);
  }, 300_000);

  // the bound is the queue's own (in memory), the same on both dialects: once is enough
  it.runIf(dialect === 'sqlite')('runs at most `concurrency` ingests at once and finishes them all', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'osea-queue-bound-'));
    const { db } = openRegistryDb({ dataDir: dir });
    try {
      await migrateToLatest(db);
      const blobs = new BlobStore(join(dir, 'blobs'));
      const media = mediaDb(db);
      const shas: string[] = [];
      for (const profile of ['cfr30', 'vfr', 'rotated90'] as const) {
        const video = await cachedFrameStripVideo(VIDEO_CACHE, profile);
        const bytes = await readFile(video.path);
        const sha = createHash('sha256').update(bytes).digest('hex');
        const copy = join(dir, `${sha}.upload`);
        await writeFile(copy, bytes);
        await blobs.adopt(copy, sha);
        shas.push(sha);
      }
      let active = 0;
      let peak = 0;
      const queue = new IngestQueue({
        db: media,
        blobs,
        workDir: join(dir, 'ingest'),
        concurrency: 2,
        now: () => new Date(),
        log: { info: () => undefined, error: () => undefined },
        // the real ingest, counted
        ingest: async (request) => {
          active += 1;
          peak = Math.max(peak, active);
          try {
            return await ingestVideo(request);
          } finally {
            active -= 1;
          }
        },
      });
      await queue.start();
      for (const sha of shas) await queue.enqueue(sha);
      await queue.whenIdle();
      await queue.stop();
      expect(peak).toBe(2);
      const rows = await media.selectFrom('ingest_jobs').select(['state']).execute();
      expect(rows.map((r) => r.state)).toEqual(['done', 'done', 'done']);
    } finally {
      await db.destroy();
      await rm(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
