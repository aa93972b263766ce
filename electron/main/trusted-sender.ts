/**
 * The IPC sender check (GitHub Desktop style), pure so it is unit-tested without Electron. The shapes are the
 * subset of Electron's WebContents / WebFrameMain it reads; electron/main passes the real objects.
 */
export interface SenderFrame {
  readonly url: string;
  readonly parent: unknown;
  readonly processId: number;
  readonly routingId: number;
  readonly detached?: boolean;
}

export interface SenderContents {
  readonly id: number;
  readonly mainFrame: SenderFrame;
  isDestroyed(): boolean;
}

export type SenderVerdict =
  | 'trusted'
  | 'no-window'
  | 'other-webcontents'
  | 'no-frame'
  | 'not-main-frame'
  | 'not-app-url';

/**
 * Trusted only when all hold: the call comes from the main window's own webContents (not a devtools or any other
 * webContents), from its top frame (an iframe, even one showing our URL, is not the app), and that frame shows our
 * renderer. A URL check alone would trust any frame or window that managed to load an app:// page.
 */
export function judgeSender(
  sender: SenderContents,
  frame: SenderFrame | null,
  mainWindow: SenderContents | null,
  isAppUrl: (url: string) => boolean,
): SenderVerdict {
  if (!mainWindow || mainWindow.isDestroyed()) return 'no-window';
  if (sender !== mainWindow || sender.id !== mainWindow.id) return 'other-webcontents';
  // senderFrame is null once the frame has navigated away or been destroyed: the caller is gone.
  if (!frame || frame.detached === true) return 'no-frame';
  const main = mainWindow.mainFrame;
  if (frame.parent !== null || frame.processId !== main.processId || frame.routingId !== main.routingId) {
    return 'not-main-frame';
  }
  return isAppUrl(frame.url) ? 'trusted' : 'not-app-url';
}
