import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IngestJobView } from '../../../shared/domain/media/ingest-job';
import { cachedFrameStripVideo } from '../../../resources/video/frame-strip-video';
import { readFrameIndexes } from '../../../resources/video/read-frame-index';
import { FrameTable } from '../../../shared/domain/media/frame-table';
import { bearer, DIALECTS, registryHarness, type TestRegistry } from '../registry/support/harness';
import { call, createSubmission, moveSubmission, reviewWorld, type SubmissionBody } from '../registry/support/fixtures';
import { topLevelBoxTypes } from './mp4-boxes';
import { tusUpload } from './tus-upload';
import { VIDEO_CACHE } from './video-cache';

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

async function ingestState(app: FastifyInstance, token: string, sha: string): Promise<IngestJobView> {
  await app.media.queue.whenIdle();
  const response = await app.inject({ method: 'GET', url: `/v1/media/${sha}`, headers: bearer(token) });
  expect(response.statusCode).toBe(200);
  return IngestJobView.parse(response.json());
}

describe.each(DIALECTS)('registry media over HTTP (%s)', (dialect) => {
  const harness = registryHarness(dialect);
  let registry: TestRegistry;
  let base: string;
  let admin: string;
  let expert: string;
  let video: Buffer;
  let videoSha: string;
  let proxySha: string;
  let proxy: Buffer;
  let world: Awaited<ReturnType<typeof reviewWorld>>;

  /** A submission by the world's coordinator naming `sha` (not uploaded yet), moved as far as `uploaded`. */
  async function uploadedSubmission(sha: string): Promise<SubmissionBody> {
    const created = await createSubmission(registry, world, [{ originalSha256: sha }]);
    expect(created.status).toBe(201);
    const moved = await moveSubmission(registry, world.coordinator.token, created.body.id, ['validated', 'uploaded']);
    expect(moved.body.state).toBe('uploaded');
    return moved.body;
  }

  beforeAll(async () => {
    registry = await harness.start();
    base = await registry.app.listen({ port: 0, host: '127.0.0.1' });
    admin = await registry.adminToken();
    expert = (await registry.account(['expert'])).token;
    world = await reviewWorld(registry, { assign: false });
    video = await readFile((await cachedFrameStripVideo(VIDEO_CACHE, 'ntsc-bframes')).path);
    videoSha = sha256(video);
  });
  afterAll(async () => {
    await registry.close();
  });

  it('a tus upload that stops halfway resumes, is re-hashed, stored and ingested into a frame-accurate proxy', async () => {
    const submission = await uploadedSubmission(videoSha);
    const refused = await moveSubmission(registry, world.coordinator.token, submission.id, ['submitted']);
    expect(refused).toMatchObject({ status: 409, body: { error: { code: 'MEDIA_NOT_INGESTED', field: 'videos.0.originalSha256' } } });
    const first = await tusUpload(`${base}/v1/uploads`, admin, video, { sha256: videoSha, kind: 'video', filename: 'demo.mp4' }, {
      chunkSize: 64 * 1024,
      stopAfterBytes: 64 * 1024,
    });
    expect(first.ok).toBe(false);
    expect(first.url).toMatch(/\/v1\/uploads\/[\w-]+$/);
    const resumed = await tusUpload(`${base}/v1/uploads`, admin, video, { sha256: videoSha, kind: 'video' }, { uploadUrl: first.url! });
    expect(resumed).toMatchObject({ ok: true });

    const job = await ingestState(registry.app, expert, videoSha);
    expect(job).toMatchObject({ state: 'done', reason: null, attempts: 1 });
    expect(job.frameTable?.frameCount).toBe(120);
    expect(job.frameTable?.timescale).toBe(30000);
    proxySha = job.proxySha256!;

    const original = await registry.app.inject({ method: 'GET', url: `/v1/blobs/${videoSha}`, headers: bearer(expert) });
    expect(original.statusCode).toBe(200);
    expect(sha256(original.rawPayload)).toBe(videoSha);
    const download = await registry.app.inject({ method: 'GET', url: `/v1/blobs/${proxySha}`, headers: bearer(expert) });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('video/mp4');
    proxy = download.rawPayload;
    expect(sha256(proxy)).toBe(proxySha);
    expect(job.frameTable?.proxySha256).toBe(proxySha);

    const proxyPath = join(registry.dataDir, 'media', 'blobs', proxySha.slice(0, 2), proxySha);
    const decoded = await readFrameIndexes(proxyPath);
    expect(decoded.indexes).toEqual(Array.from({ length: 120 }, (_, i) => i));
    // faststart: the index (moov) comes before the media data, so a player starts without reading to the end
    const boxes = topLevelBoxTypes(proxy);
    expect(boxes).toContain('mdat');
    expect(boxes.indexOf('moov')).toBeGreaterThanOrEqual(0);
    expect(boxes.indexOf('moov')).toBeLessThan(boxes.indexOf('mdat'));

    // the submission naming the original now names the registry's proxy and frame table, and may be submitted
    const filled = await call<SubmissionBody>(registry, world.coordinator.token, 'GET', `/v1/submissions/${submission.id}`);
    expect(filled.body.version).toBe(submission.version + 1);
    const [named] = filled.body.videos;
    expect(named).toMatchObject({ originalSha256: videoSha, proxySha256: proxySha });
    const frames = await registry.app.inject({ method: 'GET', url: `/v1/blobs/${named!.frameTableSha256}`, headers: bearer(expert) });
    expect(frames.headers['content-type']).toContain('application/json');
    expect(sha256(frames.rawPayload)).toBe(named!.frameTableSha256);
    expect(FrameTable.parse(JSON.parse(frames.body))).toEqual(job.frameTable);
    const submitted = await moveSubmission(registry, world.coordinator.token, submission.id, ['submitted']);
    expect(submitted).toMatchObject({ status: 200, body: { state: 'submitted' } });
    // nothing left in the upload and ingest scratch folders
    expect(await readdir(join(registry.dataDir, 'media', 'uploads'))).toEqual([]);
    expect(await readdir(join(registry.dataDir, 'media', 'ingest')).catch(() => [])).toEqual([]);
  }, 180_000);

  it('an upload whose bytes do not match the named sha256 is deleted with a clear error', async () => {
    const bytes = Buffer.from('these are not the bytes you named');
    const claimed = sha256(Buffer.from('something else'));
    const outcome = await tusUpload(`${base}/v1/uploads`, admin, bytes, { sha256: claimed, kind: 'video' });
    expect(outcome.ok).toBe(false);
    expect(outcome.status).toBe(422);
    const body = JSON.parse(outcome.body ?? '{}') as { error: { code: string; field: string; message: string } };
    expect(body.error).toMatchObject({ code: 'VALIDATION', field: 'metadata.sha256' });
    expect(body.error.message).toContain(sha256(bytes));
    const head = await fetch(outcome.url!, { method: 'HEAD', headers: { ...bearer(admin), 'tus-resumable': '1.0.0' } });
    expect(head.status).toBe(404);
    expect((await registry.app.inject({ method: 'GET', url: `/v1/blobs/${claimed}`, headers: bearer(admin) })).statusCode).toBe(404);
    expect((await registry.app.inject({ method: 'GET', url: `/v1/blobs/${sha256(bytes)}`, headers: bearer(admin) })).statusCode).toBe(404);
  });

  it('refuses an upload without a valid sha256, from a role that may not upload, or to another account', async () => {
    const bytes = Buffer.from('x');
    expect(await tusUpload(`${base}/v1/uploads`, admin, bytes, { kind: 'video' })).toMatchObject({ ok: false, status: 400 });
    expect(await tusUpload(`${base}/v1/uploads`, admin, bytes, { sha256: 'ABC' })).toMatchObject({ ok: false, status: 400 });
    expect(await tusUpload(`${base}/v1/uploads`, expert, bytes, { sha256: sha256(bytes) })).toMatchObject({ ok: false, status: 403 });
    const other = (await registry.account(['admin'])).token;
    const started = await tusUpload(`${base}/v1/uploads`, admin, Buffer.alloc(200_000, 7), { sha256: sha256(Buffer.alloc(200_000, 7)) }, {
      chunkSize: 50_000,
      stopAfterBytes: 50_000,
    });
    const head = await fetch(started.url!, { method: 'HEAD', headers: { ...bearer(other), 'tus-resumable': '1.0.0' } });
    expect(head.status).toBe(403);
  });

  // Bytes are made lazily: the real clip is read in beforeAll. Its first half (index at the start) ends mid-frames.
  it.each([
    { reason: 'not_a_video', bytes: () => Buffer.from('Roster notes, saved with the wrong extension.\n') },
    { reason: 'truncated', bytes: () => video.subarray(0, video.length >> 1) },
  ])('an upload rejected as $reason is stored, and its submission returned with the reason', async ({ reason, bytes: make }) => {
    const bytes = make();
    const sha = sha256(bytes);
    const submission = await uploadedSubmission(sha);
    expect(await tusUpload(`${base}/v1/uploads`, admin, bytes, { sha256: sha, kind: 'video' })).toMatchObject({ ok: true });
    const job = await ingestState(registry.app, admin, sha);
    expect(job).toMatchObject({ state: 'rejected', reason, proxySha256: null, frameTable: null });
    expect(job.detail).not.toContain(registry.dataDir);

    const returned = await call<SubmissionBody>(registry, world.coordinator.token, 'GET', `/v1/submissions/${submission.id}`);
    expect(returned.body).toMatchObject({ state: 'returned', returnReason: `media.${reason}`, result: { media: { originalSha256: sha, reason, detail: job.detail } } });
    // the coordinator's workstation learns it from the change feed too
    const feed = await call<{ changes: Array<{ entity: string; entityId: string; data: { state: string; returnReason: string | null } }> }>(registry, world.coordinator.token, 'GET', '/v1/changes?limit=5000');
    const rows = feed.body.changes.filter((row) => row.entity === 'submission' && row.entityId === submission.id);
    expect(rows.at(-1)!.data).toMatchObject({ state: 'returned', returnReason: `media.${reason}` });
  });

  it('refuses an upload longer than the registry accepts with 413 before any byte is sent', async () => {
    const before = await readdir(join(registry.dataDir, 'media', 'uploads'));
    const response = await fetch(`${base}/v1/uploads`, {
      method: 'POST',
      headers: {
        ...bearer(admin), 'tus-resumable': '1.0.0', 'upload-length': String(8 * 1024 ** 3 + 1),
        'upload-metadata': `sha256 ${Buffer.from('f'.repeat(64)).toString('base64')},kind ${Buffer.from('video').toString('base64')}`,
      },
    });
    expect(response.status).toBe(413);
    expect(await readdir(join(registry.dataDir, 'media', 'uploads'))).toEqual(before);
  });

  describe('GET /v1/blobs/:sha256', () => {
    const get = (headers: Record<string, string>, sha = proxySha) =>
      registry.app.inject({ method: 'GET', url: `/v1/blobs/${sha}`, headers: { ...bearer(expert), ...headers } });

    it('serves the whole blob with a strong ETag and byte ranges', async () => {
      const whole = await get({});
      expect(whole.statusCode).toBe(200);
      expect(whole.headers.etag).toBe(`"${proxySha}"`);
      expect(whole.headers['accept-ranges']).toBe('bytes');
      expect(Number(whole.headers['content-length'])).toBe(proxy.length);

      const middle = await get({ range: 'bytes=100-1099' });
      expect(middle.statusCode).toBe(206);
      expect(middle.headers['content-range']).toBe(`bytes 100-1099/${proxy.length}`);
      expect(middle.rawPayload.equals(proxy.subarray(100, 1100))).toBe(true);

      const open = await get({ range: `bytes=${proxy.length - 10}-` });
      expect(open.statusCode).toBe(206);
      expect(open.rawPayload.equals(proxy.subarray(proxy.length - 10))).toBe(true);

      const suffix = await get({ range: 'bytes=-25' });
      expect(suffix.statusCode).toBe(206);
      expect(suffix.rawPayload.equals(proxy.subarray(proxy.length - 25))).toBe(true);

      const pastEnd = await get({ range: 'bytes=0-99999999999' });
      expect(pastEnd.statusCode).toBe(206);
      expect(pastEnd.rawPayload.equals(proxy)).toBe(true);
    });

    it('resumes with If-Range only while the ETag matches', async () => {
      const same = await get({ range: 'bytes=500-', 'if-range': `"${proxySha}"` });
      expect(same.statusCode).toBe(206);
      expect(same.rawPayload.equals(proxy.subarray(500))).toBe(true);
      for (const validator of [`"${videoSha}"`, `W/"${proxySha}"`, 'Wed, 21 Oct 2015 07:28:00 GMT']) {
        const changed = await get({ range: 'bytes=500-', 'if-range': validator });
        expect(changed.statusCode).toBe(200);
        expect(changed.rawPayload.equals(proxy)).toBe(true);
      }
    });

    it('answers 304 to a matching If-None-Match and 416 to a range past the end', async () => {
      expect((await get({ 'if-none-match': `"${proxySha}"` })).statusCode).toBe(304);
      const unsatisfiable = await get({ range: `bytes=${proxy.length}-` });
      expect(unsatisfiable.statusCode).toBe(416);
      expect(unsatisfiable.headers['content-range']).toBe(`bytes */${proxy.length}`);
      expect(unsatisfiable.json()).toMatchObject({ error: { code: 'VALIDATION', field: 'headers.range' } });
    });

    it('ignores malformed or multiple ranges and serves everything', async () => {
      for (const range of ['bytes=abc', 'bytes=5-2', 'items=0-1', 'bytes=0-1,5-6']) {
        const response = await get({ range });
        expect(response.statusCode).toBe(200);
        expect(response.rawPayload.length).toBe(proxy.length);
      }
    });

    it('refuses ids that are not a sha256 (400), unknown blobs (404) and callers without a token (401)', async () => {
      for (const id of ['not-a-hash', 'A'.repeat(64), '0'.repeat(63), '..%2F..%2Fregistry.sqlite']) {
        const response = await registry.app.inject({ method: 'GET', url: `/v1/blobs/${id}`, headers: bearer(expert) });
        expect(response.statusCode).toBe(400);
        expect(response.json()).toMatchObject({ error: { code: 'VALIDATION', field: 'params.sha256' } });
      }
      expect((await get({}, 'f'.repeat(64))).statusCode).toBe(404);
      expect((await registry.app.inject({ method: 'GET', url: `/v1/blobs/${proxySha}` })).statusCode).toBe(401);
    });
  });
});
