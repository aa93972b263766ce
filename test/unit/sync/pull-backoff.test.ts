import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TokenKeeper, sealTokens } from '../../../electron/services/auth/token-keeper';
import { createKeyedSecretStorage } from '../../../electron/services/crypto/secret-storage';
import { WorkstationStore } from '../../../electron/services/db/store';
import { ProfileRepository } from '../../../electron/services/profiles/profile-repository';
import { backoffDelay } from '../../../electron/services/sync/backoff';
import { SyncEngine } from '../../../electron/services/sync/sync-engine';
import { seedProfile } from '../review/support/review-seed';
import { tempDir } from '../services/temp-dir';

describe('backoffDelay (full jitter)', () => {
  const policy = { baseMs: 100, capMs: 5_000 };
  it('stays within [0, min(cap, base·2^attempt)] and honours Retry-After as a floor', () => {
    expect(backoffDelay(policy, 1, null, () => 0.999)).toBe(199);
    expect(backoffDelay(policy, 3, null, () => 0.999)).toBe(799);
    expect(backoffDelay(policy, 40, null, () => 0.999)).toBe(4_995);
    expect(backoffDelay(policy, 5, null, () => 0)).toBe(0);
    expect(backoffDelay(policy, 1, 3_000, () => 0.5)).toBe(3_000);
  });
});

describe('pull backoff', () => {
  /** A stand-in registry for /v1/changes: answers 503 in the registry's error format while `down`, an empty page otherwise. */
  let down = true;
  let server: Server;
  let url: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume();
      if (down) {
        res.writeHead(503, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { code: 'UNAVAILABLE', message: 'maintenance' } }));
      } else {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ changes: [], cursor: 0, hasMore: false }));
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('grows exponentially with its own attempt count, and starts over after a successful pull', async () => {
    const dir = tempDir('osea-pull-backoff-');
    const store = WorkstationStore.open(dir.path);
    try {
      const storage = createKeyedSecretStorage(randomBytes(32));
      const { profileId } = await seedProfile(store, storage, { registryUrl: url, username: 'expert01', password: 'expert-password-1' });
      const profiles = new ProfileRepository(() => store.db());
      const now = 1_750_000_000_000;
      profiles.saveTokens(profileId, sealTokens(storage, { accessToken: 'a', refreshToken: 'r', expiresIn: 3600, tokenType: 'Bearer' }, now));
      const engine = new SyncEngine({
        db: () => store.db(), profiles, tokens: new TokenKeeper(profiles, storage, () => now),
        backoff: { baseMs: 100, capMs: 1_000 }, now: () => now, random: () => 0.999,
      });
      const waits = async (n: number) => {
        const seen: number[] = [];
        for (let i = 0; i < n; i += 1) {
          const step = await engine.pull(profileId);
          expect(step).toMatchObject({ kind: 'offline', reason: 'http:503:UNAVAILABLE' });
          seen.push((step as { until: number }).until - now);
        }
        return seen;
      };
      expect(await waits(5)).toEqual([199, 399, 799, 999, 999]);
      down = false;
      expect(await engine.pull(profileId)).toEqual({ kind: 'idle', reached: true });
      down = true;
      expect(await waits(2)).toEqual([199, 399]);
    } finally {
      store.close();
      dir.remove();
    }
  });
});
