import { spawn } from 'node:child_process';

export interface ProcessOutput {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  /** the last few KiB only: enough to say why, never a whole log */
  stderrTail: string;
  timedOut: boolean;
}

export interface RunOptions {
  timeoutMs: number;
  /** stdout beyond this is an error, not an allocation (a hostile file could make ffprobe print without end) */
  maxStdoutBytes?: number;
  /** aborting kills the process (registry shutdown); the caller sees a non-zero exit */
  signal?: AbortSignal;
}

/** Runs a tool without a shell (arguments are never interpreted), bounded in time and output. */
export function runProcess(command: string, args: readonly string[], options: RunOptions): Promise<ProcessOutput> {
  const maxStdout = options.maxStdoutBytes ?? 256 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let stdoutBytes = 0;
    let stderrTail = '';
    let timedOut = false;
    let overflow = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs);
    const abort = (): void => {
      child.kill('SIGKILL');
    };
    if (options.signal?.aborted) abort();
    options.signal?.addEventListener('abort', abort, { once: true });
    child.stdout.on('data', (chunk: Buffer) => {
      stdoutBytes += chunk.length;
      if (stdoutBytes > maxStdout) {
        overflow = true;
        child.kill('SIGKILL');
        return;
      }
      chunks.push(chunk);
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderrTail = (stderrTail + chunk).slice(-8192);
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', abort);
      reject(error);
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', abort);
      if (overflow) {
        reject(new Error(`${command} printed more than ${maxStdout} bytes`));
        return;
      }
      resolve({ code, signal, stdout: Buffer.concat(chunks).toString('utf8'), stderrTail, timedOut });
    });
  });
}
