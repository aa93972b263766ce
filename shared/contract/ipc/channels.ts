import { z } from 'zod';
import { Settings, SettingsPatch } from '../../domain/settings/settings';
import { channel } from './define';
import { reviewChannels } from './review-channels';

/** Channels that take no argument still take an (empty, strict) object so garbage is rejected, not ignored. */
export const NoInput = z.object({}).strict();

export const AppInfo = z.object({
  version: z.string(),
  dataDir: z.string(),
  mode: z.enum(['electron', 'web']),
  platform: z.string(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const ExternalLink = z.object({
  url: z
    .string()
    .max(2048)
    .refine((value) => {
      try {
        return new URL(value).protocol === 'https:';
      } catch {
        return false;
      }
    }, 'openExternal.httpsOnly'),
}).strict();

export const Profile = z.object({
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(['expert', 'committee', 'coordinator', 'admin'])),
});
export type Profile = z.infer<typeof Profile>;

/** A corrupt or unreadable store is never reset silently: the UI names the file and offers the choices. */
export const StoreStatus = z.discriminatedUnion('state', [
  z.object({ state: z.literal('ok'), file: z.string() }),
  z.object({ state: z.literal('unavailable'), file: z.string(), reason: z.string() }),
]);
export type StoreStatus = z.infer<typeof StoreStatus>;

/** Sign-in and offline unlock take the same credentials; the password never leaves the back end. */
export const Credentials = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
}).strict();

export const LocalProfile = z.object({
  username: z.string(),
  displayName: z.string(),
  registryUrl: z.string(),
  lastOnlineAt: z.string(),
});

/**
 * What the registry's last answer amounted to. `online` is true only for `ok` and `refused` (the registry itself
 * answered); `badResponse` is something else answering in its place (captive portal HTML, garbage, a wrong content
 * type, truncated JSON, a 4xx/5xx not in the registry's error format) and reads as offline, retried with backoff.
 * `refused` is a 4xx in the registry's error format that stops the queue (see `blockedReason`).
 */
export const RegistryState = z.enum(['ok', 'unreachable', 'badResponse', 'refused']);
export type RegistryState = z.infer<typeof RegistryState>;

/**
 * The sync engine as the UI sees it (DESIGN §7). `blockedReason` is a machine code the UI translates
 * (signInRequired, seqAhead, seqBehindUnrecoverable, opIdConflict, deviceNotYours, forbidden, registryRefused:…,
 * deviceKeyUnregistered while the device key is not yet registered and decisions wait);
 * `lastError` is a diagnostic string (unreachable:…, badResponse:…, http:503:…) for the details view.
 */
export const SyncStatus = z.object({
  online: z.boolean(),
  registryState: RegistryState,
  running: z.boolean(),
  signedIn: z.boolean(),
  pending: z.number().int().nonnegative(),
  inflight: z.number().int().nonnegative(),
  rejected: z.number().int().nonnegative(),
  applied: z.number().int().nonnegative(),
  lastSuccessAt: z.string().nullable(),
  lastError: z.string().nullable(),
  blockedReason: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

export const SyncOpState = z.enum(['pending', 'inflight', 'applied', 'rejected']);
/** One outbox op for the ops page; `reason` is the registry's rejection code (task.withdrawn, …) or the retry cause. */
export const SyncOpView = z.object({
  opId: z.string(),
  seq: z.number().int(),
  kind: z.string(),
  state: SyncOpState,
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  reason: z.string().nullable(),
  createdAt: z.string(),
  settledAt: z.string().nullable(),
});
export type SyncOpView = z.infer<typeof SyncOpView>;

/**
 * The one IPC contract: channel name → input and output schema.
 * Channel names are `area.verb`; the renderer reaches every one through window.osea.invoke().
 */
export const ipcChannels = {
  'app.ping': channel(z.object({ echo: z.string().max(256) }).strict(), z.object({ echo: z.string() })),
  'app.info': channel(NoInput, AppInfo),
  'app.openExternal': channel(ExternalLink, z.object({ opened: z.boolean() })),
  'settings.get': channel(NoInput, Settings),
  'settings.update': channel(SettingsPatch, Settings),
  'session.current': channel(NoInput, z.object({ profile: Profile.nullable() })),
  'store.status': channel(NoInput, StoreStatus),
  'store.moveAsideAndStartFresh': channel(NoInput, z.object({ movedTo: z.string() })),
  'app.quit': channel(NoInput, z.object({ quitting: z.literal(true) })),
  'session.signIn': channel(Credentials, z.object({ profile: Profile })),
  'session.unlock': channel(Credentials, z.object({ profile: Profile })),
  'session.signOut': channel(z.object({ forget: z.boolean().default(false) }).strict(), z.object({ signedOut: z.literal(true) })),
  'session.profiles': channel(NoInput, z.object({ profiles: z.array(LocalProfile) })),
  'sync.status': channel(NoInput, SyncStatus),
  /** The media cache's disk use against its budget (settings page). */
  'media.cacheUsage': channel(NoInput, z.object({ usedBytes: z.number().int().min(0), quotaBytes: z.number().int().min(0) })),
  'sync.now': channel(NoInput, SyncStatus),
  'sync.ops': channel(
    z.object({ states: z.array(SyncOpState).min(1).max(4).default(['pending', 'inflight', 'rejected']), limit: z.number().int().min(1).max(1000).default(200) }).strict(),
    z.object({ ops: z.array(SyncOpView) }),
  ),
  ...reviewChannels,
} as const;

export type IpcChannels = typeof ipcChannels;
export type ChannelName = keyof IpcChannels;
export type ChannelInput<C extends ChannelName> = z.input<IpcChannels[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<IpcChannels[C]['output']>;

export const channelNames = Object.keys(ipcChannels) as ChannelName[];
export const isChannelName = (value: unknown): value is ChannelName =>
  typeof value === 'string' && Object.prototype.hasOwnProperty.call(ipcChannels, value);
