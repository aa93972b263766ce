import type { OseaBridge } from '../../../../shared/contract/ipc';
import { createWebBridge } from './web-bridge';
import { forgetTokenInAddressBar } from './forget-token';

declare global {
  interface Window {
    /** Exposed by the Electron preload (contextBridge); absent in a plain browser on the web-mode host. */
    osea?: OseaBridge;
  }
}

/**
 * The one bridge every feature uses. Chosen once at start: the preload's IPC bridge in Electron, otherwise the
 * web-mode transport built from the same contract. Feature code imports `osea` and never asks which it got.
 */
export const osea: OseaBridge = window.osea ?? startWebTransport();

function startWebTransport(): OseaBridge {
  forgetTokenInAddressBar();
  return createWebBridge(window.location.origin);
}
