/**
 * Generates test and demo videos whose pictures carry their own frame index (DESIGN §11): frames are painted in
 * Node (strip + moving pattern, yuv420p) and piped to ffmpeg as raw video, then encoded with one of the profiles
 * real uploads come in. Tests decode any frame and read back which source frame it is.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { paintFrameStrip, stripHeight } from '../../shared/domain/media/frame-strip';
import { spawnFfmpeg, writeWithBackpressure } from './run-ffmpeg';

export const FRAME_STRIP_PROFILES = ['cfr30', 'ntsc-bframes', 'vfr', 'rotated90', 'hevc-aac', 'hd1080'] as const;
export type FrameStripProfile = (typeof FRAME_STRIP_PROFILES)[number];

interface ProfileSpec {
  /** displayed (upright) size */
  width: number;
  height: number;
  /** input frame rate as ffmpeg takes it */
  rate: string;
  fps: number;
  seconds: number;
  /** clockwise degrees a player must rotate the stored picture */
  rotation: 0 | 90 | 180 | 270;
  audio: boolean;
  /** output options after the inputs (codec, GOP, timestamps) */
  encode: string[];
}

const X264 = ['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '20', '-pix_fmt', 'yuv420p'];

/** VFR timestamps in ms: strictly increasing (step 36 ± 12 ms, never below 24 ms) and irregular. */
const VFR_SETPTS = 'settb=1/1000,setpts=floor(N*36+12*sin(N))';

const PROFILES: Record<FrameStripProfile, ProfileSpec> = {
  // a plain camera file: constant 30 fps, no B-frames
  cfr30: { width: 640, height: 360, rate: '30', fps: 30, seconds: 3, rotation: 0, audio: false, encode: [...X264, '-bf', '0', '-g', '30'] },
  // NTSC with B-frames and one long GOP: ffmpeg's mp4 muxer writes an edit list for the B-frame delay
  'ntsc-bframes': {
    width: 640,
    height: 360,
    rate: '30000/1001',
    fps: 30000 / 1001,
    seconds: 4,
    rotation: 0,
    audio: false,
    encode: [...X264, '-bf', '3', '-g', '300', '-keyint_min', '300', '-sc_threshold', '0'],
  },
  // irregular timestamps, kept exactly: ffmpeg 5.1 would round them to 1/fps without the encoder time base
  vfr: {
    width: 640,
    height: 360,
    rate: '30',
    fps: 1000 / 36,
    seconds: 3,
    rotation: 0,
    audio: false,
    encode: ['-vf', VFR_SETPTS, '-fps_mode', 'passthrough', '-enc_time_base', '1:1000', ...X264],
  },
  // a phone held upright: landscape pixels with a display matrix asking for a 90° clockwise turn
  rotated90: { width: 360, height: 640, rate: '30', fps: 30, seconds: 2, rotation: 90, audio: false, encode: [...X264] },
  'hevc-aac': {
    width: 640,
    height: 360,
    rate: '30',
    fps: 30,
    seconds: 2,
    rotation: 0,
    audio: true,
    encode: ['-c:v', 'libx265', '-preset', 'veryfast', '-crf', '24', '-pix_fmt', 'yuv420p', '-tag:v', 'hvc1', '-x265-params', 'log-level=error', '-c:a', 'aac', '-b:a', '96k'],
  },
  hd1080: { width: 1920, height: 1080, rate: '30', fps: 30, seconds: 2, rotation: 0, audio: false, encode: [...X264] },
};

export const FrameStripVideo = z.object({
  path: z.string(),
  profile: z.enum(FRAME_STRIP_PROFILES),
  /** frames painted, i.e. the index of the last frame + 1 */
  frameCount: z.number().int().positive(),
  /** displayed size */
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  rotation: z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]),
  hasAudio: z.boolean(),
});
export type FrameStripVideo = z.infer<typeof FrameStripVideo>;

export interface GenerateOptions {
  profile: FrameStripProfile;
  outPath: string;
  /** overrides the profile's (short) length, e.g. for benches or demo videos */
  seconds?: number;
  /** overrides the displayed size (even numbers) */
  size?: { width: number; height: number };
}

export function frameStripProfile(profile: FrameStripProfile): Readonly<ProfileSpec> {
  return PROFILES[profile];
}

/** Upright luma of frame `index`: strip on top, a diagonal ramp and a bright bar that both move every frame. */
function paintUpright(luma: Uint8Array, ramp: Uint8Array, width: number, height: number, index: number): void {
  const top = stripHeight(height);
  for (let y = top; y < height; y += 1) {
    const shift = (2 * y + 6 * index) % 128;
    luma.set(ramp.subarray(shift, shift + width), y * width);
  }
  const barWidth = Math.max(8, width >> 5);
  const barX = (index * 7) % Math.max(1, width - barWidth);
  for (let y = top + 4; y < height; y += 1) luma.fill(200, y * width + barX, y * width + barX + barWidth);
  // a mid-grey gap so the strip's black blocks never merge with dark pattern
  for (let y = top; y < Math.min(height, top + 4); y += 1) luma.fill(128, y * width, (y + 1) * width);
  paintFrameStrip(luma, width, height, index);
}

