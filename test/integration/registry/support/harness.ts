import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import type { RegistryConfig } from '../../../../registry/config';
import { buildRegistry } from '../../../../registry/server';
import type { Role } from '../../../../shared/contract/registry/roles';
import { startPgCluster, type PgCluster } from './postgres';

export const DIALECTS = ['sqlite', 'postgres'] as const;
export type Dialect = (typeof DIALECTS)[number];

export const ADMIN = { username: 'admin', password: 'admin-password-1' } as const;

export interface TestRegistry {
  app: FastifyInstance;
  dataDir: string;
  dialect: Dialect;
  /** Signs in over HTTP and returns the access token. */
  signIn(username: string, password: string): Promise<string>;
  adminToken(): Promise<string>;
  /** Creates an account through POST /v1/accounts and returns its id and an access token. */
  account(roles: Role[], options?: { username?: string; institutionId?: string | null }): Promise<{ id: string; username: string; token: string }>;
  close(): Promise<void>;
}

export const PASSWORD = 'correct-horse-9';

/**
 * Registers the hooks for one dialect inside a describe block: a PostgreSQL cluster per test file (a fresh database
 * per registry), a temp data dir per registry, everything closed and removed afterwards.
 */
export function registryHarness(dialect: Dialect): { start(config?: Partial<RegistryConfig>): Promise<TestRegistry> } {
  let cluster: PgCluster | undefined;
  const started: TestRegistry[] = [];
  let accountCounter = 0;

  beforeAll(async () => {
    if (dialect === 'postgres') cluster = await startPgCluster();
  });
  afterAll(async () => {
    for (const registry of started.splice(0)) await registry.close();
    await cluster?.stop();
  });

  return {
    async start(config = {}) {
      const dataDir = mkdtempSync(join(tmpdir(), 'osea-registry-'));
      const databaseUrl = dialect === 'postgres' ? await cluster!.createDatabase() : undefined;
      const app = await buildRegistry({ dataDir, databaseUrl, log: false, bootstrapAdmin: ADMIN, ...config });
      let closed = false;
      let cachedAdmin: string | undefined;
      const signIn = async (username: string, password: string) => {
        const response = await app.inject({ method: 'POST', url: '/v1/auth/sign-in', payload: { username, password } });
        if (response.statusCode !== 200) throw new Error(`sign-in ${username} failed: ${response.statusCode} ${response.body}`);
        return (response.json() as { accessToken: string }).accessToken;
      };
      const registry: TestRegistry = {
        app,
        dataDir,
        dialect,
        signIn,
        async adminToken() {
          cachedAdmin ??= await signIn(ADMIN.username, ADMIN.password);
          return cachedAdmin;
        },
        async account(roles, options = {}) {
          accountCounter += 1;
          const username = options.username ?? `${roles.join('-')}${accountCounter}`;
          const response = await app.inject({
            method: 'POST',
            url: '/v1/accounts',
            headers: { authorization: `Bearer ${await registry.adminToken()}` },
            payload: { username, password: PASSWORD, displayName: username, roles, institutionId: options.institutionId ?? null },
          });
          if (response.statusCode !== 201) throw new Error(`account ${username}: ${response.statusCode} ${response.body}`);
          return { id: (response.json() as { id: string }).id, username, token: await signIn(username, PASSWORD) };
        },
        async close() {
          if (closed) return;
          closed = true;
          await app.close();
          rmSync(dataDir, { recursive: true, force: true });
        },
      };
      started.push(registry);
      return registry;
    },
  };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
