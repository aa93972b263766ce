import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';

export type FfmpegProcess = ChildProcessByStdio<Writable, Readable, Readable>;

/** Spawns ffmpeg with stdin/stdout piped; `done` settles when it exits (rejects with the stderr tail on failure). */
export function spawnFfmpeg(args: readonly string[]): { child: FfmpegProcess; done: Promise<void> } {
  const child = spawn('ffmpeg', ['-hide_banner', '-nostdin', '-loglevel', 'error', ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const done = new Promise<void>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`ffmpeg exited with ${code ?? signal}: ${stderr.trim()}`));
    });
  });
  return { child, done };
}

/** Writes a chunk, waiting for the pipe to drain so a long 1080p clip never sits in memory. */
export function writeWithBackpressure(stream: Writable, chunk: Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => reject(error);
    stream.once('error', onError);
    const flushed = stream.write(chunk, (error) => {
      if (error) reject(error);
    });
    const finish = (): void => {
      stream.off('error', onError);
      resolve();
    };
    if (flushed) finish();
    else stream.once('drain', finish);
  });
}
