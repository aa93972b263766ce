import type { VideoStreamFacts } from './probe';
import { runProcess } from './run-process';

/**
 * ffmpeg arguments for the review proxy (DESIGN §8). Every choice serves frame-accurate stepping in a browser:
 * H.264 because Debian Chromium plays it (not HEVC); no B-frames and keyframes at least every 8 frames so a seek
 * decodes little and lands exactly; yuv420p for every decoder; upright pixels because ffmpeg's autorotate turns
 * them and writes no display matrix; source timestamps passed through with the source time base, so frame N of
 * the proxy is frame N of the source at the same time (never -r, which would drop or duplicate frames).
 * Metadata (GPS location on phone videos, device names) is dropped: the proxy goes to reviewers.
 */
export function proxyArguments(sourcePath: string, video: VideoStreamFacts, withAudio: boolean, outPath: string): string[] {
  return [
    '-hide_banner', '-nostdin', '-loglevel', 'error',
    '-i', sourcePath,
    '-map', `0:${video.index}`,
    ...(withAudio ? ['-map', '0:a:0'] : []),
    '-map_metadata', '-1', '-map_chapters', '-1', '-sn', '-dn',
    // yuv420p needs even sizes; cropping one edge row keeps the other pixels untouched (no rescale)
    '-vf', 'crop=trunc(iw/2)*2:trunc(ih/2)*2:0:0,format=yuv420p',
    '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '20', '-profile:v', 'high',
    '-bf', '0', '-g', '8', '-keyint_min', '1',
    '-pix_fmt', 'yuv420p',
    '-fps_mode', 'passthrough', '-enc_time_base:v', '-1',
    ...(withAudio ? ['-c:a', 'aac', '-b:a', '128k'] : ['-an']),
    '-movflags', '+faststart',
    '-f', 'mp4', '-y', outPath,
  ];
}

export async function makeProxy(
  sourcePath: string,
  video: VideoStreamFacts,
  withAudio: boolean,
  outPath: string,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<{ ok: true } | { ok: false; detail: string }> {
  const run = await runProcess('ffmpeg', proxyArguments(sourcePath, video, withAudio, outPath), {
    timeoutMs,
    maxStdoutBytes: 1024 * 1024,
    ...(signal ? { signal } : {}),
  });
  if (signal?.aborted) throw signal.reason;
  if (run.code === 0) return { ok: true };
  return { ok: false, detail: run.timedOut ? 'transcoding timed out' : (run.stderrTail.trim().split('\n').pop() ?? `exit ${run.code}`) };
}
