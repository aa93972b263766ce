import type { FrameTable } from '../../../shared/domain/media/frame-table';
import { gopByteRange, gopsToEvict, gopWindow, planDecode, windowRadius, type DecodePlan } from './decode-plan';
import { locateMoov, parseVideoTrack, type Mp4VideoTrack } from './mp4-sample-table';

/**
 * Decoded frames around the playhead (issue 5): Chromium's seek pipeline costs 50–90 ms per step even on an
 * all-intra file, so steps to a frame that is already decoded are drawn from here instead. The proxy is demuxed
 * with our own sample-table parser, whole GOPs are fetched by byte range and decoded with WebCodecs, and each
 * output frame's timestamp is mapped back to its frame index through the plan (exact pts, never time × fps).
 * Memory is bounded by a window of GOPs around the playhead; every VideoFrame that leaves it is closed.
 */

/** Decoded frames kept at most, in bytes (1080p 4:2:0 is 3.1 MB a frame: three GOPs of 8). */
const CACHE_BUDGET_BYTES = 96 * 1024 * 1024;
const MAX_RADIUS = 2;
/** The first bytes fetched to find `moov`: a faststart proxy's is at the start and usually smaller than this. */
const MOOV_PROBE_BYTES = 256 * 1024;

type GopState = 'decoding' | 'ready';

export class FrameCache {
  private readonly frames = new Map<number, VideoFrame>();
  private readonly gopState = new Map<number, GopState>();
  private readonly frameOfMicros = new Map<number, number>();
  private wanted: number[] = [];
  private suspended = false;
  private busy = false;
  private closed = false;
  private readonly decoder: VideoDecoder;
  /** Called when a frame the playhead may want has been decoded (the controller can present it if it waits). */
  onFrameReady: ((frame: number) => void) | null = null;

  private constructor(
    private readonly src: string,
    private readonly track: Mp4VideoTrack,
    private readonly plan: DecodePlan,
    config: VideoDecoderConfig,
    private readonly radius: number,
  ) {
    plan.sampleMicros.forEach((micros, sample) => this.frameOfMicros.set(micros, plan.sampleFrame[sample] as number));
    this.decoder = new VideoDecoder({
      output: (frame) => this.onOutput(frame),
      // A decoder error closes the decoder: the cache stops serving, and steps fall back to the <video> seek path.
      error: () => this.close(),
    });
    this.decoder.configure(config);
  }

  /**
   * A cache for `src`, or null when this browser or file cannot take the WebCodecs path (no VideoDecoder, codec
   * unsupported, not an H.264 MP4, or a track that disagrees with the frame table): the player then seeks only.
   */
  static async open(src: string, table: FrameTable, signal: AbortSignal): Promise<FrameCache | null> {
    if (typeof VideoDecoder === 'undefined' || typeof EncodedVideoChunk === 'undefined') return null;
    try {
      const track = await fetchVideoTrack(src, signal);
      // a picture of another size (a display matrix, a crop) would not sit exactly over the video's
      if (!track || track.codedWidth !== table.width || track.codedHeight !== table.height) return null;
      const plan = planDecode(track.samples, track.timescale, table);
      if (typeof plan === 'string') return null;
      const config: VideoDecoderConfig = {
        codec: track.codec,
        description: track.description,
        codedWidth: track.codedWidth,
        codedHeight: track.codedHeight,
        optimizeForLatency: true,
      };
      const support = await VideoDecoder.isConfigSupported(config);
      if (!support.supported || signal.aborted) return null;
      const radius = windowRadius(track.codedWidth, track.codedHeight, plan.maxGopLength, CACHE_BUDGET_BYTES, MAX_RADIUS);
      return new FrameCache(src, track, plan, config, radius);
    } catch {
      // a fetch refused (CSP, network) or a file we cannot parse: the <video> path still works
      return null;
    }
  }

  get(frame: number): VideoFrame | undefined {
    return this.frames.get(frame);
  }

  /** The playhead is at `frame`, moving in `direction`: keep its GOP window decoded, drop the rest. */
  focus(frame: number, direction: number): void {
    if (this.closed) return;
    this.suspended = false;
    const center = this.plan.frameGop[frame];
    if (center === undefined) return;
    this.wanted = gopWindow(center, direction, this.radius, this.plan.gops.length);
    for (const gop of gopsToEvict(this.gopState, this.wanted)) this.evict(gop);
    void this.pump();
  }

