import { z } from 'zod';

/** Events flow main → renderer; each is validated before it is emitted. */
export const ipcEvents = {
  'settings.changed': z.object({ language: z.enum(['zh-CN', 'en-US']), registryUrl: z.string() }),
  'sync.state': z.object({
    online: z.boolean(),
    pending: z.number().int().nonnegative(),
    lastSuccessAt: z.string().nullable(),
  }),
  'transfer.progress': z.object({
    sha256: z.string(),
    bytes: z.number().nonnegative(),
    total: z.number().nonnegative(),
  }),
} as const;

export type IpcEvents = typeof ipcEvents;
export type EventName = keyof IpcEvents;
export type EventPayload<E extends EventName> = z.output<IpcEvents[E]>;
export const eventNames = Object.keys(ipcEvents) as EventName[];
export const isEventName = (value: unknown): value is EventName =>
  typeof value === 'string' && Object.prototype.hasOwnProperty.call(ipcEvents, value);
