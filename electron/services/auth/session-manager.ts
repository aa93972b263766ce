import { randomUUID } from 'node:crypto';
import type { Profile } from '../../../shared/contract/ipc';
import { ServiceError } from '../../../shared/contract/result';
import { generateDeviceKey, assertCanonical, signCanonical } from '../crypto/device-key';
import { checkPasswordVerifier, makePasswordVerifier } from '../crypto/password-verifier';
import type { SecretStorage } from '../crypto/secret-storage';
import type { ProfileRepository, ProfileRow } from '../profiles/profile-repository';
import { needsKeyRegistration, registerDeviceKey } from './device-key-registration';
import { registryAuth } from './registry-auth';
import { sealTokens, TokenKeeper } from './token-keeper';

export interface ActiveSession {
  profileId: string;
  /** How the profile was opened: an online unlock refreshed the verifier and tokens, an offline one did not. */
  mode: 'online' | 'offline';
}

export interface LocalProfileSummary {
  profileId: string;
  registryUrl: string;
  username: string;
  displayName: string;
  lastOnlineAt: string;
}

export interface SessionManagerOptions {
  profiles: ProfileRepository;
  storage: SecretStorage;
  registryUrl: () => string;
  now?: () => number;
  /** Called after every change of the active session (the sync worker starts or stops on it). */
  onChange?: (session: ActiveSession | null) => void;
}

/**
 * Who is working at this workstation. One profile is active at a time; every other profile's rows stay in the store,
 * untouched and unreadable through this session (every sync query is scoped by profile id).
 */
export class SessionManager {
  readonly tokens: TokenKeeper;
  private active: ActiveSession | null = null;
  private readonly now: () => number;

  constructor(private readonly options: SessionManagerOptions) {
    this.now = options.now ?? Date.now;
    this.tokens = new TokenKeeper(options.profiles, options.storage, this.now);
  }

  current(): ActiveSession | null {
    return this.active;
  }

  currentProfile(): Profile | null {
    const row = this.active ? this.options.profiles.find(this.active.profileId) : null;
    return row ? { username: row.username, displayName: row.display_name, roles: row.roles } : null;
  }

  localProfiles(): LocalProfileSummary[] {
    return this.options.profiles.list().map((row) => ({
      profileId: row.id, registryUrl: row.registry_url, username: row.username, displayName: row.display_name, lastOnlineAt: row.last_online_at,
    }));
  }

  /** Online sign-in: creates the local profile (verifier, device key) on first use, refreshes it afterwards. */
  async signIn(username: string, password: string): Promise<Profile> {
    const registryUrl = this.options.registryUrl();
    const signedIn = await registryAuth.signIn(registryUrl, username, password);
    if (signedIn.kind === 'error' && signedIn.status === 401) {
      throw new ServiceError('UNAUTHORIZED', 'errors.signIn.invalidCredentials');
    }
    if (signedIn.kind === 'error' && signedIn.status === 429) throw new ServiceError('FORBIDDEN', 'errors.signIn.rateLimited');
    if (signedIn.kind !== 'ok') {
      const known = this.options.profiles.findByUsername(registryUrl, username) !== null;
      throw new ServiceError('OFFLINE', known ? 'errors.signIn.offlineUseUnlock' : 'errors.signIn.offlineFirstSignIn', {
        reason: signedIn.kind === 'error' ? `status ${signedIn.status}` : signedIn.reason,
      });
    }
    const me = await registryAuth.me(registryUrl, signedIn.value.accessToken);
    if (me.kind !== 'ok') throw new ServiceError('OFFLINE', 'errors.signIn.offlineFirstSignIn', { reason: me.kind });

    const now = this.now();
    const nowIso = new Date(now).toISOString();
    const verifier = await makePasswordVerifier(password);
    const tokens = sealTokens(this.options.storage, signedIn.value, now);
    const existing = this.options.profiles.findByUsername(registryUrl, username);
    let profileId: string;
    if (existing && existing.account_id !== me.value.id) {
      // Same name, different account (the registry was rebuilt): never mix its queue into the old account's profile.
      throw new ServiceError('CONFLICT', 'errors.signIn.accountChanged', { reason: 'registry account id differs from the local profile' });
    }
    if (existing) {
      profileId = existing.id;
      this.options.profiles.recordOnlineSignIn(profileId, { displayName: me.value.displayName, roles: me.value.roles, verifier, now: nowIso }, tokens);
    } else {
      profileId = randomUUID();
      const key = generateDeviceKey();
      this.options.profiles.insert({
        id: profileId, registryUrl, username, accountId: me.value.id, displayName: me.value.displayName, roles: me.value.roles,
        verifier, deviceId: randomUUID(), signingKey: this.options.storage.encryptString(key.privateKeyPkcs8),
        publicKeySpki: key.publicKeySpki, keyId: key.keyId, now: nowIso,
      }, tokens);
    }
    // Register the device key now (experts' decisions are verified with it); a failure is retried before each push.
    const fresh = this.options.profiles.find(profileId)!;
    if (needsKeyRegistration(fresh)) await registerDeviceKey(this.options.profiles, fresh, signedIn.value.accessToken, this.now);
    this.setActive({ profileId, mode: 'online' });
    return this.currentProfile()!;
  }

  /** Offline unlock: only a profile that once signed in online, only with the password it last signed in with. */
  async unlock(username: string, password: string): Promise<Profile> {
    const profile = this.options.profiles.findByUsername(this.options.registryUrl(), username);
    // The verifier runs even for an unknown name, so timing does not tell which profiles exist on this machine.
    const valid = await checkPasswordVerifier(password, profile?.verifier ?? UNKNOWN_PROFILE_VERIFIER);
    if (!profile) throw new ServiceError('NOT_FOUND', 'errors.unlock.noLocalProfile');
    if (!valid) throw new ServiceError('UNAUTHORIZED', 'errors.unlock.wrongPassword');
    this.setActive({ profileId: profile.id, mode: 'offline' });
    return this.currentProfile()!;
  }

  /**
   * Locks the workstation. Queued ops and tokens stay so the next unlock carries on syncing; `forget` also revokes
   * the sign-in at the registry (best effort) and deletes the tokens, leaving only the offline unlock.
   */
  async signOut(forget: boolean): Promise<void> {
    const session = this.active;
    this.setActive(null);
    if (!session || !forget) return;
    const profile = this.options.profiles.find(session.profileId);
    if (profile?.access_token) {
      await registryAuth.signOut(profile.registry_url, this.options.storage.decryptString(profile.access_token)).catch(() => undefined);
    }
    this.options.profiles.clearTokens(session.profileId);
  }

  /** Signs with the active profile's device key; the caller passes canonical JSON (shared/domain/canonical-json). */
  sign(canonicalPayload: string): { signature: string; keyId: string } {
    const profile = this.requireActive();
    assertCanonical(canonicalPayload);
    return {
      signature: signCanonical(this.options.storage.decryptString(profile.signing_key), canonicalPayload),
      keyId: profile.key_id,
    };
  }

  requireActive(): ProfileRow {
    const profile = this.active ? this.options.profiles.find(this.active.profileId) : null;
    if (!profile) throw new ServiceError('UNAUTHORIZED', 'errors.session.locked');
    return profile;
  }

  private setActive(session: ActiveSession | null): void {
    this.active = session;
    this.options.onChange?.(session);
  }
}

/** A real verifier of a random password: unknown names cost the same scrypt as known ones. */
const UNKNOWN_PROFILE_VERIFIER = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
