import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKeyedSecretStorage } from '../../../electron/services/crypto/secret-storage';
import { createWorkstation, type Workstation } from '../../../electron/services/workstation';
import type { Result } from '../../../shared/contract/result';
import { signInOrUnlock, type SessionInvoke, type SignInStep } from '../../../renderer/src/features/session/sign-in-flow';
import { seedProfile } from '../review/support/review-seed';
import { tempDir } from '../services/temp-dir';

/**
 * The sign-in screen's one button against the real back end (dispatcher, session manager, store) with nothing
 * listening at the registry address: the online attempt fails as OFFLINE and the flow unlocks the local profile.
 */
const NOWHERE = 'http://127.0.0.1:9';
const EXPERT = { username: 'expert01', password: 'expert01-password' };
const silent = { info: () => {}, warn: () => {}, error: () => {} };

describe('signInOrUnlock', () => {
  let dir: ReturnType<typeof tempDir>;
  let workstation: Workstation;
  let invoke: SessionInvoke;
  let calls: string[];

  beforeEach(async () => {
    dir = tempDir('osea-unit-session-');
    const storage = createKeyedSecretStorage(Buffer.alloc(32, 3));
    workstation = createWorkstation({
      dataDir: dir.path, mode: 'web', version: '0.0.0', registryUrl: NOWHERE, secretStorage: storage,
      openExternal: async () => true, quit: () => {}, log: silent,
    });
    await seedProfile(workstation.store, storage, { registryUrl: NOWHERE, ...EXPERT, displayName: 'Expert One' });
    calls = [];
    invoke = async (channel, input) => {
      calls.push(channel);
      return (await workstation.dispatch(channel, input, { transport: 'web' })) as Result<never>;
    };
  });
  afterEach(() => {
    workstation.close();
    dir.remove();
  });

  it('falls back to the offline unlock when the registry is unreachable and the profile is local', async () => {
    const steps: SignInStep[] = [];
    const outcome = await signInOrUnlock(invoke, EXPERT, (step) => steps.push(step));
    expect(outcome).toEqual({ kind: 'signedIn', mode: 'offline', profile: { username: 'expert01', displayName: 'Expert One', roles: ['expert'] } });
    expect(steps).toEqual(['online', 'offline']);
    expect(calls).toEqual(['session.signIn', 'session.unlock']);
    expect(workstation.sync.session.current()).toMatchObject({ mode: 'offline' });
  });

  it('reports a wrong password as the offline unlock’s failure, and stays locked', async () => {
    const outcome = await signInOrUnlock(invoke, { ...EXPERT, password: 'not-it' });
    expect(outcome).toMatchObject({ kind: 'failed', step: 'offline', error: { code: 'UNAUTHORIZED', messageKey: 'errors.unlock.wrongPassword' } });
    expect(workstation.sync.session.current()).toBeNull();
  });

  it('does not try to unlock a user this machine has never seen', async () => {
    const outcome = await signInOrUnlock(invoke, { username: 'stranger', password: 'whatever' });
    expect(outcome).toMatchObject({ kind: 'failed', step: 'online', error: { code: 'OFFLINE', messageKey: 'errors.signIn.offlineFirstSignIn' } });
    expect(calls).toEqual(['session.signIn']);
  });

  it('does not try to unlock after a refusal that is not "offline"', async () => {
    const outcome = await signInOrUnlock(invoke, { username: ' ', password: 'x' });
    expect(outcome).toMatchObject({ kind: 'failed', step: 'online', error: { code: 'VALIDATION' } });
    expect(calls).toEqual(['session.signIn']);
  });
});
