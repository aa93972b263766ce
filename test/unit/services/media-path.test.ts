import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveMediaPath } from '../../../electron/services/media/resolve-media-path';
import { tempDir } from './temp-dir';

describe('resolveMediaPath', () => {
  const dir = tempDir('osea-media-');
  const root = join(dir.path, 'media');

  beforeAll(() => {
    mkdirSync(join(root, 'ab'), { recursive: true });
    writeFileSync(join(root, 'ab', 'clip.mp4'), Buffer.alloc(1000, 1));
    writeFileSync(join(root, 'name with space.mp4'), 'x');
    writeFileSync(join(dir.path, 'secret.txt'), 'outside the media folder');
    symlinkSync(join(dir.path, 'secret.txt'), join(root, 'escape.mp4'));
    symlinkSync(dir.path, join(root, 'escape-dir'));
    symlinkSync(join(root, 'ab', 'clip.mp4'), join(root, 'alias.mp4'));
  });
  afterAll(() => dir.remove());

  it('resolves a file inside the folder', () => {
    expect(resolveMediaPath(root, 'ab/clip.mp4')).toMatchObject({ ok: true, size: 1000 });
    expect(resolveMediaPath(root, 'name%20with%20space.mp4')).toMatchObject({ ok: true, size: 1 });
  });

  it('follows a symlink that stays inside the folder', () => {
    expect(resolveMediaPath(root, 'alias.mp4')).toMatchObject({ ok: true, file: expect.stringContaining('clip.mp4') });
  });

  it.each([
    ['../secret.txt'],
    ['ab/../../secret.txt'],
    ['%2e%2e/secret.txt'],
    ['%2E%2E%2Fsecret.txt'],
    ['ab/%2e%2e/%2e%2e/secret.txt'],
    ['./ab/clip.mp4'],
    ['/etc/passwd'],
    ['%2Fetc%2Fpasswd'],
    ['C:/Windows/win.ini'],
    ['escape.mp4'],
    ['escape-dir/secret.txt'],
  ])('refuses %s', (path) => {
    const result = resolveMediaPath(root, path);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.status).toBe(403);
  });

  it.each([['ab%00clip.mp4'], ['ab%5C..%5Csecret.txt'], ['%E0%A4%A']])('rejects malformed %s as bad request', (path) => {
    expect(resolveMediaPath(root, path)).toMatchObject({ ok: false, status: 400 });
  });

  it.each([['missing.mp4'], ['ab'], ['']])('answers 404 for %j', (path) => {
    expect(resolveMediaPath(root, path)).toMatchObject({ ok: false, status: 404 });
  });
});
