import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STORE_FILE_NAME, WorkstationStore } from '../../../electron/services/db/store';
import { tempDir } from './temp-dir';

// Tests run as root here, and root ignores permission bits: the chmod cases below only prove something for a
// normal user. The other cases fail for root too (a regular file where a folder must be, a folder where the file
// must be), so every path through open() is covered on every machine.
const isRoot = process.getuid?.() === 0;

describe('a store that cannot be opened reports itself, it does not throw', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => {
    chmodSync(dir.path, 0o700);
    dir.remove();
  });

  it('a data folder that cannot be created (a regular file in its path)', () => {
    const blocker = join(dir.path, 'not-a-folder');
    writeFileSync(blocker, 'a file where the data folder should go');
    const dataDir = join(blocker, 'data');
    let store: WorkstationStore | undefined;
    expect(() => {
      store = WorkstationStore.open(dataDir);
    }).not.toThrow();
    expect(store!.status()).toEqual({
      state: 'unavailable',
      file: join(dataDir, STORE_FILE_NAME),
      reason: expect.stringMatching(/ENOTDIR/),
    });
    expect(() => store!.db()).toThrow(expect.objectContaining({ code: 'STORE_UNAVAILABLE', details: expect.objectContaining({ file: join(dataDir, STORE_FILE_NAME) }) }));
    expect(readFileSync(blocker, 'utf8')).toBe('a file where the data folder should go');
  });

  it('works once the folder problem is fixed and the user retries', () => {
    const blocker = join(dir.path, 'not-a-folder');
    writeFileSync(blocker, 'x');
    const store = WorkstationStore.open(join(blocker, 'data'));
    expect(store.reopen().state).toBe('unavailable');
    rmSync(blocker);
    expect(store.reopen()).toEqual({ state: 'ok', file: join(blocker, 'data', STORE_FILE_NAME) });
    store.close();
  });

  it('a store file that cannot be opened (a folder in its place)', () => {
    const file = join(dir.path, STORE_FILE_NAME);
    mkdirSync(file);
    const store = WorkstationStore.open(dir.path);
    expect(store.status()).toEqual({ state: 'unavailable', file, reason: expect.any(String) });
    // moving it aside is the offered way out, and it works
    const { movedTo } = store.moveAsideAndStartFresh();
    expect(movedTo).toContain(`${STORE_FILE_NAME}.corrupt-`);
    expect(store.status()).toEqual({ state: 'ok', file });
    store.close();
  });

  it.skipIf(isRoot)('a store file with mode 000 (skipped as root: root reads it regardless)', () => {
    const healthy = WorkstationStore.open(dir.path);
    healthy.close();
    const file = join(dir.path, STORE_FILE_NAME);
    chmodSync(file, 0o000);
    const store = WorkstationStore.open(dir.path);
    expect(store.status()).toEqual({ state: 'unavailable', file, reason: expect.any(String) });
    chmodSync(file, 0o600);
  });

  it.skipIf(isRoot)('a data folder without write permission (skipped as root: root writes it regardless)', () => {
    const dataDir = join(dir.path, 'read-only');
    mkdirSync(dataDir, { mode: 0o500 });
    const store = WorkstationStore.open(dataDir);
    expect(store.status()).toMatchObject({ state: 'unavailable', file: join(dataDir, STORE_FILE_NAME) });
    chmodSync(dataDir, 0o700);
  });

  it('a failed move aside is a STORE_UNAVAILABLE error naming the file, not a crash', () => {
    const file = join(dir.path, STORE_FILE_NAME);
    mkdirSync(file);
    const store = WorkstationStore.open(dir.path, { now: () => new Date('2026-01-02T03:04:05.678Z') });
    // the target name is taken by a non-empty folder, so rename() fails even for root
    mkdirSync(join(`${file}.corrupt-2026-01-02T03-04-05-678Z`, 'occupied'), { recursive: true });
    expect(() => store.moveAsideAndStartFresh()).toThrow(
      expect.objectContaining({ code: 'STORE_UNAVAILABLE', details: expect.objectContaining({ file, reason: expect.any(String) }) }),
    );
    expect(store.status().state).toBe('unavailable');
  });
});
