import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startPgCluster } from './support/postgres';
import { spawnRegistry, type RegistryProcess } from './support/registry-process';

describe('registry CLI', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  });

  async function start(extra: string[] = []): Promise<RegistryProcess> {
    const dataDir = mkdtempSync(join(tmpdir(), 'osea-registry-cli-'));
    const registry = await spawnRegistry(['--data-dir', dataDir, '--port', '0', ...extra], { OSEA_REGISTRY_ADMIN_PASSWORD: 'admin-password-1' });
    cleanups.push(() => {
      if (registry.child.exitCode === null) registry.child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    });
    return registry;
  }

  it('prints its listening line on a free port and answers health', async () => {
    const registry = await start();
    const health = await fetch(`${registry.url}/v1/health`);
    expect(await health.json()).toMatchObject({ status: 'ok', database: 'sqlite' });
    registry.child.kill('SIGTERM');
    expect(await registry.exited).toBe(0);
  });

  it('runs on PostgreSQL with --database-url: migrates, signs in, and stops cleanly', async () => {
    const cluster = await startPgCluster();
    try {
      const registry = await start(['--database-url', await cluster.createDatabase()]);
      expect(await (await fetch(`${registry.url}/v1/health`)).json()).toMatchObject({ status: 'ok', database: 'postgres' });
      const signIn = await fetch(`${registry.url}/v1/auth/sign-in`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'admin-password-1' }),
      });
      expect(signIn.status).toBe(200);
      registry.child.kill('SIGTERM');
      expect(await registry.exited).toBe(0);
    } finally {
      await cluster.stop();
    }
  });

  it('finishes a request that is in flight when SIGTERM arrives, then exits 0', async () => {
    const registry = await start();
    const body = JSON.stringify({ username: 'admin', password: 'admin-password-1' });
    const { port } = new URL(registry.url);
    // The request is in flight: headers and half the body sent, the rest only after the signal.
    const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/v1/auth/sign-in', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      });
      req.on('error', reject);
      req.write(body.slice(0, 10));
      setTimeout(() => {
        registry.child.kill('SIGTERM');
        setTimeout(() => req.end(body.slice(10)), 500);
      }, 300);
    });
    const finished = await response;
    expect(finished.status).toBe(200);
    expect(JSON.parse(finished.body)).toHaveProperty('accessToken');
    expect(await registry.exited).toBe(0);
    await expect(fetch(`${registry.url}/v1/health`)).rejects.toThrow();
  });
});
