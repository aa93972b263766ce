import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_FILE_NAME } from '../../../electron/services/db/store';
import { silentLog } from '../../../electron/services/ipc/log';
import { startWebHost, type WebHost } from '../../../electron/web/host';
import { tempDir } from '../../unit/services/temp-dir';

describe('web host over a corrupt store', () => {
  const dir = tempDir('osea-web-corrupt-');
  const dataDir = join(dir.path, 'data');
  const file = join(dataDir, STORE_FILE_NAME);
  const garbage = Buffer.from('this is not an sqlite file '.repeat(200));
  let host: WebHost;

  const rpc = async (channel: string, input: unknown = {}) =>
    (await (
      await fetch(`${host.url}rpc/${channel}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(input),
      })
    ).json()) as Record<string, unknown>;

  beforeAll(async () => {
    mkdirSync(dataDir, { recursive: true });
    mkdirSync(join(dir.path, 'renderer'));
    writeFileSync(file, garbage);
    host = await startWebHost({ host: '127.0.0.1', port: 0, dataDir, rendererDir: join(dir.path, 'renderer'), log: silentLog });
  });
  afterAll(async () => {
    await host.close();
    dir.remove();
  });

  it('names the file, refuses settings, keeps the bytes, and recovers only when asked', async () => {
    expect(await rpc('store.status')).toMatchObject({ ok: true, value: { state: 'unavailable', file } });
    expect(await rpc('settings.get')).toMatchObject({ ok: false, error: { code: 'STORE_UNAVAILABLE', details: { file } } });
    expect(await rpc('settings.update', { language: 'en-US' })).toMatchObject({ ok: false, error: { code: 'STORE_UNAVAILABLE' } });
    expect(readFileSync(file).equals(garbage)).toBe(true);

    const moved = (await rpc('store.moveAsideAndStartFresh')) as { ok: boolean; value: { movedTo: string } };
    expect(moved.ok).toBe(true);
    expect(readFileSync(moved.value.movedTo).equals(garbage)).toBe(true);
    expect(await rpc('store.status')).toMatchObject({ ok: true, value: { state: 'ok', file } });
    expect(await rpc('settings.update', { language: 'en-US' })).toMatchObject({ ok: true, value: { language: 'en-US' } });
    expect(await rpc('store.moveAsideAndStartFresh')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});
