import type { TokenPair } from '../../../shared/contract/registry/auth';
import type { SecretStorage } from '../crypto/secret-storage';
import type { ProfileRepository, ProfileRow, SealedTokens } from '../profiles/profile-repository';
import { isTransient } from '../sync/registry-http';
import { registryAuth } from './registry-auth';

/** Refresh this long before the registry's expiry so a request never leaves with a token about to lapse. */
const EXPIRY_MARGIN_MS = 30_000;

export type AccessTokenResult =
  | { kind: 'token'; token: string }
  | { kind: 'offline'; reason: string }
  | { kind: 'sign-in-required'; reason: string };

export function sealTokens(storage: SecretStorage, pair: TokenPair, now: number): SealedTokens {
  return {
    accessToken: storage.encryptString(pair.accessToken),
    accessExpiresAt: new Date(now + pair.expiresIn * 1000).toISOString(),
    refreshToken: storage.encryptString(pair.refreshToken),
  };
}

/**
 * Hands out a live access token for a profile, refreshing with the rotating refresh token when it has expired.
 * One refresh at a time per profile: two concurrent refreshes would present the same refresh token twice, which
 * the registry (rightly) treats as theft and revokes the whole sign-in.
 */
export class TokenKeeper {
  private readonly refreshing = new Map<string, Promise<AccessTokenResult>>();

  constructor(
    private readonly profiles: ProfileRepository,
    private readonly storage: SecretStorage,
    private readonly now: () => number = Date.now,
  ) {}

  async accessToken(profileId: string, options: { forceRefresh?: boolean } = {}): Promise<AccessTokenResult> {
    const profile = this.profiles.find(profileId);
    if (!profile) return { kind: 'sign-in-required', reason: 'noProfile' };
    if (!options.forceRefresh && profile.access_token && profile.access_expires_at
      && Date.parse(profile.access_expires_at) - EXPIRY_MARGIN_MS > this.now()) {
      return { kind: 'token', token: this.storage.decryptString(profile.access_token) };
    }
    const running = this.refreshing.get(profileId);
    if (running) return running;
    const attempt = this.refresh(profile).finally(() => this.refreshing.delete(profileId));
    this.refreshing.set(profileId, attempt);
    return attempt;
  }

  private async refresh(profile: ProfileRow): Promise<AccessTokenResult> {
    if (!profile.refresh_token) return { kind: 'sign-in-required', reason: 'signedOut' };
    const outcome = await registryAuth.refresh(profile.registry_url, this.storage.decryptString(profile.refresh_token));
    if (outcome.kind === 'ok') {
      // The rotated pair is committed before it is used: the old refresh token is spent the moment the registry answered.
      this.profiles.saveTokens(profile.id, sealTokens(this.storage, outcome.value, this.now()));
      return { kind: 'token', token: outcome.value.accessToken };
    }
    if (isTransient(outcome)) return { kind: 'offline', reason: outcome.kind === 'unreachable' ? outcome.reason : `status ${'status' in outcome ? outcome.status : ''}` };
    // 401 (expired, revoked or reused refresh token): only an online sign-in helps. Pending ops stay queued.
    this.profiles.clearTokens(profile.id);
    this.profiles.setBlocked(profile.id, 'signInRequired');
    return { kind: 'sign-in-required', reason: outcome.kind === 'error' ? (outcome.body?.error.code ?? String(outcome.status)) : 'refused' };
  }
}