  /** Playback: decoding ahead would only compete with the <video> for the CPU. Frames already decoded stay. */
  suspend(): void {
    this.suspended = true;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const frame of this.frames.values()) frame.close();
    this.frames.clear();
    this.gopState.clear();
    if (this.decoder.state !== 'closed') this.decoder.close();
  }

  private evict(gop: number): void {
    const { first, end } = this.plan.gops[gop] as { first: number; end: number };
    for (let sample = first; sample < end; sample += 1) {
      const frame = this.plan.sampleFrame[sample] as number;
      this.frames.get(frame)?.close();
      this.frames.delete(frame);
    }
    this.gopState.delete(gop);
  }

  /** Decodes the most wanted missing GOP, one at a time (a flush per GOP: each starts on its own key frame). */
  private async pump(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      for (;;) {
        if (this.closed || this.suspended) return;
        const next = this.wanted.find((gop) => !this.gopState.has(gop));
        if (next === undefined) return;
        this.gopState.set(next, 'decoding');
        await this.decodeGop(next);
        if (this.closed) return;
        this.gopState.set(next, 'ready');
        if (!this.wanted.includes(next)) this.evict(next);
      }
    } catch {
      this.close();
    } finally {
      this.busy = false;
    }
  }

  private async decodeGop(gop: number): Promise<void> {
    const range = this.plan.gops[gop] as { first: number; end: number };
    const bytes = await fetchRange(this.src, gopByteRange(this.track.samples, range));
    if (this.closed) return;
    for (let sample = range.first; sample < range.end; sample += 1) {
      const { offset, size } = this.track.samples[sample] as { offset: number; size: number };
      const start = offset - bytes.start;
      this.decoder.decode(
        new EncodedVideoChunk({
          type: sample === range.first ? 'key' : 'delta',
          timestamp: this.plan.sampleMicros[sample] as number,
          data: bytes.data.subarray(start, start + size),
        }),
      );
    }
    await this.decoder.flush();
  }

  private onOutput(output: VideoFrame): void {
    const frame = this.frameOfMicros.get(output.timestamp);
    const gop = frame === undefined ? undefined : this.plan.frameGop[frame];
    // a timestamp that is no sample's, or a GOP the playhead has left: never shown, so never kept
    if (this.closed || frame === undefined || gop === undefined || !this.wanted.includes(gop)) {
      output.close();
      return;
    }
    this.frames.get(frame)?.close();
    this.frames.set(frame, output);
    this.onFrameReady?.(frame);
  }
}

async function fetchRange(src: string, range: { start: number; end: number }): Promise<{ start: number; data: Uint8Array }> {
  const response = await fetch(src, { headers: { Range: `bytes=${range.start}-${range.end - 1}` } });
  if (!response.ok) throw new Error(`range fetch: HTTP ${response.status}`);
  const data = new Uint8Array(await response.arrayBuffer());
  // A server that ignores Range answers 200 with the whole file: take the asked part out of it.
  if (response.status === 200) return { start: range.start, data: data.subarray(range.start, range.end) };
  return { start: range.start, data };
}

async function fetchVideoTrack(src: string, signal: AbortSignal): Promise<Mp4VideoTrack | null> {
  let base = 0;
  let prefix = (await fetchRange(src, { start: 0, end: MOOV_PROBE_BYTES })).data;
  // Follow top-level box headers until moov (a non-faststart file costs one small fetch per box).
  for (let hops = 0; hops < 16 && !signal.aborted; hops += 1) {
    const where = locateMoov(prefix, base);
    if (where.found) {
      if (!Number.isFinite(where.size)) return null;
      const end = where.offset + where.size;
      const inPrefix = where.offset >= base && end <= base + prefix.byteLength;
      const moov = inPrefix
        ? prefix.subarray(where.offset - base, end - base)
        : (await fetchRange(src, { start: where.offset, end })).data;
      return parseVideoTrack(moov);
    }
    if (where.nextOffset === null) return null;
    base = where.nextOffset;
    prefix = (await fetchRange(src, { start: base, end: base + 16 })).data;
  }
  return null;
}
