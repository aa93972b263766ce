import type { z } from 'zod';
import type { ChannelName, ChannelOutput, IpcChannels } from '../../../shared/contract/ipc';

/** Who is calling: services may log it, never trust it for authorization (the transport already checked). */
export interface CallContext {
  transport: 'ipc' | 'web';
}

/** A service receives input already parsed by the channel's schema, so it sees defaults and trimmed values. */
export type Handler<C extends ChannelName> = (
  input: z.output<IpcChannels[C]['input']>,
  ctx: CallContext,
) => Promise<ChannelOutput<C>>;

/** One handler per channel: a mapped type with required keys, so a missing channel is a compile error. */
export type HandlerTable = { [C in ChannelName]: Handler<C> };
