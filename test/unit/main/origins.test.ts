import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, isAppUrl, rendererOrigins } from '../../../electron/main/origins';

const DEV = 'http://localhost:5173';
const packagedRenderer = pathToFileURL(join('/opt', 'OSEA', 'resources', 'app.asar', 'out', 'renderer', 'index.html')).href;

describe('renderer origins', () => {
  describe('packaged build', () => {
    const origins = rendererOrigins({ isPackaged: true, devUrl: undefined });

    it('loads and trusts only app://workstation', () => {
      expect(origins.entryUrl).toBe(`${APP_ORIGIN}/index.html`);
      expect(origins.isAppUrl('app://workstation/index.html')).toBe(true);
      expect(origins.isAppUrl('app://workstation/assets/index-abc123.js')).toBe(true);
      expect(origins.isAppUrl('app://workstation/')).toBe(true);
    });

    it('never trusts a file: URL, not even the packaged renderer file itself', () => {
      // The app serves its renderer through app://; a file: URL would make every local HTML file "ours".
      expect(origins.isAppUrl(packagedRenderer)).toBe(false);
      expect(origins.isAppUrl('file:///other/index.html')).toBe(false);
      expect(origins.isAppUrl('file:///')).toBe(false);
    });

    it('ignores ELECTRON_RENDERER_URL and says why', () => {
      const withEnv = rendererOrigins({ isPackaged: true, devUrl: DEV });
      expect(withEnv.entryUrl).toBe(`${APP_ORIGIN}/index.html`);
      expect(withEnv.devOrigin).toBeNull();
      expect(withEnv.ignoredDevUrl).toEqual({ url: DEV, why: expect.stringContaining('packaged') });
      expect(withEnv.isAppUrl(`${DEV}/`)).toBe(false);
      expect(withEnv.isAppUrl('app://workstation/index.html')).toBe(true);
    });
  });

  describe('unpackaged build with the electron-vite dev server', () => {
    const origins = rendererOrigins({ isPackaged: false, devUrl: DEV });

    it('loads and trusts the dev URL and still the app scheme', () => {
      expect(origins.entryUrl).toBe(DEV);
      expect(origins.devOrigin).toBe(DEV);
      expect(origins.ignoredDevUrl).toBeNull();
      expect(origins.isAppUrl(`${DEV}/`)).toBe(true);
      expect(origins.isAppUrl(`${DEV}/src/main.tsx?t=1`)).toBe(true);
      expect(origins.isAppUrl('app://workstation/index.html')).toBe(true);
    });

    it('refuses look-alikes of the dev origin', () => {
      for (const url of [
        'http://localhost:5173.evil.com/',
        'http://localhost:5173@evil.com/',
        'http://evil.com/?http://localhost:5173',
        'http://localhost:51730/',
        'http://localhost:5174/',
        'https://localhost:5173/',
        'http://127.0.0.1:5173/', // same machine, but another origin than the one electron-vite named
        'http://user:pw@localhost:5173/',
        'ws://localhost:5173/',
      ]) {
        expect(origins.isAppUrl(url), url).toBe(false);
      }
    });

    it('trusts only a loopback http(s) dev server', () => {
      for (const devUrl of ['http://192.168.1.20:5173', 'http://evil.com:5173', 'file:///tmp/index.html', 'javascript:alert(1)', 'not a url', 'http://u:p@localhost:5173']) {
        const origins = rendererOrigins({ isPackaged: false, devUrl });
        expect(origins.devOrigin, devUrl).toBeNull();
        expect(origins.entryUrl, devUrl).toBe(`${APP_ORIGIN}/index.html`);
        expect(origins.ignoredDevUrl?.url, devUrl).toBe(devUrl);
      }
      expect(rendererOrigins({ isPackaged: false, devUrl: 'http://127.0.0.1:5173/' }).devOrigin).toBe('http://127.0.0.1:5173');
      expect(rendererOrigins({ isPackaged: false, devUrl: 'http://[::1]:5173/' }).devOrigin).toBe('http://[::1]:5173');
    });

    it('without a dev URL behaves like a packaged build', () => {
      const plain = rendererOrigins({ isPackaged: false, devUrl: undefined });
      expect(plain.entryUrl).toBe(`${APP_ORIGIN}/index.html`);
      expect(plain.ignoredDevUrl).toBeNull();
      expect(plain.isAppUrl(`${DEV}/`)).toBe(false);
    });
  });

  describe('isAppUrl', () => {
    it('refuses look-alikes of the app scheme', () => {
      for (const url of [
        'app://workstation.evil.com/index.html',
        'app://evil.com/index.html',
        'app://workstation@evil.com/index.html',
        'app://user@workstation/index.html',
        'app://workstation:8080/index.html',
        'app://workstationx/index.html',
        'apps://workstation/index.html',
        'media://cache/video.mp4',
        'https://workstation/index.html',
      ]) {
        expect(isAppUrl(url, null), url).toBe(false);
      }
    });

    it('refuses pages that are not a document of ours', () => {
      for (const url of ['data:text/html,<script>1</script>', 'about:blank', 'about:srcdoc', 'blob:app://workstation/1234', 'javascript:alert(1)', 'chrome://gpu', 'devtools://devtools/bundled/inspector.html', '', 'app:', 'garbage']) {
        expect(isAppUrl(url, DEV), url).toBe(false);
      }
    });
  });
});
