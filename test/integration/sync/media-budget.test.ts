import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { mediaCacheDir } from '../../../electron/services/app/paths';
import { silentLog } from '../../../electron/services/ipc/log';
import { blobPaths } from '../../../electron/services/media-cache/blob-paths';
import { createWorkstation, type Workstation } from '../../../electron/services/workstation';
import { tempDir } from '../../unit/services/temp-dir';

const GIB = 1024 ** 3;
const DONE = 'a'.repeat(64);
const OPEN = 'b'.repeat(64);
const OLD_DONE = 'c'.repeat(64);

/**
 * The media cache keeps to the budget in the settings: at start (it may have been lowered, or tasks finished, while the
 * app was closed) and as soon as a lower budget is saved. Index rows claim large sizes so a budget of a few GiB is
 * exceeded without writing gigabytes; the files exist so eviction has something to delete.
 */
describe('media cache budget from the settings', () => {
  const dirs: Array<ReturnType<typeof tempDir>> = [];
  const open: Workstation[] = [];
  afterEach(() => {
    for (const ws of open.splice(0)) ws.close();
    for (const dir of dirs.splice(0)) dir.remove();
  });

  const start = (path: string) => {
    const ws = createWorkstation({ dataDir: path, mode: 'web', version: '0.0.0', openExternal: async () => true, quit: () => {}, log: silentLog });
    open.push(ws);
    return ws;
  };
  const seed = (ws: Workstation, root: string) => {
    const db = ws.store.db();
    const blob = db.prepare('INSERT INTO media_blobs (sha256, size, stored_at, last_opened_at) VALUES (?, ?, ?, ?)');
    const ref = db.prepare("INSERT INTO media_refs (sha256, profile_id, task_id, done) VALUES (?, 'p1', ?, ?)");
    blob.run(OLD_DONE, 3 * GIB, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
    ref.run(OLD_DONE, 't-old', 1);
    blob.run(DONE, 3 * GIB, '2026-02-01T00:00:00Z', '2026-02-01T00:00:00Z');
    ref.run(DONE, 't-done', 1);
    blob.run(OPEN, 3 * GIB, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
    ref.run(OPEN, 't-open', 0);
    for (const sha of [OLD_DONE, DONE, OPEN]) {
      const paths = blobPaths(root, sha);
      mkdirSync(paths.dir, { recursive: true });
      writeFileSync(paths.final, sha);
    }
  };
  const cached = (ws: Workstation) =>
    (ws.store.db().prepare('SELECT sha256 FROM media_blobs ORDER BY sha256').all() as { sha256: string }[]).map((r) => r.sha256);
  const settled = () => new Promise((resolve) => setTimeout(resolve, 100));

  it('evicts done tasks’ media, least recently opened first, as soon as a lower budget is saved — never an open task’s', async () => {
    const dir = tempDir('osea-budget-');
    dirs.push(dir);
    const ws = start(dir.path);
    const root = mediaCacheDir(dir.path);
    seed(ws, root);
    expect(await ws.dispatch('settings.update', { mediaQuotaGiB: 20 }, { transport: 'web' })).toMatchObject({ ok: true });
    await settled();
    expect(cached(ws)).toEqual([DONE, OPEN, OLD_DONE].sort()); // 9 GiB within 20

    expect(await ws.dispatch('settings.update', { mediaQuotaGiB: 6 }, { transport: 'web' })).toMatchObject({ ok: true });
    await settled();
    expect(cached(ws)).toEqual([DONE, OPEN].sort()); // the older done blob went first; 6 GiB fits
    expect(existsSync(blobPaths(root, OLD_DONE).final)).toBe(false);

    expect(await ws.dispatch('settings.update', { mediaQuotaGiB: 1 }, { transport: 'web' })).toMatchObject({ ok: true });
    await settled();
    expect(cached(ws)).toEqual([OPEN]); // over budget still, but an open task's media are never evicted
    expect(existsSync(blobPaths(root, OPEN).final)).toBe(true);
  });

  it('keeps to a budget lowered while the app was closed, at the next start', async () => {
    const dir = tempDir('osea-budget-');
    dirs.push(dir);
    const first = start(dir.path);
    expect(await first.dispatch('settings.update', { mediaQuotaGiB: 4 }, { transport: 'web' })).toMatchObject({ ok: true });
    await settled();
    seed(first, mediaCacheDir(dir.path)); // media arrive and tasks finish after the budget was saved; then the app closes
    first.close();
    open.splice(0);
    const again = start(dir.path);
    await settled();
    expect(cached(again)).toEqual([OPEN]);
  });
});
