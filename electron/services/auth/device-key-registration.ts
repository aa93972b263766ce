import { ExpertKeyView } from '../../../shared/contract/registry/domain';
import type { ProfileRepository, ProfileRow } from '../profiles/profile-repository';
import { callRegistry, type RegistryOutcome } from '../sync/registry-http';

/**
 * Registers the profile's public key with the registry (experts only: their decisions are verified against it).
 * Idempotent on the registry side by key id; retried by the sync cycle until it succeeds.
 */
export async function registerDeviceKey(profiles: ProfileRepository, profile: ProfileRow, token: string, now: () => number): Promise<RegistryOutcome<unknown>> {
  const outcome = await callRegistry(profile.registry_url, {
    method: 'POST',
    path: '/v1/experts/me/keys',
    token,
    body: { keyId: profile.key_id, deviceId: profile.device_id, publicKey: profile.public_key_spki },
  }, ExpertKeyView);
  if (outcome.kind === 'ok') profiles.markKeyRegistered(profile.id, new Date(now()).toISOString());
  return outcome;
}

export const needsKeyRegistration = (profile: ProfileRow): boolean =>
  profile.key_registered_at === null && profile.roles.includes('expert');
