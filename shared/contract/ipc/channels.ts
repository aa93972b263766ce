import { z } from 'zod';
import { Settings, SettingsPatch } from '../../domain/settings/settings';
import { channel } from './define';

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
} as const;

export type IpcChannels = typeof ipcChannels;
export type ChannelName = keyof IpcChannels;
export type ChannelInput<C extends ChannelName> = z.input<IpcChannels[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<IpcChannels[C]['output']>;

export const channelNames = Object.keys(ipcChannels) as ChannelName[];
export const isChannelName = (value: unknown): value is ChannelName =>
  typeof value === 'string' && Object.prototype.hasOwnProperty.call(ipcChannels, value);
