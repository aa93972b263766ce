import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '../../../../shared/contract/registry/roles';
import { spawnRegistry, type RegistryProcess } from '../../registry/support/registry-process';

export const ADMIN_PASSWORD = 'admin-password-sync-1';
export const EXPERT_PASSWORD = 'expert-password-1';

export interface LiveRegistry {
  url: string;
  dataDir: string;
  process: RegistryProcess;
  adminToken(): Promise<string>;
  createAccount(username: string, roles?: Role[], password?: string, institutionId?: string | null): Promise<string>;
  stop(): Promise<void>;
  /** Stops the process and keeps the data dir (to restart on it, or copy it). */
  kill(): Promise<void>;
}

/** A real registry process (`npm run registry`'s CLI) on a random loopback port with a fresh SQLite data dir. */
export async function startRegistry(existingDataDir?: string): Promise<LiveRegistry> {
  const dataDir = existingDataDir ?? mkdtempSync(join(tmpdir(), 'osea-sync-registry-'));
  const proc = await spawnRegistry(['--data-dir', dataDir, '--port', '0', '--log-level', 'warn'], {
    OSEA_REGISTRY_ADMIN_PASSWORD: ADMIN_PASSWORD,
  });
  let admin: string | undefined;
  const post = async (path: string, body: unknown, token?: string) => {
    const response = await fetch(new URL(path, proc.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  };
  const registry: LiveRegistry = {
    url: proc.url,
    dataDir,
    process: proc,
    async adminToken() {
      if (!admin) {
        const res = await post('/v1/auth/sign-in', { username: 'admin', password: ADMIN_PASSWORD });
        admin = String(res.json.accessToken);
      }
      return admin;
    },
    async createAccount(username, roles = ['expert'], password = EXPERT_PASSWORD, institutionId = null) {
      const res = await post('/v1/accounts', { username, password, displayName: `${username} 专家`, roles, institutionId }, await registry.adminToken());
      if (res.status !== 201) throw new Error(`account ${username}: ${res.status} ${JSON.stringify(res.json)}`);
      return String(res.json.id);
    },
    async stop() {
      await registry.kill();
      rmSync(dataDir, { recursive: true, force: true });
    },
    async kill() {
      if (proc.child.exitCode === null && proc.child.signalCode === null) {
        proc.child.kill('SIGKILL');
        await proc.exited;
      }
    },
  };
  return registry;
}
