/**
 * Ingest of one uploaded video (DESIGN §8): probe → refuse what we cannot review → review proxy → verify that the
 * proxy shows the source's frames at the source's times → frame table. Nothing half-made is ever left in `outDir`:
 * the work happens in a temp folder inside it, and `frames.json` (the mark of a finished ingest) is renamed in last.
 */
import { mkdir, mkdtemp, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FrameTable } from '../../shared/domain/media/frame-table';
import { isVideoContainer, sniffVideoContainer } from './container-signature';
import { IngestRejection } from './ingest-errors';
import { IngestLimits, type IngestLimitsInput } from './limits';
import { decodeFrameTimestamps, ProbeFailed, probeMedia, type MediaProbe, type VideoStreamFacts } from './probe';
import { makeProxy } from './proxy';
import { sha256File } from './sha256-file';
import { compareFrameTimestamps } from './verify-timestamps';

export const PROXY_FILE = 'proxy.mp4';
export const FRAME_TABLE_FILE = 'frames.json';

export interface IngestRequest {
  inputPath: string;
  outDir: string;
  limits?: IngestLimitsInput;
  /** aborting stops ffmpeg and leaves nothing behind (registry shutdown) */
  signal?: AbortSignal;
}

function lastLine(text: string): string {
  return text.trim().split('\n').pop()?.replace(/^\[[^\]]*\]\s*/, '') ?? '';
}

async function probeSource(inputPath: string, limits: IngestLimits, signal: AbortSignal | undefined): Promise<MediaProbe & { video: VideoStreamFacts }> {
  const info = await stat(inputPath);
  if (!info.isFile() || info.size === 0) throw new IngestRejection('not_a_video', 'the upload is empty');
  if (info.size > limits.maxBytes) {
    throw new IngestRejection('over_limit', `the file is ${info.size} bytes; at most ${limits.maxBytes} are accepted`);
  }
  let probe: MediaProbe;
  try {
    probe = await probeMedia(inputPath, limits.processTimeoutMs, signal);
  } catch (error) {
    if (!(error instanceof ProbeFailed) || signal?.aborted) throw error;
    const container = await sniffVideoContainer(inputPath);
    if (container !== null) {
      throw new IngestRejection('truncated', `the file starts as ${container} but cannot be read (${lastLine(error.stderrTail)})`);
    }
    throw new IngestRejection('not_a_video', 'the file is not a video container');
  }
  if (!isVideoContainer(probe.formatName)) throw new IngestRejection('not_a_video', `"${probe.formatName}" is not a video container`);
  const { video } = probe;
  if (video === undefined) {
    throw new IngestRejection('no_video_stream', probe.hasAudio ? 'the file has audio but no video' : 'the file has no video stream');
  }
  const turned = video.rotation === 90 || video.rotation === 270;
  const [width, height] = turned ? [video.storedHeight, video.storedWidth] : [video.storedWidth, video.storedHeight];
  if (Math.max(width, height) > limits.maxLongSide || Math.min(width, height) > limits.maxShortSide) {
    throw new IngestRejection('over_limit', `${width}×${height} is above ${limits.maxLongSide}×${limits.maxShortSide}`);
  }
  const duration = video.durationSeconds ?? probe.durationSeconds;
  if (duration !== undefined && duration > limits.maxDurationSeconds) {
    throw new IngestRejection('over_limit', `${duration.toFixed(1)} s is longer than ${limits.maxDurationSeconds} s`);
  }
  if (video.declaredFrames !== undefined && video.declaredFrames > limits.maxFrameCount) {
    throw new IngestRejection('over_limit', `${video.declaredFrames} frames; at most ${limits.maxFrameCount}`);
  }
  if (video.timeBase.num <= 0 || video.timeBase.den <= 0) throw new IngestRejection('not_a_video', 'the video stream has no time base');
  return { ...probe, video };
}

/** Decodes every source frame: the reference the proxy is verified against. */
async function decodeSource(inputPath: string, video: VideoStreamFacts, limits: IngestLimits, signal: AbortSignal | undefined): Promise<number[]> {
  let decoded;
  try {
    decoded = await decodeFrameTimestamps(inputPath, video.index, limits.processTimeoutMs, signal);
  } catch (error) {
    if (error instanceof ProbeFailed && !signal?.aborted) throw new IngestRejection('truncated', `the video does not decode (${lastLine(error.stderrTail)})`);
    throw error;
  }
  const { pts, errors } = decoded;
  if (pts.length === 0 && errors === '') throw new IngestRejection('zero_frames', 'the video stream has no frames');
  // Strict on purpose: any decode error means reviewers would see damaged pictures; the remedy is a new upload.
  if (errors !== '') {
    throw new IngestRejection('truncated', `the video is damaged after ${pts.length} frames (${lastLine(errors)})`);
  }
  if (video.declaredFrames !== undefined && pts.length < video.declaredFrames) {
    throw new IngestRejection('truncated', `only ${pts.length} of ${video.declaredFrames} frames decode`);
  }
  if (pts.length > limits.maxFrameCount) throw new IngestRejection('over_limit', `${pts.length} frames; at most ${limits.maxFrameCount}`);
  for (let i = 1; i < pts.length; i += 1) {
    if ((pts[i] as number) <= (pts[i - 1] as number)) {
      throw new IngestRejection('verification_failed', `source frames ${i - 1} and ${i} have the same or decreasing timestamps`);
    }
  }
  return pts;
}

