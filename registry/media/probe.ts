/** ffprobe, parsed: container and stream facts, and the timestamps of every decoded frame. */
import { z } from 'zod';
import { runProcess } from './run-process';

const Rational = z
  .string()
  .regex(/^\d+\/\d+$/)
  .transform((text) => {
    const [num, den] = text.split('/').map(Number) as [number, number];
    return { num, den };
  });
export type Rational = z.output<typeof Rational>;

const OptionalNumber = z
  .union([z.string(), z.number()])
  .optional()
  .transform((value) => {
    const n = value === undefined ? Number.NaN : Number(value);
    return Number.isFinite(n) ? n : undefined;
  });

const ProbeStream = z.object({
  index: z.number().int(),
  codec_type: z.string().optional(),
  codec_name: z.string().optional(),
  width: z.number().int().optional(),
  height: z.number().int().optional(),
  pix_fmt: z.string().optional(),
  has_b_frames: z.number().int().optional(),
  time_base: Rational.optional(),
  nb_frames: OptionalNumber,
  duration: OptionalNumber,
  disposition: z.object({ attached_pic: z.number().optional() }).loose().optional(),
  side_data_list: z.array(z.object({ side_data_type: z.string().optional(), rotation: z.number().optional() }).loose()).optional(),
});

const ProbeOutput = z.object({
  streams: z.array(ProbeStream).default([]),
  format: z
    .object({ format_name: z.string().optional(), duration: OptionalNumber, size: OptionalNumber })
    .loose()
    .optional(),
});

export interface VideoStreamFacts {
  index: number;
  codecName: string;
  /** stored (coded) size, before rotation */
  storedWidth: number;
  storedHeight: number;
  /** clockwise degrees a player turns the stored picture */
  rotation: 0 | 90 | 180 | 270;
  pixFmt: string | undefined;
  hasBFrames: number;
  timeBase: Rational;
  declaredFrames: number | undefined;
  durationSeconds: number | undefined;
}

export interface MediaProbe {
  formatName: string;
  durationSeconds: number | undefined;
  streamCount: number;
  video: VideoStreamFacts | undefined;
  hasAudio: boolean;
}

/** ffprobe reports the display matrix as a counter-clockwise angle; players turn clockwise by its negation. */
export function clockwiseRotation(displayMatrixDegrees: number | undefined): 0 | 90 | 180 | 270 {
  if (displayMatrixDegrees === undefined) return 0;
  const quarter = Math.round(-displayMatrixDegrees / 90);
  return ((((quarter % 4) + 4) % 4) * 90) as 0 | 90 | 180 | 270;
}

export class ProbeFailed extends Error {
  constructor(readonly stderrTail: string) {
    super(`ffprobe could not read the file: ${stderrTail.trim().split('\n').pop() ?? ''}`);
    this.name = 'ProbeFailed';
  }
}

export async function probeMedia(path: string, timeoutMs: number, signal?: AbortSignal): Promise<MediaProbe> {
  const run = await runProcess(
    'ffprobe',
    ['-v', 'error', '-show_format', '-show_streams', '-of', 'json', path],
    { timeoutMs, maxStdoutBytes: 16 * 1024 * 1024, ...(signal ? { signal } : {}) },
  );
  if (run.code !== 0) throw new ProbeFailed(run.stderrTail);
  const parsed = ProbeOutput.parse(JSON.parse(run.stdout));
  const videoStream = parsed.streams.find((s) => s.codec_type === 'video' && s.disposition?.attached_pic !== 1);
  const matrix = videoStream?.side_data_list?.find((d) => d.side_data_type === 'Display Matrix');
  return {
    formatName: parsed.format?.format_name ?? '',
    durationSeconds: parsed.format?.duration,
    streamCount: parsed.streams.length,
    hasAudio: parsed.streams.some((s) => s.codec_type === 'audio'),
    video:
      videoStream === undefined
        ? undefined
        : {
            index: videoStream.index,
            codecName: videoStream.codec_name ?? 'unknown',
            storedWidth: videoStream.width ?? 0,
            storedHeight: videoStream.height ?? 0,
            rotation: clockwiseRotation(matrix?.rotation),
            pixFmt: videoStream.pix_fmt,
            hasBFrames: videoStream.has_b_frames ?? 0,
            timeBase: videoStream.time_base ?? { num: 0, den: 0 },
            declaredFrames: videoStream.nb_frames,
            durationSeconds: videoStream.duration,
          },
  };
}

export interface DecodedFrames {
  /** presentation timestamps of the decoded frames, in decode output (= display) order, in the stream time base */
  pts: number[];
  /** ffprobe's complaints while decoding; non-empty means damaged data */
  errors: string;
}

/**
 * Decodes the stream and lists every output frame's timestamp (pts, or ffmpeg's best guess where pts is unset).
 * `-threads 0`: ffprobe, unlike ffmpeg, decodes on one thread unless told otherwise.
 */
export async function decodeFrameTimestamps(
  path: string,
  streamIndex: number,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<DecodedFrames> {
  const run = await runProcess(
    'ffprobe',
    ['-v', 'error', '-threads', '0', '-select_streams', String(streamIndex), '-show_entries', 'frame=pts,best_effort_timestamp', '-of', 'compact=p=0', path],
    { timeoutMs, ...(signal ? { signal } : {}) },
  );
  if (signal?.aborted) throw signal.reason;
  if (run.timedOut) throw new ProbeFailed('decoding timed out');
  const pts: number[] = [];
  for (const line of run.stdout.split('\n')) {
    if (line.trim() === '') continue;
    const fields = new Map(line.split('|').map((pair) => pair.split('=', 2) as [string, string]));
    const value = fields.get('pts') !== 'N/A' ? fields.get('pts') : fields.get('best_effort_timestamp');
    const n = Number(value);
    if (value === undefined || value === 'N/A' || !Number.isSafeInteger(n)) {
      throw new ProbeFailed(`frame without a timestamp: ${line}`);
    }
    pts.push(n);
  }
  return { pts, errors: run.code === 0 ? run.stderrTail.trim() : `exit ${run.code}: ${run.stderrTail.trim()}` };
}
