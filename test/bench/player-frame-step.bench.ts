/**
 * Frame step latency of the player in Chromium (issue 5 benchmarks): key press → the asked frame visibly presented,
 * forward and backward, on the 1080p review proxy (H.264, no B-frames, GOP ≤ 8), and in the same run on the ORIGINAL
 * long-GOP B-frame source as the baseline the proxy exists to beat; plus seek to a random frame. "Presented" is the
 * player's whenPresented: a frame drawn from the decoded-frame cache counts once it is drawn on the overlay canvas
 * AND the next animation frame has been reached; a <video> seek counts at its requestVideoFrameCallback. The key is
 * dispatched inside the page so CDP round trips are not counted. After each sample (outside the timing) the frame
 * index is read from the pixels of the layer the user sees (overlay or video) and from the counter, and both are
 * checked against the frame asked for (`player.frame_step_wrong`). The original's B-frames keep it off the cache
 * (reordered frames are refused by the decode plan), so the baseline is the <video> seek path.
 * OSEA_BENCH_SAMPLES=1 prints the proxy's step samples in order on stderr (to see where a tail comes from).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { decodeFrameTimestamps, probeMedia } from '../../registry/media/probe';
import { cachedFrameStripVideo } from '../../resources/video/frame-strip-video';
import { FrameTable } from '../../shared/domain/media/frame-table';
import { buildPlayerHarness } from '../e2e/player-harness/build-harness';
import { ingestVideo } from '../../registry/media/ingest';
import { serveStatic } from '../e2e/player-harness/static-server';
import type { HarnessScope } from '../e2e/player-harness/harness-api';
import { emit, median, percentile } from './figures';

const SECONDS = 8;
const STEPS = 60;
const SEEKS = 60;
/**
 * Before the step series the reviewer has looked at the frame they jumped to: this long at rest lets the decoded-
 * frame cache fill its window, as it does while a person reads the picture. The step taken at once after a jump,
 * before that, is measured on its own (`frame_step_after_jump`).
 */
const LOOK_MS = 600;
const CACHE_DIR = resolve('test-results/frame-strip-cache');

interface Latencies {
  forward: number[];
  back: number[];
  seek: number[];
  wrong: number;
  /** steps whose frame was shown from the decoded-frame overlay */
  overlaySteps: number;
  /** one forward step pressed the moment a random seek was presented */
  afterJump: number[];
}

/** A frame table for the original file, from its own decoded timestamps (the proxy's keeps the same times). */
async function originalTable(path: string, proxyTable: FrameTable): Promise<FrameTable> {
  const probe = await probeMedia(path, 60_000);
  if (!probe.video) throw new Error('original has no video stream');
  const decoded = await decodeFrameTimestamps(path, probe.video.index, 120_000);
  const { num, den } = probe.video.timeBase;
  if (num !== 1) throw new Error(`unexpected time base ${num}/${den}`);
  return FrameTable.parse({ ...proxyTable, timescale: den, pts: decoded.pts, frameCount: decoded.pts.length, durationTs: undefined });
}

async function measure(page: Page, url: string, frameCount: number): Promise<Latencies> {
  await page.goto(url);
  await page.waitForFunction(() => (globalThis as unknown as Partial<HarnessScope>).playerHarness?.ready === true);
  await page.evaluate(() => (globalThis as unknown as HarnessScope).playerHarness.readSettled());
  const refused = await page.evaluate(() => (globalThis as unknown as HarnessScope).playerHarness.integrityErrors);
  if (refused.length > 0) throw new Error(`player refused the media: ${JSON.stringify(refused)}`);
  const start = Math.floor(frameCount / 2) - Math.floor(STEPS / 2);
  const targets = Array.from({ length: SEEKS }, (_, i) => Math.floor(((i * 7919) % 1000) / 1000 * frameCount));
  return page.evaluate(
    async ({ start, steps, targets, look, frameCount }) => {
      // (no named functions in here: tsx's keepNames would wrap them in a helper the page does not have)
      const harness = (globalThis as unknown as HarnessScope).playerHarness;
      const result = { forward: [] as number[], back: [] as number[], seek: [] as number[], wrong: 0, overlaySteps: 0, afterJump: [] as number[] };
      harness.seekToFrame(start);
      await harness.whenSettled();
      await new Promise((resolve) => setTimeout(resolve, look));
      let expected = start;
      for (const [code, delta, samples] of [
        ['ArrowRight', 1, result.forward],
        ['ArrowLeft', -1, result.back],
      ] as const) {
        for (let i = 0; i < steps; i += 1) {
          // let the previous frame's paint finish so each sample is one step from rest
          await harness.nextPaint();
          const began = performance.now();
          harness.pressKey(code);
          await harness.whenPresented();
          samples.push(performance.now() - began);
          expected += delta;
          if (harness.visibleLayer() === 'overlay') result.overlaySteps += 1;
          if (harness.confirmed()?.frame !== expected || harness.readPixels() !== expected) result.wrong += 1;
        }
      }
      for (const target of targets) {
        await harness.nextPaint();
        const began = performance.now();
        harness.seekToFrame(target);
        await harness.whenPresented();
        result.seek.push(performance.now() - began);
        if (harness.confirmed()?.frame !== target || harness.readPixels() !== target) result.wrong += 1;
        if (target + 1 >= frameCount) continue;
        const stepBegan = performance.now();
        harness.pressKey('ArrowRight');
        await harness.whenPresented();
        result.afterJump.push(performance.now() - stepBegan);
        if (harness.confirmed()?.frame !== target + 1 || harness.readPixels() !== target + 1) result.wrong += 1;
      }
      return result;
    },
    { start, steps: STEPS, targets, look: LOOK_MS, frameCount },
  );
}