async function verifiedProxyTable(
  source: { path: string; video: VideoStreamFacts; pts: number[] },
  proxyPath: string,
  limits: IngestLimits,
  signal: AbortSignal | undefined,
): Promise<Omit<FrameTable, 'sourceSha256' | 'proxySha256'>> {
  const probe = await probeMedia(proxyPath, limits.processTimeoutMs, signal);
  const video = probe.video;
  if (video === undefined || video.codecName !== 'h264' || video.rotation !== 0 || video.hasBFrames !== 0 || video.pixFmt !== 'yuv420p') {
    throw new IngestRejection('verification_failed', 'the proxy is not upright yuv420p H.264 without B-frames');
  }
  const decoded = await decodeFrameTimestamps(proxyPath, video.index, limits.processTimeoutMs, signal);
  if (decoded.errors !== '') throw new IngestRejection('verification_failed', `the proxy does not decode cleanly (${lastLine(decoded.errors)})`);
  const mismatch = compareFrameTimestamps({ pts: source.pts, timeBase: source.video.timeBase }, { pts: decoded.pts, timeBase: video.timeBase });
  if (mismatch !== null) throw new IngestRejection('verification_failed', mismatch);

  // timescale units: ticks of 1/den s; a time base of num/den becomes pts × num exactly
  const timescale = video.timeBase.den;
  const pts = decoded.pts.map((p) => p * video.timeBase.num);
  const first = pts[0] as number;
  const last = pts[pts.length - 1] as number;
  const durationTs = video.durationSeconds === undefined ? undefined : Math.round(video.durationSeconds * timescale);
  const avgFps =
    pts.length > 1 ? ((pts.length - 1) * timescale) / (last - first) : durationTs !== undefined && durationTs > 0 ? timescale / durationTs : 1;
  return {
    version: 1,
    timescale,
    pts,
    frameCount: pts.length,
    width: video.storedWidth,
    height: video.storedHeight,
    rotation: source.video.rotation,
    avgFps,
    ...(durationTs !== undefined && durationTs > 0 ? { durationTs } : {}),
  };
}

/** Ingests one video into `outDir` (proxy.mp4 + frames.json) or throws an IngestRejection saying why not. */
export async function ingestVideo(request: IngestRequest): Promise<FrameTable> {
  try {
    return await ingestInto(request);
  } catch (error) {
    // ffmpeg names the files it reads; the reason is shown to institutions, the server's paths are not
    if (error instanceof IngestRejection) {
      const detail = error.detail.replaceAll(request.inputPath, 'the upload').replaceAll(request.outDir, 'the output');
      throw new IngestRejection(error.reason, detail);
    }
    throw error;
  }
}

async function ingestInto(request: IngestRequest): Promise<FrameTable> {
  const limits = IngestLimits.parse(request.limits ?? {});
  const { signal } = request;
  const source = await probeSource(request.inputPath, limits, signal);
  const sourcePts = await decodeSource(request.inputPath, source.video, limits, signal);

  await mkdir(request.outDir, { recursive: true });
  const workDir = await mkdtemp(join(request.outDir, '.ingest-'));
  const finalProxy = join(request.outDir, PROXY_FILE);
  const finalTable = join(request.outDir, FRAME_TABLE_FILE);
  let proxyMoved = false;
  try {
    const proxyPath = join(workDir, PROXY_FILE);
    const made = await makeProxy(request.inputPath, source.video, source.hasAudio, proxyPath, limits.processTimeoutMs, signal);
    if (!made.ok) throw new IngestRejection('transcode_failed', made.detail);
    const timing = await verifiedProxyTable({ path: request.inputPath, video: source.video, pts: sourcePts }, proxyPath, limits, signal);
    signal?.throwIfAborted();
    const [sourceSha256, proxySha256] = await Promise.all([sha256File(request.inputPath), sha256File(proxyPath)]);
    const table = FrameTable.parse({ ...timing, sourceSha256, proxySha256 });
    const tablePath = join(workDir, FRAME_TABLE_FILE);
    await writeFile(tablePath, `${JSON.stringify(table)}\n`);
    // frames.json marks a finished ingest: drop an old one first, put the new one in last
    await rm(finalTable, { force: true });
    await rename(proxyPath, finalProxy);
    proxyMoved = true;
    await rename(tablePath, finalTable);
    return table;
  } catch (error) {
    if (proxyMoved) await rm(finalProxy, { force: true });
    throw error;
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}
