import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const READY = /^web mode ready: (http:\/\/127\.0\.0\.1:\d+)\/\?token=(\S+)$/;

export interface WebHost {
  /** http://127.0.0.1:PORT */
  origin: string;
  token: string;
  /** The URL exactly as printed: opening it trades the token for the session cookie. */
  url: string;
  dataDir: string;
  /** Stops the host and everything it started (process group), then removes a data dir this helper created. */
  stop(): Promise<void>;
  /** A crash: SIGKILL to the whole group at once, no shutdown code runs; the data dir is kept. */
  crash(): Promise<void>;
}

export interface WebHostOptions {
  /** Registry URL; default http://127.0.0.1:9 (discard port: nothing answers, so the app is offline). */
  registry?: string;
  /** Reuse a data dir (e.g. to restart on the same store); default a fresh temp dir removed on stop. */
  dataDir?: string;
  readyTimeoutMs?: number;
}

/**
 * Starts the real web-mode host (`node scripts/start-web.mjs`) as a child in its own process group and waits for
 * its one stdout line `web mode ready: URL`. Stderr is kept to explain a failed start.
 */
export async function startWebHost(options: WebHostOptions = {}): Promise<WebHost> {
  const ownDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'osea-e2e-'));
  const child = spawn(
    process.execPath,
    [
      join(repoRoot, 'scripts', 'start-web.mjs'),
      '--port',
      '0',
      '--data-dir',
      dataDir,
      '--registry',
      options.registry ?? 'http://127.0.0.1:9',
    ],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  const stderr: string[] = [];
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr.push(chunk);
    if (stderr.length > 200) stderr.shift();
  });

  const stop = async () => {
    await killGroup(child);
    if (ownDataDir) rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    const [origin, token] = await waitForReady(child, options.readyTimeoutMs ?? 180_000, () => stderr.join(''));
    const crash = async () => {
      if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((done) => child.once('exit', () => done()));
      signalGroup(child.pid, 'SIGKILL');
      await exited;
    };
    return { origin, token, url: `${origin}/?token=${token}`, dataDir, stop, crash };
  } catch (error) {
    await stop();
    throw error;
  }
}

function waitForReady(child: ChildProcess, timeoutMs: number, log: () => string): Promise<[string, string]> {
  return new Promise((resolveReady, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const fail = (why: string) => {
      clearTimeout(timer);
      reject(new Error(`web host did not start: ${why}\n--- host stderr ---\n${log()}`));
    };
    const timer = setTimeout(() => fail(`no "web mode ready" line within ${timeoutMs} ms`), timeoutMs);
    lines.on('line', (line) => {
      const match = READY.exec(line.trim());
      if (!match) return;
      clearTimeout(timer);
      child.off('exit', onExit);
      resolveReady([match[1]!, match[2]!]);
    });
    const onExit = (code: number | null, signal: string | null) => fail(`exited (code ${code}, signal ${signal})`);
    child.once('exit', onExit);
  });
}

/** SIGTERM to the whole group (start-web spawns the host and maybe a registry), SIGKILL if it lingers. */
async function killGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  signalGroup(child.pid, 'SIGTERM');
  const timeout = new Promise<'timeout'>((done) => setTimeout(() => done('timeout'), 8_000));
  if ((await Promise.race([exited, timeout])) === 'timeout') {
    signalGroup(child.pid, 'SIGKILL');
    await exited;
  }
  // Children that outlived their parent (same group) must not keep ports or files busy.
  signalGroup(child.pid, 'SIGKILL');
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}
