import { describe, expect, it } from 'vitest';
import { ADMIN, DIALECTS, PASSWORD, bearer, registryHarness } from './support/harness';

describe.each(DIALECTS)('accounts and tokens on %s', (dialect) => {
  const harness = registryHarness(dialect);

  it('signs in, answers /me, and signs out so the token stops working', async () => {
    const registry = await harness.start();
    const expert = await registry.account(['expert', 'committee']);
    const me = await registry.app.inject({ method: 'GET', url: '/v1/auth/me', headers: bearer(expert.token) });
    expect(me.json()).toMatchObject({ username: expert.username, roles: ['committee', 'expert'] });

    expect((await registry.app.inject({ method: 'POST', url: '/v1/auth/sign-out', headers: bearer(expert.token) })).statusCode).toBe(200);
    const after = await registry.app.inject({ method: 'GET', url: '/v1/auth/me', headers: bearer(expert.token) });
    expect(after.statusCode).toBe(401);
  });

  it('kills the refresh token of a signed-out session too', async () => {
    const registry = await harness.start();
    const pair = (await registry.app.inject({ method: 'POST', url: '/v1/auth/sign-in', payload: ADMIN })).json() as { accessToken: string; refreshToken: string };
    expect((await registry.app.inject({ method: 'POST', url: '/v1/auth/sign-out', headers: bearer(pair.accessToken) })).statusCode).toBe(200);
    const refreshed = await registry.app.inject({ method: 'POST', url: '/v1/auth/refresh', payload: { refreshToken: pair.refreshToken } });
    expect(refreshed.statusCode).toBe(401);
    expect(refreshed.json()).toMatchObject({ error: { code: 'UNAUTHORIZED' } });
  });

  it('rate-limits one address that tries many usernames, even with a right password after', async () => {
    const registry = await harness.start({ signInLimit: { maxFailuresPerAddress: 4 } });
    for (const username of ['alice', 'bob', 'carol', 'dave']) {
      const wrong = await registry.app.inject({ method: 'POST', url: '/v1/auth/sign-in', payload: { username, password: 'guess-password' } });
      expect(wrong.statusCode).toBe(401);
    }
    const limited = await registry.app.inject({ method: 'POST', url: '/v1/auth/sign-in', payload: ADMIN });
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    // another address is not affected
    const elsewhere = await registry.app.inject({ method: 'POST', url: '/v1/auth/sign-in', payload: ADMIN, remoteAddress: '10.9.8.7' });
    expect(elsewhere.statusCode).toBe(200);
  });

  it('rejects a wrong password and rate-limits repeated failures per username and address', async () => {
    const registry = await harness.start();
    const attempt = (password: string) =>
      registry.app.inject({ method: 'POST', url: '/v1/auth/sign-in', payload: { username: ADMIN.username, password } });
    for (let i = 0; i < 5; i += 1) {
      const wrong = await attempt('wrong-password');
      expect(wrong.statusCode).toBe(401);
      expect(wrong.json()).toMatchObject({ error: { code: 'INVALID_CREDENTIALS' } });
    }
    const limited = await attempt(ADMIN.password);
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ error: { code: 'RATE_LIMITED' } });
  });

  it('rotates refresh tokens and revokes the family when an old one is replayed', async () => {
    const registry = await harness.start();
    const first = (await registry.app.inject({ method: 'POST', url: '/v1/auth/sign-in', payload: ADMIN })).json() as { accessToken: string; refreshToken: string };
    const refresh = (token: string) => registry.app.inject({ method: 'POST', url: '/v1/auth/refresh', payload: { refreshToken: token } });

    const second = await refresh(first.refreshToken);
    expect(second.statusCode).toBe(200);
    const rotated = second.json() as { accessToken: string; refreshToken: string };
    expect(rotated.refreshToken).not.toBe(first.refreshToken);

    const replay = await refresh(first.refreshToken);
    expect(replay.statusCode).toBe(401);
    expect(replay.json()).toMatchObject({ error: { code: 'TOKEN_REUSED' } });
    // The thief's replay cost the legitimate holder the family too: both tokens of the rotation are dead.
    expect((await refresh(rotated.refreshToken)).statusCode).toBe(401);
    expect((await registry.app.inject({ method: 'GET', url: '/v1/auth/me', headers: bearer(rotated.accessToken) })).statusCode).toBe(401);
  });

  it('expires access tokens after their lifetime', async () => {
    let now = Date.parse('2026-01-01T00:00:00Z');
    const registry = await harness.start({ now: () => new Date(now), tokenPolicy: { accessTtlMs: 60_000 } });
    const token = await registry.signIn(ADMIN.username, ADMIN.password);
    expect((await registry.app.inject({ method: 'GET', url: '/v1/auth/me', headers: bearer(token) })).statusCode).toBe(200);
    now += 61_000;
    expect((await registry.app.inject({ method: 'GET', url: '/v1/auth/me', headers: bearer(token) })).statusCode).toBe(401);
  });

  it('refuses a second account with the same username', async () => {
    const registry = await harness.start();
    await registry.account(['expert'], { username: 'same-name' });
    const again = await registry.app.inject({
      method: 'POST', url: '/v1/accounts', headers: bearer(await registry.adminToken()),
      payload: { username: 'same-name', password: PASSWORD, displayName: 'x', roles: ['expert'] },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: { code: 'DUPLICATE', field: 'body.username' } });
  });
});
