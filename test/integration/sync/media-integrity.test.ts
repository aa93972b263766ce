import { closeSync, openSync, readFileSync, truncateSync, writeSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mediaCacheDir } from '../../../electron/services/app/paths';
import { blobPaths } from '../../../electron/services/media-cache/blob-paths';
import { silentLog } from '../../../electron/services/ipc/log';
import { createWorkstation, type Workstation } from '../../../electron/services/workstation';
import type { ReviewTaskDetail } from '../../../shared/contract/ipc/review-channels';
import { startFaultProxy, type FaultProxy } from '../../reliability/support/fault-proxy';
import { tempDir } from '../../unit/services/temp-dir';
import { sha256Hex } from '../../unit/review/support/review-seed';
import { ingestedReviewWorld, type IngestedVideo } from './support/ingested-video';
import { EXPERT_PASSWORD, startRegistry, type LiveRegistry } from './support/registry';

const ctx = { transport: 'web' as const };

describe('media integrity when a task is opened, and review.redownloadMedia (workstation dispatcher, real registry)', () => {
  let registry: LiveRegistry;
  let proxy: FaultProxy;
  let media: IngestedVideo;
  let taskId: string;
  const dir = tempDir('osea-media-integrity-');
  let ws: Workstation;

  const open = () => createWorkstation({
    dataDir: dir.path, mode: 'web', version: '0.0.0', registryUrl: proxy.url, openExternal: async () => true, quit: () => {}, log: silentLog,
  });
  const call = async <T>(channel: string, input: unknown): Promise<T> => {
    const result = await ws.dispatch(channel, input, ctx);
    if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
    return result.value as T;
  };
  const getTask = () => call<ReviewTaskDetail>('review.getTask', { taskId });
  const blobGets = (sha: string) => proxy.requests.filter((r) => r.path === `/v1/blobs/${sha}`).length;
  const untilReady = async () => {
    for (let i = 0; i < 200; i += 1) {
      const { tasks } = await call<{ tasks: { taskId: string; media: { state: string } }[] }>('review.listTasks', {});
      if (tasks.find((t) => t.taskId === taskId)?.media.state === 'ready') return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error('media never became ready');
  };
  const file = (sha: string) => blobPaths(mediaCacheDir(dir.path), sha).final;
  const expectPlayable = (detail: ReviewTaskDetail) => {
    expect(detail).toMatchObject({ blocked: null, row: { media: { state: 'ready' } }, proxyMediaPath: `${media.proxySha256.slice(0, 2)}/${media.proxySha256}` });
    expect(detail.frameTable?.proxySha256).toBe(media.proxySha256);
    expect(sha256Hex(readFileSync(file(media.proxySha256)))).toBe(media.proxySha256);
  };
  const expectNotPlayable = (detail: ReviewTaskDetail) => {
    expect(detail).toMatchObject({ blocked: 'mediaMissing', proxyMediaPath: null, frameTable: null });
    expect(['downloading', 'notDownloaded']).toContain(detail.row.media.state);
  };

  beforeAll(async () => {
    registry = await startRegistry();
    const expertId = await registry.createAccount('expert71');
    const world = await ingestedReviewWorld(registry, [expertId]);
    media = world.video;
    taskId = world.taskIds.get(expertId)!;
    // Blob downloads are slowed so a re-queued download cannot finish before getTask answers (what it says is then certain).
    proxy = await startFaultProxy(registry.url, (req) => (req.url?.startsWith('/v1/blobs/') ? { kind: 'pass', delayMs: 150 } : { kind: 'pass' }));
    ws = open();
    await call('session.signIn', { username: 'expert71', password: EXPERT_PASSWORD });
    await call('sync.now', {});
    await untilReady();
  }, 120_000);
  afterAll(async () => {
    ws?.close();
    await proxy?.close();
    await registry?.stop();
    dir.remove();
  });

  it('opens a freshly downloaded task without re-hashing; a blob damaged on disk is refused, dropped and fetched again', async () => {
    expect(blobGets(media.proxySha256)).toBe(1);
    expectPlayable(await getTask());
    expectPlayable(await getTask());
    // Downloaded (and so hashed) in this process: opening it costs a stat, not a hash of the whole proxy.
    expect(ws.sync.media.verifier.hashCount).toBe(0);

    // One byte flipped in place (same size): the changed mtime/ctime forces a hash, which catches it.
    const fd = openSync(file(media.proxySha256), 'r+');
    writeSync(fd, Buffer.from([readFileSync(file(media.proxySha256))[100]! ^ 0xff]), 0, 1, 100);
    closeSync(fd);
    expectNotPlayable(await getTask());
    expect(ws.sync.media.verifier.hashCount).toBe(1);
    await untilReady();
    expect(blobGets(media.proxySha256)).toBe(2);
    expectPlayable(await getTask());

    // A truncated frame table is caught by its size alone.
    const hashes = ws.sync.media.verifier.hashCount;
    truncateSync(file(media.frameTableSha256), 10);
    expectNotPlayable(await getTask());
    expect(ws.sync.media.verifier.hashCount).toBe(hashes);
    await untilReady();
    expect(blobGets(media.frameTableSha256)).toBe(2);
    expectPlayable(await getTask());
  });

  it('after a restart each blob is hashed once on first open, then trusted while its file is unchanged', async () => {
    ws.close();
    ws = open();
    await call('session.unlock', { username: 'expert71', password: EXPERT_PASSWORD });
    expectPlayable(await getTask());
    expect(ws.sync.media.verifier.hashCount).toBe(2);
    expectPlayable(await getTask());
    expect(ws.sync.media.verifier.hashCount).toBe(2);
  });

  it('review.redownloadMedia drops both blobs, answers with what is queued, and the task is playable again once fetched', async () => {
    await untilReady();
    const before = [blobGets(media.proxySha256), blobGets(media.frameTableSha256)];
    const answer = await call<{ taskId: string; queued: string[]; media: { state: string } }>('review.redownloadMedia', { taskId });
    expect(answer).toMatchObject({ taskId, queued: [media.proxySha256, media.frameTableSha256], media: { state: 'downloading' } });
    expectNotPlayable(await getTask());
    await untilReady();
    expect([blobGets(media.proxySha256), blobGets(media.frameTableSha256)]).toEqual([before[0]! + 1, before[1]! + 1]);
    expectPlayable(await getTask());

    expect(await ws.dispatch('review.redownloadMedia', { taskId, extra: 1 }, ctx)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await ws.dispatch('review.redownloadMedia', { taskId: 'no-such-task' }, ctx)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