/** The stored picture is the upright one turned back, so a player applying `rotation` shows it upright. */
function storeRotated(upright: Uint8Array, width: number, height: number, rotation: number, out: Uint8Array): void {
  if (rotation === 0) {
    out.set(upright);
    return;
  }
  if (rotation !== 90) throw new Error(`rotation ${rotation} not generated`);
  // stored is height × width; displayed (x, y) = stored turned 90° clockwise, so stored (sx, sy) = (y, width-1-x)
  const storedWidth = height;
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) out[(width - 1 - x) * storedWidth + y] = upright[y * width + x] as number;
  }
}

export async function generateFrameStripVideo(options: GenerateOptions): Promise<FrameStripVideo> {
  const spec = PROFILES[options.profile];
  const width = options.size?.width ?? spec.width;
  const height = options.size?.height ?? spec.height;
  if (width % 2 !== 0 || height % 2 !== 0) throw new RangeError('frame-strip videos need even sizes (yuv420p)');
  const seconds = options.seconds ?? spec.seconds;
  const frameCount = Math.max(1, Math.round(seconds * spec.fps));
  const [storedWidth, storedHeight] = spec.rotation === 90 ? [height, width] : [width, height];

  await mkdir(dirname(options.outPath), { recursive: true });
  // ffmpeg 5.1 has no -display_rotation and writes the rotate tag only on stream copy: encode, then remux.
  const encodedPath = spec.rotation === 0 ? options.outPath : `${options.outPath}.${randomUUID()}.unrotated.mp4`;
  const audioInput = spec.audio
    ? ['-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=48000:duration=${frameCount / spec.fps}`]
    : [];
  const { child, done } = spawnFfmpeg([
    '-f', 'rawvideo', '-pix_fmt', 'yuv420p', '-s', `${storedWidth}x${storedHeight}`, '-framerate', spec.rate, '-i', 'pipe:0',
    ...audioInput,
    ...spec.encode,
    '-movflags', '+faststart',
    '-y', encodedPath,
  ]);

  const lumaSize = width * height;
  const chroma = new Uint8Array(lumaSize / 2).fill(128);
  const upright = new Uint8Array(lumaSize);
  const ramp = Uint8Array.from({ length: width + 128 }, (_, x) => 40 + ((x * 3) % 128));
  try {
    for (let index = 0; index < frameCount; index += 1) {
      paintUpright(upright, ramp, width, height, index);
      const stored = new Uint8Array(lumaSize);
      storeRotated(upright, width, height, spec.rotation, stored);
      await writeWithBackpressure(child.stdin, stored);
      await writeWithBackpressure(child.stdin, chroma);
    }
    child.stdin.end();
    await done;
    if (spec.rotation !== 0) {
      // the tag value is the counter-clockwise angle in ffmpeg 5.1's display-matrix convention
      const tag = String((360 - spec.rotation) % 360);
      await spawnFfmpeg(['-i', encodedPath, '-c', 'copy', '-metadata:s:v:0', `rotate=${tag}`, '-movflags', '+faststart', '-y', options.outPath]).done;
    }
  } catch (error) {
    child.kill('SIGKILL');
    await rm(options.outPath, { force: true });
    throw error;
  } finally {
    if (encodedPath !== options.outPath) await rm(encodedPath, { force: true });
  }
  return { path: options.outPath, profile: options.profile, frameCount, width, height, rotation: spec.rotation, hasAudio: spec.audio };
}

function parseJsonOrNull(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** Bumped whenever the painting or a profile changes, so caches regenerate. */
const GENERATOR_VERSION = 1;

/**
 * One generated file per profile (and length) in `cacheDir`, reused across test files and runs; written to a temp
 * name and renamed so a killed run never leaves a half file that a later run would trust.
 */
export async function cachedFrameStripVideo(
  cacheDir: string,
  profile: FrameStripProfile,
  seconds?: number,
): Promise<FrameStripVideo> {
  const name = `${profile}${seconds === undefined ? '' : `-${seconds}s`}-v${GENERATOR_VERSION}`;
  const path = join(cacheDir, `${name}.mp4`);
  const descriptorPath = join(cacheDir, `${name}.json`);
  if (existsSync(path) && existsSync(descriptorPath)) {
    const cached = FrameStripVideo.safeParse(parseJsonOrNull(await readFile(descriptorPath, 'utf8')));
    if (cached.success && cached.data.path === path) return cached.data;
  }
  const tempPath = join(cacheDir, `${name}.${randomUUID()}.tmp.mp4`);
  const video = await generateFrameStripVideo({ profile, outPath: tempPath, ...(seconds === undefined ? {} : { seconds }) });
  await rename(tempPath, path);
  const descriptor: FrameStripVideo = { ...video, path };
  const descriptorTemp = `${tempPath}.json`;
  await writeFile(descriptorTemp, JSON.stringify(descriptor));
  await rename(descriptorTemp, descriptorPath);
  return descriptor;
}
