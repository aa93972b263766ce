import { z } from 'zod';
import { RegistryState } from './channels';

/** Events flow main → renderer; each is validated before it is emitted. */
export const ipcEvents = {
  'settings.changed': z.object({ language: z.enum(['zh-CN', 'en-US']), registryUrl: z.string() }),
  'sync.state': z.object({
    online: z.boolean(),
    pending: z.number().int().nonnegative(),
    lastSuccessAt: z.string().nullable(),
    /** Added with the sync engine; optional so older listeners keep working. See SyncStatus in channels.ts. */
    inflight: z.number().int().nonnegative().optional(),
    rejected: z.number().int().nonnegative().optional(),
    running: z.boolean().optional(),
    blockedReason: z.string().nullable().optional(),
    lastError: z.string().nullable().optional(),
    nextAttemptAt: z.string().nullable().optional(),
    /** Added for bad-answer reporting; optional so older emitters still validate. See RegistryState in channels.ts. */
    registryState: RegistryState.optional(),
  }),
  'transfer.progress': z.object({
    sha256: z.string(),
    bytes: z.number().nonnegative(),
    total: z.number().nonnegative(),
    /** Added with the media cache: direction, bytes per second and seconds left (null until measurable). */
    direction: z.enum(['download', 'upload']).optional(),
    rate: z.number().nonnegative().optional(),
    etaSeconds: z.number().nonnegative().nullable().optional(),
    state: z.enum(['running', 'done', 'failed']).optional(),
  }),
} as const;

export type IpcEvents = typeof ipcEvents;
export type EventName = keyof IpcEvents;
export type EventPayload<E extends EventName> = z.output<IpcEvents[E]>;
export const eventNames = Object.keys(ipcEvents) as EventName[];
export const isEventName = (value: unknown): value is EventName =>
  typeof value === 'string' && Object.prototype.hasOwnProperty.call(ipcEvents, value);
