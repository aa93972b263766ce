/**
 * A throwaway PostgreSQL cluster for the registry suite: initdb into a temp dir owned by `postgres`, started with
 * pg_ctl on a free loopback port (as `postgres` via runuser when we are root), a fresh database per registry; stopped
 * and removed in teardown. Missing binaries fail loudly: the suite must run against both dialects (CI installs them).
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * The PostgreSQL server binaries: OSEA_PG_BIN if set, else the newest Debian major under /usr/lib/postgresql, else
 * what `pg_config --bindir` says (a non-Debian layout). Debian's `postgresql` package follows the release (15 on
 * bookworm, 17 on trixie), so no version is written here.
 */
function postgresBinDir(): string {
  if (process.env.OSEA_PG_BIN) return process.env.OSEA_PG_BIN;
  const root = '/usr/lib/postgresql';
  const majors = existsSync(root)
    ? readdirSync(root).filter((name) => /^\d+$/.test(name) && existsSync(join(root, name, 'bin', 'initdb'))).map(Number).sort((a, b) => b - a)
    : [];
  if (majors.length > 0) return join(root, String(majors[0]), 'bin');
  try {
    return execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim();
  } catch {
    return join(root, 'bin');
  }
}

const BIN = postgresBinDir();

export interface PgCluster {
  port: number;
  /** A new, empty database; returns its URL. */
  createDatabase(): Promise<string>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function postgresUid(): { uid: number; gid: number } {
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

function runAsPostgres(command: string, args: string[]): void {
  const asRoot = process.getuid?.() === 0;
  const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  execFileSync(file, argv, { stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
}

export async function startPgCluster(): Promise<PgCluster> {
  if (!existsSync(join(BIN, 'initdb')) || !existsSync(join(BIN, 'pg_ctl'))) {
    throw new Error(`PostgreSQL binaries not found in ${BIN}: install postgresql (or set OSEA_PG_BIN) — the registry suite runs on both dialects`);
  }
  const root = mkdtempSync(join(tmpdir(), 'osea-pg-'));
  const dataDir = join(root, 'data');
  if (process.getuid?.() === 0) {
    const { uid, gid } = postgresUid();
    chownSync(root, uid, gid);
  }
  const port = await freePort();
  runAsPostgres(join(BIN, 'initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync', '--locale=C']);
  // fsync off: a test cluster is thrown away, and the durability we test is the registry's SQLite path.
  runAsPostgres(join(BIN, 'pg_ctl'), ['-D', dataDir, '-w', '-t', '60', '-l', join(root, 'log'), '-o', `-p ${port} -h 127.0.0.1 -k ${root} -F -c max_connections=200`, 'start']);

  let counter = 0;
  const adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return {
    port,
    async createDatabase() {
      counter += 1;
      const name = `osea_${process.pid}_${counter}`;
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    async stop() {
      try {
        runAsPostgres(join(BIN, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    },
  };
}
