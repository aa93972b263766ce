import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import DatabaseConstructor from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ServiceError } from '../../../shared/contract/result';
import { DEFAULT_SETTINGS } from '../../../shared/domain/settings/settings';
import { SettingsRepository } from '../../../electron/services/db/repositories/settings-repository';
import { migrations } from '../../../electron/services/db/migrations';
import { STORE_FILE_NAME, WorkstationStore } from '../../../electron/services/db/store';
import { tempDir } from './temp-dir';

const appliedIds = (store: WorkstationStore): number[] =>
  (store.db().prepare('SELECT id FROM schema_migrations ORDER BY id').all() as { id: number }[]).map((r) => r.id);

describe('workstation store', () => {
  let dir: ReturnType<typeof tempDir>;
  const open = (options = {}) => WorkstationStore.open(dir.path, options);

  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => dir.remove());

  it('migrates an empty folder to the latest schema with durable pragmas', () => {
    const store = open();
    expect(store.status()).toEqual({ state: 'ok', file: join(dir.path, STORE_FILE_NAME) });
    expect(appliedIds(store)).toEqual(migrations.map((m) => m.id));
    const db = store.db();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('journal_size_limit', { simple: true })).toBe(16 * 1024 * 1024);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    store.close();
  });

  it('re-opens an existing store without re-running migrations and keeps its data', () => {
    const first = open();
    const settings = new SettingsRepository(() => first.db(), () => DEFAULT_SETTINGS);
    settings.update({ language: 'en-US' });
    const deviceId = first.db().prepare('SELECT id FROM device').pluck().get();
    first.close();

    const second = open();
    expect(appliedIds(second)).toEqual(migrations.map((m) => m.id));
    expect(second.db().prepare('SELECT id FROM device').pluck().get()).toBe(deviceId);
    expect(new SettingsRepository(() => second.db(), () => DEFAULT_SETTINGS).get().language).toBe('en-US');
    expect(second.db().pragma('integrity_check', { simple: true })).toBe('ok');
    second.close();
  });

  it('upgrades a store written by an older migration set', () => {
    const older = open({ migrations: migrations.slice(0, 1) });
    expect(appliedIds(older)).toEqual([1]);
    new SettingsRepository(() => older.db(), () => DEFAULT_SETTINGS).update({ registryUrl: 'https://old.example.org' });
    older.close();

    const current = open();
    expect(appliedIds(current)).toEqual(migrations.map((m) => m.id));
    expect(current.db().prepare('SELECT count(*) FROM device').pluck().get()).toBe(1);
    expect(new SettingsRepository(() => current.db(), () => DEFAULT_SETTINGS).get().registryUrl).toBe(
      'https://old.example.org',
    );
    expect(current.db().pragma('integrity_check', { simple: true })).toBe('ok');
    current.close();
  });

  it('rolls back every step when one migration fails', () => {
    const broken = [
      ...migrations,
      { id: 99, name: 'broken', up: () => { throw new Error('step failed'); } },
    ];
    const store = open({ migrations: broken });
    expect(store.status()).toMatchObject({ state: 'unavailable', reason: 'step failed' });
    const raw = new DatabaseConstructor(join(dir.path, STORE_FILE_NAME), { readonly: true });
    expect(raw.prepare("SELECT count(*) FROM sqlite_master WHERE name IN ('settings', 'device')").pluck().get()).toBe(0);
    raw.close();
  });

  it('refuses a store written by a newer build instead of touching it', () => {
    const store = open();
    store.db().prepare("INSERT INTO schema_migrations (id, name, applied_at) VALUES (999, 'future', 'x')").run();
    store.close();
    const before = readFileSync(join(dir.path, STORE_FILE_NAME));
    const reopened = open();
    expect(reopened.status()).toMatchObject({ state: 'unavailable', reason: expect.stringContaining('newer version') });
    expect(readFileSync(join(dir.path, STORE_FILE_NAME)).equals(before)).toBe(true);
  });

  describe('a corrupt file', () => {
    const garbage = Buffer.concat([Buffer.from('not sqlite at all\n'), randomBytes(8192)]);
    let file: string;

    beforeEach(() => {
      file = join(dir.path, STORE_FILE_NAME);
      writeFileSync(file, garbage);
    });

    it('leaves the store unavailable, naming the file, with the bytes untouched', () => {
      const store = open();
      expect(store.status()).toEqual({ state: 'unavailable', file, reason: expect.stringMatching(/not a database/i) });
      expect(readFileSync(file).equals(garbage)).toBe(true);
      expect(() => store.db()).toThrow(ServiceError);
      expect(() => new SettingsRepository(() => store.db(), () => DEFAULT_SETTINGS).get()).toThrow(
        expect.objectContaining({ code: 'STORE_UNAVAILABLE', details: expect.objectContaining({ file }) }),
      );
    });

    it('moves the file aside on request and starts a fresh, healthy store', () => {
      const store = open({ now: () => new Date('2026-01-02T03:04:05.678Z') });
      const { movedTo } = store.moveAsideAndStartFresh();
      expect(movedTo).toBe(`${file}.corrupt-2026-01-02T03-04-05-678Z`);
      expect(readFileSync(movedTo).equals(garbage)).toBe(true);
      expect(store.status()).toEqual({ state: 'ok', file });
      expect(store.db().pragma('integrity_check', { simple: true })).toBe('ok');
      expect(readdirSync(dir.path).filter((name) => name.includes('.corrupt-'))).toEqual([
        `${STORE_FILE_NAME}.corrupt-2026-01-02T03-04-05-678Z`,
      ]);
      store.close();
    });
  });

  it('never moves a healthy store aside', () => {
    const store = open();
    expect(() => store.moveAsideAndStartFresh()).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(existsSync(join(dir.path, STORE_FILE_NAME))).toBe(true);
    store.close();
  });
});
