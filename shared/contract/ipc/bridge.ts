import type { Result } from '../result';
import type { ChannelInput, ChannelName, ChannelOutput, EventName, EventPayload } from './index';

/**
 * The shape of window.osea. The Electron preload and the web-mode transport both build an object that
 * `satisfies OseaBridge`, so feature code never knows which transport it is on.
 */
export interface OseaBridge {
  invoke<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /** URL the renderer may put in <video src>: media:// in Electron, /media/ on the web-mode host. */
  mediaUrl(relativePath: string): string;
}

/** The single Electron IPC channel names used by the bridge (GitHub Desktop style: constants in one place). */
export const IPC_INVOKE = 'osea:invoke';
export const IPC_EVENT = 'osea:event';
