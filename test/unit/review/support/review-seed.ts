import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateDeviceKey } from '../../../../electron/services/crypto/device-key';
import { makePasswordVerifier } from '../../../../electron/services/crypto/password-verifier';
import type { SecretStorage } from '../../../../electron/services/crypto/secret-storage';
import type { WorkstationStore } from '../../../../electron/services/db/store';
import { ProfileRepository } from '../../../../electron/services/profiles/profile-repository';
import { Replica } from '../../../../electron/services/sync/replica';
import { mediaCacheDir } from '../../../../electron/services/app/paths';
import { MarkingScheme, schemeContentForHash, type MarkingSchemeInput } from '../../../../shared/domain/scheme/marking-scheme';

export const sha256Hex = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

export interface SeedProfile {
  profileId: string;
  accountId: string;
  publicKeySpki: string;
  keyId: string;
}

/**
 * A local profile as an online sign-in would have left it (verifier for the offline unlock, sealed device key, sealed
 * tokens), written with the real profile repository. Tokens are expired, so nothing here needs a registry.
 */
export async function seedProfile(store: WorkstationStore, storage: SecretStorage, options: { registryUrl: string; username: string; password: string; displayName?: string; accountId?: string }): Promise<SeedProfile> {
  const profiles = new ProfileRepository(() => store.db());
  const key = generateDeviceKey();
  const profileId = `profile-${options.username}`;
  const accountId = options.accountId ?? `account-${options.username}`;
  const now = new Date().toISOString();
  profiles.insert({
    id: profileId, registryUrl: options.registryUrl, username: options.username, accountId, displayName: options.displayName ?? options.username,
    roles: ['expert'], verifier: await makePasswordVerifier(options.password), deviceId: `device-${options.username}`,
    signingKey: storage.encryptString(key.privateKeyPkcs8), publicKeySpki: key.publicKeySpki, keyId: key.keyId, now,
  }, { accessToken: storage.encryptString('expired'), accessExpiresAt: '2000-01-01T00:00:00.000Z', refreshToken: storage.encryptString('none') });
  return { profileId, accountId, publicKeySpki: key.publicKeySpki, keyId: key.keyId };
}

export interface SeedTask {
  taskId: string;
  expertId: string;
  dueDate: string;
  round?: number;
  state?: 'assigned' | 'in_progress' | 'submitted' | 'withdrawn' | 'reassigned';
  version?: number;
  practitionerName?: string;
  residentIdMasked?: string;
  submissionResult?: Record<string, unknown> | null;
  /** Left out of the row when undefined, as in rows the registry published before it had reasons. */
  statusReason?: string | null;
}

export interface SeedMedia {
  proxySha256: string;
  frameTableSha256: string;
}

/** The change rows the registry's feed would carry for one task and its context (see registry/review/publish.ts). */
export function taskChanges(task: SeedTask, scheme: MarkingScheme, media: SeedMedia | null) {
  const submissionId = `sub-${task.taskId}`;
  const practitionerId = `pr-${task.taskId}`;
  const certificateId = `cert-${task.taskId}`;
  return [
    { entity: 'practitioner', entityId: practitionerId, data: {
      id: practitionerId, name: task.practitionerName ?? '李四', residentIdMasked: task.residentIdMasked ?? '110105********002X', gender: 'male',
      birthYear: 1985, institutionId: 'inst-1', version: 1 } },
    { entity: 'certificate', entityId: certificateId, data: {
      id: certificateId, practitionerId, number: `C-${task.taskId}`, kind: 'skill_level', occupationCode: scheme.occupationCode,
      occupationName: '焊工', level: scheme.level, issuer: '福建省职业技能鉴定中心', issueDate: '2024-05-01' } },
    { entity: 'submission', entityId: submissionId, data: {
      id: submissionId, institutionId: 'inst-1', practitionerId, certificateId, schemeId: scheme.id, schemeVersion: scheme.version,
      training: { institutionId: 'inst-1', hours: 80, periodFrom: '2024-01-01', periodTo: '2024-03-01' },
      videos: media ? [{ originalSha256: media.proxySha256, proxySha256: media.proxySha256, frameTableSha256: media.frameTableSha256 }] : [],
      state: 'in_review', returnReason: null, round: task.round ?? 1, result: task.submissionResult ?? null, version: 2 } },
    { entity: 'task', entityId: task.taskId, data: {
      id: task.taskId, submissionId, expertId: task.expertId, schemeId: scheme.id, schemeVersion: scheme.version, round: task.round ?? 1,
      state: task.state ?? 'assigned', dueDate: task.dueDate, version: task.version ?? 1, replacedBy: null,
      ...(task.statusReason !== undefined ? { statusReason: task.statusReason } : {}) } },
  ];
}

let cursor = 0;

/** Writes tasks (with scheme, submission, practitioner, certificate) through the real replica, as a pull would. */
export function seedTasks(store: WorkstationStore, profileId: string, schemeInput: MarkingSchemeInput, tasks: readonly SeedTask[], media: SeedMedia | null): void {
  const scheme = MarkingScheme.parse(schemeInput);
  const replica = new Replica(() => store.db());
  const contentHash = sha256Hex(schemeContentForHash(scheme));
  const rows = [
    { entity: 'scheme', entityId: `${scheme.id}@${scheme.version}`, data: { scheme, contentHash } },
    ...tasks.flatMap((task) => taskChanges(task, scheme, media)),
  ].map((row) => ({ ...row, seq: (cursor += 1) }));
  replica.applyChanges(profileId, rows, cursor, new Date().toISOString());
}

/**
 * Puts a proxy and its frame table into the media cache the way a finished download leaves them (content-addressed
 * file + media_blobs row). The media cache service (H8) is not there yet; the layout is the 0004 migration's.
 */
export function seedMedia(store: WorkstationStore, dataDir: string, proxyPath: string, framesPath: string): SeedMedia {
  const root = mediaCacheDir(dataDir);
  const put = (file: string): string => {
    const sha = sha256Hex(readFileSync(file));
    mkdirSync(join(root, sha.slice(0, 2)), { recursive: true });
    copyFileSync(file, join(root, sha.slice(0, 2), sha));
    const now = new Date().toISOString();
    store.db().prepare('INSERT OR REPLACE INTO media_blobs (sha256, size, stored_at, last_opened_at) VALUES (?, ?, ?, ?)')
      .run(sha, readFileSync(file).length, now, now);
    return sha;
  };
  return { proxySha256: put(proxyPath), frameTableSha256: put(framesPath) };
}

/** Many tasks at once (the 100,000-row list): applied through the real replica in chunks, as successive pull pages. */
export function seedManyTasks(store: WorkstationStore, profileId: string, schemeInput: MarkingSchemeInput, tasks: readonly SeedTask[], media: SeedMedia | null): void {
  const CHUNK = 5000;
  for (let start = 0; start < tasks.length; start += CHUNK) {
    seedTasks(store, profileId, schemeInput, tasks.slice(start, start + CHUNK), media);
  }
}
