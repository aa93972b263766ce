import type { ChannelInput, Profile } from '../../../../shared/contract/ipc';
import type { AppError, Result } from '../../../../shared/contract/result';

export type Credentials = ChannelInput<'session.signIn'>;

/** How the back end is reached: the bridge's invoke, narrowed to the two channels this flow uses. */
export type SessionInvoke = (
  channel: 'session.signIn' | 'session.unlock',
  input: Credentials,
) => Promise<Result<{ profile: Profile }>>;

export type SignInStep = 'online' | 'offline';

export type SignInOutcome =
  | { kind: 'signedIn'; profile: Profile; mode: SignInStep }
  /** `step` says which attempt failed: the online sign-in, or the offline unlock that followed it. */
  | { kind: 'failed'; step: SignInStep; error: AppError };

/**
 * The key the session manager sends when the registry cannot be reached and this user has a local profile for the
 * configured registry: only then can an offline unlock succeed (electron/services/auth/session-manager.ts).
 */
export const OFFLINE_WITH_LOCAL_PROFILE = 'errors.signIn.offlineUseUnlock';

/**
 * Online first, so a reachable registry always refreshes the profile (roles, password, tokens); when it is not
 * reachable and the machine knows the user, fall back to the offline unlock with the same password. An expert in the
 * field types one password and gets in either way; the outcome says which, so the UI can tell them they are offline.
 */
export async function signInOrUnlock(
  invoke: SessionInvoke,
  credentials: Credentials,
  onStep: (step: SignInStep) => void = () => undefined,
): Promise<SignInOutcome> {
  onStep('online');
  const online = await invoke('session.signIn', credentials);
  if (online.ok) return { kind: 'signedIn', profile: online.value.profile, mode: 'online' };
  if (online.error.code !== 'OFFLINE' || online.error.messageKey !== OFFLINE_WITH_LOCAL_PROFILE) {
    return { kind: 'failed', step: 'online', error: online.error };
  }
  onStep('offline');
  const offline = await invoke('session.unlock', credentials);
  if (offline.ok) return { kind: 'signedIn', profile: offline.value.profile, mode: 'offline' };
  return { kind: 'failed', step: 'offline', error: offline.error };
}
