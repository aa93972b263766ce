import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../shared/domain/canonical-json';
import { verifyCanonical } from '../../../electron/services/crypto/device-key';
import { EXPERT_PASSWORD, startRegistry, type LiveRegistry } from './support/registry';
import { openWorkstation } from './support/workstation-dir';

describe('workstation sign-in against a real registry', () => {
  let registry: LiveRegistry;
  beforeAll(async () => {
    registry = await startRegistry();
    await registry.createAccount('expert01');
    await registry.createAccount('expert02');
  });
  afterAll(async () => registry.stop());

  it('signs in online, keeps tokens sealed, then unlocks offline with the same password only', async () => {
    const ws = openWorkstation(registry.url);
    try {
      const profile = await ws.session.signIn('expert01', EXPERT_PASSWORD);
      expect(profile).toEqual({ username: 'expert01', displayName: 'expert01 专家', roles: ['expert'] });
      const row = ws.profiles.findByUsername(registry.url, 'expert01')!;
      const raw = ws.store.db().prepare('SELECT * FROM profiles').get() as Record<string, unknown>;
      const token = await ws.session.tokens.accessToken(row.id);
      expect(token.kind).toBe('token');
      // Nothing secret is stored in the clear.
      const stored = JSON.stringify(Object.values(raw).map((v) => (Buffer.isBuffer(v) ? v.toString('latin1') : v)));
      expect(stored.includes((token as { token: string }).token)).toBe(false);
      expect(stored.includes(EXPERT_PASSWORD)).toBe(false);

      await ws.session.signOut(false);
      expect(ws.session.currentProfile()).toBeNull();
      // Registry unreachable: online sign-in says so, offline unlock works.
      ws.setRegistryUrl(registry.url);
      await expect(ws.session.unlock('expert01', 'wrong-password')).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
      await expect(ws.session.unlock('expert02', EXPERT_PASSWORD)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect((await ws.session.unlock('expert01', EXPERT_PASSWORD)).username).toBe('expert01');
      expect(ws.session.current()).toEqual({ profileId: row.id, mode: 'offline' });
    } finally {
      ws.remove();
    }
  });

  it('reports a stopped registry as offline and still unlocks the known profile', async () => {
    const own = await startRegistry();
    await own.createAccount('expert09');
    const ws = openWorkstation(own.url);
    try {
      await ws.session.signIn('expert09', EXPERT_PASSWORD);
      await ws.session.signOut(false);
      await own.stop();
      await expect(ws.session.signIn('expert09', EXPERT_PASSWORD)).rejects.toMatchObject({
        code: 'OFFLINE', messageKey: 'errors.signIn.offlineUseUnlock',
      });
      await expect(ws.session.signIn('someone-else', EXPERT_PASSWORD)).rejects.toMatchObject({
        code: 'OFFLINE', messageKey: 'errors.signIn.offlineFirstSignIn',
      });
      expect((await ws.session.unlock('expert09', EXPERT_PASSWORD)).username).toBe('expert09');
    } finally {
      ws.remove();
      await own.stop();
    }
  });

  it('refuses a wrong password online and keeps two profiles on one machine apart', async () => {
    const ws = openWorkstation(registry.url);
    try {
      await expect(ws.session.signIn('expert01', 'nope-nope')).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
      await ws.session.signIn('expert01', EXPERT_PASSWORD);
      const one = ws.session.requireActive();
      await ws.session.signIn('expert02', EXPERT_PASSWORD);
      const two = ws.session.requireActive();
      expect(one.id).not.toBe(two.id);
      expect(one.device_id).not.toBe(two.device_id);
      expect(one.key_id).not.toBe(two.key_id);
      // The second profile's password does not open the first.
      await ws.session.signOut(false);
      await expect(ws.session.unlock('expert01', 'expert02-password')).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
      expect(ws.session.localProfiles().map((p) => p.username).sort()).toEqual(['expert01', 'expert02']);
    } finally {
      ws.remove();
    }
  });

  it('refreshes an expired access token with the rotating refresh token, and signs with the device key', async () => {
    let clock = Date.now();
    const ws = openWorkstation(registry.url, { now: () => clock });
    try {
      await ws.session.signIn('expert02', EXPERT_PASSWORD);
      const id = ws.session.requireActive().id;
      const first = await ws.session.tokens.accessToken(id);
      clock += 16 * 60_000; // past the registry's 15-minute access token lifetime, as the workstation sees it
      const refreshed = await ws.session.tokens.accessToken(id);
      expect(refreshed.kind).toBe('token');
      expect(refreshed).not.toEqual(first);
      const me = await fetch(new URL('/v1/auth/me', registry.url), { headers: { authorization: `Bearer ${(refreshed as { token: string }).token}` } });
      expect(me.status).toBe(200);

      // The device's public key reached the registry at sign-in.
      expect(ws.session.requireActive().key_registered_at).not.toBeNull();
      const payload = canonicalJson({ decision: 'pass', taskId: 'T-1' });
      const { signature, keyId } = ws.session.sign(payload);
      expect(keyId).toBe(ws.session.requireActive().key_id);
      expect(verifyCanonical(ws.session.requireActive().public_key_spki, payload, signature)).toBe(true);
      await ws.session.signOut(true);
      expect(() => ws.session.sign(payload)).toThrow(/locked/);
      expect(await ws.session.tokens.accessToken(id)).toEqual({ kind: 'sign-in-required', reason: 'signedOut' });
    } finally {
      ws.remove();
    }
  });
});