async function main(): Promise<void> {
  const root = await mkdtemp(join(tmpdir(), 'osea-player-bench-'));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-timer-throttling', '--autoplay-policy=no-user-gesture-required'],
  });
  const server = await serveStatic(root);
  try {
    await buildPlayerHarness(join(root, 'harness'));
    // the hd1080 profile is x264 defaults: B-frames and one GOP over the whole clip — a camera-like original
    const original = await cachedFrameStripVideo(CACHE_DIR, 'hd1080', SECONDS);
    const mediaDir = join(root, 'media');
    const proxyTable = await ingestVideo({ inputPath: original.path, outDir: mediaDir });
    await writeFile(join(mediaDir, 'original.mp4'), await readFile(original.path));
    await writeFile(join(mediaDir, 'original-frames.json'), JSON.stringify(await originalTable(original.path, proxyTable)));
    if (!existsSync(join(mediaDir, 'proxy.mp4'))) throw new Error('ingest wrote no proxy');

    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const url = (src: string, frames: string): string =>
      `${server.url}/harness/index.html?${new URLSearchParams({ src: `/media/${src}`, frames: `/media/${frames}` }).toString()}`;
    const proxy = await measure(page, url('proxy.mp4', 'frames.json'), proxyTable.frameCount);
    const baseline = await measure(page, url('original.mp4', 'original-frames.json'), proxyTable.frameCount);

    const report = (label: string, samples: number[]): void => {
      emit(`player.frame_step_${label}_p50`, median(samples), 'ms');
      emit(`player.frame_step_${label}_p95`, percentile(samples, 95), 'ms');
    };
    if (process.env.OSEA_BENCH_SAMPLES) console.error(JSON.stringify({ forward: proxy.forward.map(Math.round), back: proxy.back.map(Math.round) }));
    report('forward_1080p_proxy', proxy.forward);
    report('back_1080p_proxy', proxy.back);
    report('forward_1080p_original_longgop', baseline.forward);
    report('back_1080p_original_longgop', baseline.back);
    const ratio = (a: number[], b: number[]): number => percentile(a, 95) / percentile(b, 95);
    emit('player.frame_step_forward_original_vs_proxy_p95_ratio', ratio(baseline.forward, proxy.forward), 'x');
    emit('player.frame_step_back_original_vs_proxy_p95_ratio', ratio(baseline.back, proxy.back), 'x');
    emit('player.frame_seek_random_1080p_proxy_p50', median(proxy.seek), 'ms');
    emit('player.frame_seek_random_1080p_proxy_p95', percentile(proxy.seek, 95), 'ms');
    emit('player.frame_seek_random_1080p_original_longgop_p95', percentile(baseline.seek, 95), 'ms');
    emit('player.frame_step_after_jump_1080p_proxy_p50', median(proxy.afterJump), 'ms');
    emit('player.frame_step_after_jump_1080p_proxy_p95', percentile(proxy.afterJump, 95), 'ms');
    const samples = (l: Latencies): number => l.forward.length + l.back.length + l.seek.length + l.afterJump.length;
    emit('player.frame_step_wrong', proxy.wrong + baseline.wrong, 'frames', { samples: samples(proxy) + samples(baseline) });
    emit('player.frame_step_from_cache_1080p_proxy', proxy.overlaySteps, 'steps', { of: 2 * STEPS });
    emit('player.frame_step_from_cache_1080p_original_longgop', baseline.overlaySteps, 'steps', { of: 2 * STEPS });
  } finally {
    await browser.close();
    await server.close();
    await rm(root, { recursive: true, force: true });
  }
}

await main();
