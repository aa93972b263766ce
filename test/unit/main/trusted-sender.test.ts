import { describe, expect, it } from 'vitest';
import { rendererOrigins } from '../../../electron/main/origins';
import { judgeSender, type SenderContents, type SenderFrame } from '../../../electron/main/trusted-sender';

const { isAppUrl } = rendererOrigins({ isPackaged: true, devUrl: undefined });
const APP = 'app://workstation/index.html';

function frame(overrides: Partial<SenderFrame> = {}): SenderFrame {
  return { url: APP, parent: null, processId: 4, routingId: 1, detached: false, ...overrides };
}

function contents(id: number, mainFrame: SenderFrame, destroyed = false): SenderContents {
  return { id, mainFrame, isDestroyed: () => destroyed };
}

describe('IPC sender check', () => {
  const top = frame();
  const window = contents(1, top);

  it('trusts the main window top frame showing our renderer', () => {
    expect(judgeSender(window, top, window, isAppUrl)).toBe('trusted');
    // Electron may hand out another wrapper object for the same frame: identity of the frame is process + routing id.
    expect(judgeSender(window, frame(), window, isAppUrl)).toBe('trusted');
  });

  it('refuses every call while there is no main window, or it is destroyed', () => {
    expect(judgeSender(window, top, null, isAppUrl)).toBe('no-window');
    const gone = contents(1, top, true);
    expect(judgeSender(gone, top, gone, isAppUrl)).toBe('no-window');
  });

  it('refuses another webContents even when it shows our URL', () => {
    const other = contents(2, frame({ processId: 9 }));
    expect(judgeSender(other, other.mainFrame, window, isAppUrl)).toBe('other-webcontents');
    // same id, different object: not the window we created
    const impostor = contents(1, top);
    expect(judgeSender(impostor, top, window, isAppUrl)).toBe('other-webcontents');
  });

  it('refuses a call whose frame is gone (navigated away or destroyed)', () => {
    expect(judgeSender(window, null, window, isAppUrl)).toBe('no-frame');
    expect(judgeSender(window, frame({ detached: true }), window, isAppUrl)).toBe('no-frame');
  });

  it('refuses a subframe of the main window, even one showing our URL', () => {
    expect(judgeSender(window, frame({ parent: top, routingId: 7 }), window, isAppUrl)).toBe('not-main-frame');
    expect(judgeSender(window, frame({ parent: top }), window, isAppUrl)).toBe('not-main-frame');
    expect(judgeSender(window, frame({ routingId: 2 }), window, isAppUrl)).toBe('not-main-frame');
    expect(judgeSender(window, frame({ processId: 5 }), window, isAppUrl)).toBe('not-main-frame');
  });

  it('refuses the main frame once it shows anything but our renderer', () => {
    for (const url of ['https://evil.example/', 'file:///other/index.html', 'data:text/html,x', 'about:blank', 'http://localhost:5173/']) {
      const navigated = frame({ url });
      const win = contents(1, navigated);
      expect(judgeSender(win, navigated, win, isAppUrl), url).toBe('not-app-url');
    }
  });
});
